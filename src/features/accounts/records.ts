/** One-time account codes and rate counts: what the accounts feature keeps, and the repositories that keep it. */
import type { Tx } from '../../db/database.js';

/**
 * What a code is for: confirming a sign-up's address (the account comes into being then), confirming
 * a new address for an existing account, setting a new password, or signing up by invitation.
 */
export type CodePurpose = 'signup' | 'email' | 'recover' | 'invite';

/** A stored code. Only its hash is kept; the code itself travels in a link or an invitation. */
export interface AccountCode {
  readonly codeHash: string;
  readonly purpose: CodePurpose;
  readonly email: string | null;
  readonly uid: number | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly passwordHash: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export type NewAccountCode = Omit<AccountCode, 'createdAt'>;

/** Whose earlier codes of a purpose a new one replaces: one sign-up waits per address, one change or recovery per person. */
export type CodeHolder = { readonly email: string } | { readonly uid: number };

export interface AccountCodeRepository {
  /** Stores `code`, removing the holder's earlier codes of the same purpose in the same transaction. */
  replace(code: NewAccountCode, holder: CodeHolder | undefined, now: Date): Promise<void>;
  /** The unexpired code with this hash and purpose, without using it up. */
  find(codeHash: string, purpose: CodePurpose, now: Date): Promise<AccountCode | undefined>;
  /** Removes and returns the unexpired code: atomically, so a code is used at most once. */
  consume(codeHash: string, purpose: CodePurpose, now: Date, trx?: Tx): Promise<AccountCode | undefined>;
  /** The holder's unexpired code of a purpose, if one waits. */
  findFor(purpose: CodePurpose, holder: CodeHolder, now: Date): Promise<AccountCode | undefined>;
  deleteFor(purpose: CodePurpose, holder: CodeHolder): Promise<number>;
  deleteExpired(now: Date): Promise<number>;
}

export interface RateCountRepository {
  /**
   * Counts one more event of `subject` in its current window (a new window starts when the last is
   * older than `windowMs`) and answers the count with it: atomic, so of events at once each gets
   * its own number.
   */
  count(subject: string, now: Date, windowMs: number): Promise<number>;
  /** Takes one event back (one that was refused by another limit, so never happened). */
  uncount(subject: string): Promise<void>;
  deleteOlderThan(before: Date): Promise<number>;
}

/** Ends everything a person is signed in with: browser sign-ins, API sessions, auth tokens bound to them. */
export interface SignInEnder {
  endAll(uid: number): Promise<number>;
}
