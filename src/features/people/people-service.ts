/** People: sign-up data, normalised and checked before it reaches the store. */
import type { Person } from './records.js';
import type { Store } from '../feature.js';
import { DuplicateError } from '../../db/store-errors.js';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import type { PasswordHasher } from './password-hashing.js';
import { parseWebUrl } from '../web-url.js';

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

/** What a person or an operator may change; absent fields stay, `null` clears an optional one. */
export interface ProfileEdit {
  readonly email?: string;
  readonly password?: string;
  /** "First Last". */
  readonly name?: string;
  readonly pictureUrl?: string | null;
  readonly sex?: string | null;
  readonly birthday?: string | null;
  readonly locale?: string;
  readonly timezone?: number | null;
}

export function parseSex(text: string): string {
  const sex = text.trim().toLowerCase();
  if (sex !== 'male' && sex !== 'female') throw new InvalidInputError(`sex must be male or female, not ${JSON.stringify(text)}`);
  return sex;
}

export function parseLocale(text: string): string {
  if (!/^[a-z]{2}_[A-Z]{2}$/.test(text)) throw new InvalidInputError(`locale must look like en_US, not ${JSON.stringify(text)}`);
  return text;
}

export function parseTimezone(text: string): number {
  const hours = Number(text);
  if (text.trim() === '' || !Number.isFinite(hours) || hours < -12 || hours > 14 || !Number.isInteger(hours * 4)) {
    throw new InvalidInputError(`timezone must be hours from GMT between -12 and 14, such as -8 or 5.5, not ${JSON.stringify(text)}`);
  }
  return hours;
}

/** A birthday as people write it: "November 3" or "November 3, 1985". */
export function parseBirthday(text: string): string {
  const birthday = text.trim().replace(/\s+/g, ' ');
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const match = /^([A-Za-z]+) (\d{1,2})(?:, (\d{4}))?$/.exec(birthday);
  const month = match && months.find((name) => name.toLowerCase() === match[1]!.toLowerCase());
  const day = Number(match?.[2]);
  if (!match || !month || day < 1 || day > 31) throw new InvalidInputError(`birthday must look like "November 3" or "November 3, 1985", not ${JSON.stringify(text)}`);
  return `${month} ${day}${match[3] ? `, ${match[3]}` : ''}`;
}

function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH || password.trim() === '') {
    throw new InvalidInputError(`a password needs at least ${MIN_PASSWORD_LENGTH} characters, not all spaces`);
  }
  return password;
}

export interface Registration {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly pictureUrl?: string | null;
}

export class PeopleService {
  readonly #store: Store;
  readonly #hasher: PasswordHasher;

  constructor(store: Store, hasher: PasswordHasher) {
    this.#store = store;
    this.#hasher = hasher;
  }

  async register(registration: Registration): Promise<Person> {
    const email = normaliseEmail(registration.email);
    checkPassword(registration.password);
    const { firstName, lastName } = splitName(registration.name);
    if (await this.#store.people.findByEmail(email)) throw new InvalidInputError(`e-mail ${email} is already registered`);
    try {
      return await this.#store.people.create({
        email,
        passwordHash: await this.#hasher.hash(registration.password),
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

  find(uid: number): Promise<Person | undefined> {
    return this.#store.people.findByUid(uid);
  }

  /** By e-mail as typed (normalised first); `undefined` for an unknown or malformed address. */
  async findByEmail(text: string): Promise<Person | undefined> {
    try {
      return await this.#store.people.findByEmail(normaliseEmail(text));
    } catch (error) {
      if (error instanceof InvalidInputError) return undefined;
      throw error;
    }
  }

  /** Several people by uid, in no particular order; unknown uids are left out. */
  findMany(uids: readonly number[]): Promise<Person[]> {
    return this.#store.people.findMany(uids);
  }

  /** People whose full name is exactly one of `names`, ascending uids (at most 1000). */
  findByFullNames(names: readonly string[]): Promise<Person[]> {
    return this.#store.people.findByFullNames(names);
  }

  /** Applies an edit after checking every field; nothing changes if any field is refused. */
  async update(uid: number, edit: ProfileEdit, now = new Date()): Promise<Person> {
    const email = edit.email === undefined ? undefined : normaliseEmail(edit.email);
    const names = edit.name === undefined ? undefined : splitName(edit.name);
    const changes = {
      email,
      passwordHash: edit.password === undefined ? undefined : await this.#hasher.hash(checkPassword(edit.password)),
      firstName: names?.firstName,
      lastName: names?.lastName,
      pictureUrl: typeof edit.pictureUrl === 'string' ? parseWebUrl(edit.pictureUrl, 'picture URL') : edit.pictureUrl,
      sex: typeof edit.sex === 'string' ? parseSex(edit.sex) : edit.sex,
      birthday: typeof edit.birthday === 'string' ? parseBirthday(edit.birthday) : edit.birthday,
      locale: edit.locale === undefined ? undefined : parseLocale(edit.locale),
      timezone: edit.timezone,
    };
    if (email !== undefined) {
      const holder = await this.#store.people.findByEmail(email);
      if (holder && holder.uid !== uid) throw new InvalidInputError(`e-mail ${email} is already registered`);
    }
    try {
      const updated = await this.#store.people.update(uid, changes, now);
      if (!updated) throw new InvalidInputError(`no person with uid ${uid}`);
      return updated;
    } catch (error) {
      if (error instanceof DuplicateError) throw new InvalidInputError(`e-mail ${email} is already registered`);
      throw error;
    }
  }
}
