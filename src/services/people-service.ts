/** People: sign-up data, normalised and checked before it reaches the store. */
import type { Person, Store } from '../store/store.js';
import { DuplicateError } from '../store/store-errors.js';
import { InvalidInputError } from './invalid-input-error.js';
import { hashPassword } from './password-hashing.js';
import { parseWebUrl } from './web-url.js';

export const MIN_PASSWORD_LENGTH = 8;

/** E-mails are compared in one form: trimmed, lower-case. */
export function normaliseEmail(text: string): string {
  const email = text.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) throw new InvalidInputError(`not an e-mail address: ${JSON.stringify(text)}`);
  return email;
}

/** "Ada Lovelace" → first "Ada", last "Lovelace"; everything after the first word is the last name. */
export function splitName(text: string): { firstName: string; lastName: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) throw new InvalidInputError(`a name needs a first and a last name, e.g. "Ada Lovelace"; got ${JSON.stringify(text)}`);
  return { firstName: words[0]!, lastName: words.slice(1).join(' ') };
}

export interface Registration {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly pictureUrl?: string | null;
}

export class PeopleService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  async register(registration: Registration): Promise<Person> {
    const email = normaliseEmail(registration.email);
    if (registration.password.length < MIN_PASSWORD_LENGTH || registration.password.trim() === '') {
      throw new InvalidInputError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters, not all spaces`);
    }
    const { firstName, lastName } = splitName(registration.name);
    if (await this.#store.people.findByEmail(email)) throw new InvalidInputError(`e-mail ${email} is already registered`);
    try {
      return await this.#store.people.create({
        email,
        passwordHash: await hashPassword(registration.password),
        firstName,
        lastName,
        pictureUrl: registration.pictureUrl == null ? null : parseWebUrl(registration.pictureUrl, 'picture URL'),
      });
    } catch (error) {
      // Another process may have registered the same address between the check and the insert.
      if (error instanceof DuplicateError) throw new InvalidInputError(`e-mail ${email} is already registered`);
      throw error;
    }
  }

  list(): Promise<Person[]> {
    return this.#store.people.list();
  }
}
