/**
 * The limits on sign-ups and on the mails account pages send (docs/accounts.md, "Protections"):
 * fixed windows counted in the store, so every instance shares them. An event is counted against
 * each of its subjects at once; if any refuses, the others take theirs back.
 */
import type { RateCountRepository } from './records.js';

export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const ACCOUNT_LIMITS = {
  /** Sign-ups from one client address. */
  signupsPerAddress: { max: 5, windowMs: HOUR },
  /** Sign-ups from everyone together: a flood from many addresses is stopped at this. */
  signupsOverall: { max: 100, windowMs: HOUR },
  /** Confirmation mails (sign-up, sent again, e-mail change) to one address. */
  confirmationsPerRecipient: { max: 5, windowMs: DAY },
  /** Requests of confirmations sent again, and of recoveries, from one client address. */
  requestsPerAddress: { max: 10, windowMs: HOUR },
  /** Recovery mails to one address. */
  recoveriesPerRecipient: { max: 5, windowMs: DAY },
} as const satisfies Record<string, RateLimit>;

export type LimitName = keyof typeof ACCOUNT_LIMITS;

/** One event to count: which limit, and of whom (an address, an e-mail, or nobody for the overall one). */
export interface Counted {
  readonly limit: LimitName;
  readonly of: string;
}

export class AccountLimiter {
  readonly #counts: RateCountRepository;

  constructor(counts: RateCountRepository) {
    this.#counts = counts;
  }

  /** Counts the event against every subject; false (and nothing counted) when any is at its limit. */
  async allow(events: readonly Counted[], now = new Date()): Promise<boolean> {
    const subjects = events.map(({ limit, of }) => `${limit}:${of}`);
    const counts = await Promise.all(events.map(({ limit }, index) => this.#counts.count(subjects[index]!, now, ACCOUNT_LIMITS[limit].windowMs)));
    if (counts.every((count, index) => count <= ACCOUNT_LIMITS[events[index]!.limit].max)) return true;
    await Promise.all(subjects.map((subject) => this.#counts.uncount(subject)));
    return false;
  }

  /** Forgets counts whose window ended before `now` (the longest window). */
  purge(now: Date): Promise<number> {
    return this.#counts.deleteOlderThan(new Date(now.getTime() - DAY));
  }
}
