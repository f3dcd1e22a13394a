/**
 * Following a confirmation link (docs/accounts.md): a sign-up's code makes the account; an e-mail
 * change's code moves the account to the new address. Either code works once, until it expires.
 */
import { DuplicateError } from '../../db/store-errors.js';
import type { Person } from '../people/records.js';
import type { AccountKit } from './account-kit.js';
import { hashOfLinkCode } from './account-codes.js';

/** What a confirmation link is for, as its page shows it before the person confirms. */
export interface PendingConfirmation {
  readonly purpose: 'signup' | 'email';
  readonly email: string;
}

export type ConfirmOutcome =
  | { readonly confirmed: 'signup' | 'email'; readonly person: Person }
  /** Unknown, expired or already used: the page cannot tell these apart, and need not. */
  | { readonly problem: 'unusable' }
  /** The address has meanwhile become another account's. */
  | { readonly problem: 'taken'; readonly email: string };

const PURPOSES = ['signup', 'email'] as const;

export class ConfirmationService {
  readonly #kit: AccountKit;

  constructor(kit: AccountKit) {
    this.#kit = kit;
  }

  /** What the link's code would confirm, without using it. */
  async pending(code: string | undefined, now = new Date()): Promise<PendingConfirmation | undefined> {
    const hash = hashOfLinkCode(code);
    if (!hash) return undefined;
    for (const purpose of PURPOSES) {
      const found = await this.#kit.store.accountCodes.find(hash, purpose, now);
      if (found?.email) return { purpose, email: found.email };
    }
    return undefined;
  }

  async confirm(code: string | undefined, now = new Date()): Promise<ConfirmOutcome> {
    const hash = hashOfLinkCode(code);
    if (!hash) return { problem: 'unusable' };
    const { accountCodes, people } = this.#kit.store;
    const signup = await accountCodes.consume(hash, 'signup', now);
    if (signup?.email && signup.firstName && signup.lastName && signup.passwordHash) {
      try {
        const person = await people.create({ email: signup.email, passwordHash: signup.passwordHash, firstName: signup.firstName, lastName: signup.lastName });
        return { confirmed: 'signup', person };
      } catch (error) {
        if (error instanceof DuplicateError) return { problem: 'taken', email: signup.email };
        throw error;
      }
    }
    const change = await accountCodes.consume(hash, 'email', now);
    if (!change?.email || change.uid === null) return { problem: 'unusable' };
    const holder = await people.findByEmail(change.email);
    if (holder && holder.uid !== change.uid) return { problem: 'taken', email: change.email };
    try {
      const person = await people.update(change.uid, { email: change.email }, now);
      return person ? { confirmed: 'email', person } : { problem: 'unusable' };
    } catch (error) {
      if (error instanceof DuplicateError) return { problem: 'taken', email: change.email };
      throw error;
    }
  }
}
