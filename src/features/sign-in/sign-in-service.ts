/**
 * Signing in on the platform's pages: password checks slowed down after repeated failures, and the
 * browser sign-in behind the platform's cookie.
 *
 * Every attempt is claimed before its password is judged, per account and per address (or, in a
 * browser where that person signed in before, per browser only), with a claim that is atomic in the
 * store: a burst of attempts gets no more guesses than the same attempts one by one. A browser that
 * signed in successfully keeps a budget of its own, so typing wrong passwords for someone elsewhere
 * cannot lock them out of their own browser (docs/security.md).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AttemptPolicy } from './records.js';
import type { Person } from '../people/records.js';
import type { Store } from '../feature.js';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { PasswordHasher } from '../people/password-hashing.js';
import { normaliseEmail } from '../people/people-service.js';

export const SIGN_IN_POLICY: AttemptPolicy = {
  freeAttempts: 5,
  windowMs: 15 * 60_000,
  firstWaitMs: 1000,
  maxWaitMs: 15 * 60_000,
};

/** How long a browser stays known after its last successful sign-in. */
const KNOWN_BROWSER_MS = 365 * 86_400_000;

export type SignInResult =
  | { readonly person: Person; readonly knownBrowser: KnownBrowserCookie }
  | { readonly problem: 'wrong-credentials' }
  | { readonly problem: 'slow-down'; readonly retryAfterSeconds: number };

/** The known-browser cookie to set after a successful sign-in. */
export interface KnownBrowserCookie {
  readonly value: string;
  readonly maxAgeSeconds: number;
}

export interface SignInAttempt {
  readonly email: string;
  readonly password: string;
  /** The browser's address (after --trust-proxy). */
  readonly address: string;
  /** The browser's known-browser cookie, if it sent one. */
  readonly knownBrowser?: string;
}

export interface BrowserSignInStart {
  /** The cookie value: a secret only the browser holds; the store keeps its hash. */
  readonly cookieValue: string;
  readonly expiresAt: Date;
}

function hashCookie(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

const COOKIE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export class SignInService {
  readonly #store: Store;
  readonly #hasher: PasswordHasher;
  /** Told the person of every page view their sign-in cookie names (presence listens). */
  readonly #seenListeners: Array<(uid: number, now: Date) => Promise<void>> = [];

  constructor(store: Store, hasher: PasswordHasher) {
    this.#store = store;
    this.#hasher = hasher;
  }

  /** Checks an e-mail and password typed on a sign-in form. */
  async checkPassword(attempt: SignInAttempt, now = new Date()): Promise<SignInResult> {
    let email: string;
    try {
      email = normaliseEmail(attempt.email);
    } catch (error) {
      if (error instanceof InvalidInputError) return { problem: 'wrong-credentials' };
      throw error;
    }
    const person = await this.#store.people.findByEmail(email);
    const browser = attempt.knownBrowser !== undefined && COOKIE_SHAPE.test(attempt.knownBrowser) ? hashCookie(attempt.knownBrowser) : undefined;
    const known = person !== undefined && browser !== undefined && (await this.#store.knownBrowsers.isKnown(browser, person.uid, now));
    // In a browser the person signed in from before, only that browser's own budget applies.
    const subjects = known ? [`browser:${browser}:${person.uid}`] : [`account:${email}`, `address:${attempt.address}`];

    const claims = await Promise.all(subjects.map((subject) => this.#store.signInAttempts.claim(subject, now, SIGN_IN_POLICY)));
    const blocked = claims.flatMap((claim) => (claim.allowed ? [] : [claim.blockedUntil.getTime()]));
    if (blocked.length > 0) {
      // Not judged, so not counted anywhere.
      await Promise.all(subjects.map((subject, index) => (claims[index]!.allowed ? this.#store.signInAttempts.refund(subject, SIGN_IN_POLICY) : undefined)));
      return { problem: 'slow-down', retryAfterSeconds: Math.max(1, Math.ceil((Math.max(...blocked) - now.getTime()) / 1000)) };
    }

    const matches = await this.#hasher.verifyOrDecoy(attempt.password, person?.passwordHash);
    if (!person || !matches) return { problem: 'wrong-credentials' };

    // The person's own subject starts again; the shared address only gives back this attempt.
    await Promise.all(subjects.map((subject) => (subject.startsWith('address:') ? this.#store.signInAttempts.refund(subject, SIGN_IN_POLICY) : this.#store.signInAttempts.clear(subject))));
    if (this.#hasher.needsRehash(person.passwordHash)) {
      await this.#store.people.update(person.uid, { passwordHash: await this.#hasher.hash(attempt.password) }, now);
    }
    return { person, knownBrowser: await this.#rememberBrowser(attempt.knownBrowser, person.uid, now) };
  }

  async #rememberBrowser(existing: string | undefined, uid: number, now: Date): Promise<KnownBrowserCookie> {
    const value = existing !== undefined && COOKIE_SHAPE.test(existing) ? existing : randomBytes(32).toString('base64url');
    await this.#store.knownBrowsers.remember(hashCookie(value), uid, new Date(now.getTime() + KNOWN_BROWSER_MS));
    return { value, maxAgeSeconds: KNOWN_BROWSER_MS / 1000 };
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
    if (!signIn) return undefined;
    for (const listener of this.#seenListeners) await listener(signIn.uid, now);
    return this.#store.people.findByUid(signIn.uid);
  }

  /** Calls `listener` with the person whenever a page finds them signed in by their cookie. */
  onPersonSeen(listener: (uid: number, now: Date) => Promise<void>): void {
    this.#seenListeners.push(listener);
  }

  async endBrowserSignIn(cookieValue: string | undefined): Promise<void> {
    if (cookieValue) await this.#store.browserSignIns.delete(hashCookie(cookieValue));
  }
}
