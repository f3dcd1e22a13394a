/**
 * Signing in on the platform's pages: password checks slowed down after repeated failures (per
 * account and per address), and the browser sign-in behind the platform's cookie.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Person, Store } from '../store/store.js';
import { normaliseEmail } from './people-service.js';
import { verifyPassword } from './password-hashing.js';
import { InvalidInputError } from './invalid-input-error.js';

/** Failures allowed before each further attempt must wait. */
export const FREE_ATTEMPTS = 5;
/** Failures older than this are forgotten. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
/** The wait doubles with each failure past the free ones, up to this. */
export const MAX_WAIT_MS = 15 * 60_000;

export type SignInResult = { readonly person: Person } | { readonly problem: 'wrong-credentials' } | { readonly problem: 'slow-down'; readonly retryAfterSeconds: number };

/** A scrypt hash to check against when the e-mail is unknown, so both cases take the same time. */
const UNKNOWN_ACCOUNT_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export interface BrowserSignInStart {
  /** The cookie value: a secret only the browser holds; the store keeps its hash. */
  readonly cookieValue: string;
  readonly expiresAt: Date;
}

function hashCookie(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export class SignInService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  async #waitFor(subject: string, now: Date): Promise<number> {
    const record = await this.#store.signInFailures.get(subject);
    if (!record || record.failures < FREE_ATTEMPTS || now.getTime() - record.firstFailureAt.getTime() > FAILURE_WINDOW_MS) return 0;
    const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (record.failures - FREE_ATTEMPTS));
    return Math.max(0, record.lastFailureAt.getTime() + wait - now.getTime());
  }

  /** Checks an e-mail and password typed on login.php by a browser at `address`. */
  async checkPassword(emailText: string, password: string, address: string, now = new Date()): Promise<SignInResult> {
    let email: string;
    try {
      email = normaliseEmail(emailText);
    } catch (error) {
      if (error instanceof InvalidInputError) return { problem: 'wrong-credentials' };
      throw error;
    }
    const subjects = [`account:${email}`, `address:${address}`];
    const wait = Math.max(...(await Promise.all(subjects.map((subject) => this.#waitFor(subject, now)))));
    if (wait > 0) return { problem: 'slow-down', retryAfterSeconds: Math.ceil(wait / 1000) };

    const person = await this.#store.people.findByEmail(email);
    const matches = await verifyPassword(password, person?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    if (person && matches) {
      await this.#store.signInFailures.clear(subjects[0]!);
      return { person };
    }
    await Promise.all(subjects.map((subject) => this.#store.signInFailures.record(subject, now, FAILURE_WINDOW_MS)));
    return { problem: 'wrong-credentials' };
  }

  /** Starts a browser sign-in: a day, or thirty days when the person asked to be remembered. */
  async startBrowserSignIn(uid: number, remember: boolean, now = new Date()): Promise<BrowserSignInStart> {
    const cookieValue = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + (remember ? 30 : 1) * 86_400_000);
    await this.#store.browserSignIns.create({ idHash: hashCookie(cookieValue), uid, expiresAt });
    return { cookieValue, expiresAt };
  }

  /** The person a sign-in cookie belongs to, if it is still valid. */
  async personFromCookie(cookieValue: string | undefined, now = new Date()): Promise<Person | undefined> {
    if (!cookieValue) return undefined;
    const signIn = await this.#store.browserSignIns.find(hashCookie(cookieValue), now);
    return signIn && this.#store.people.findByUid(signIn.uid);
  }

  async endBrowserSignIn(cookieValue: string | undefined): Promise<void> {
    if (cookieValue) await this.#store.browserSignIns.delete(hashCookie(cookieValue));
  }
}
