/** A browser that signed in on the platform's pages; the cookie holds a secret whose hash is the id. */
export interface BrowserSignIn {
  readonly idHash: string;
  readonly uid: number;
  readonly expiresAt: Date;
}

export interface BrowserSignInRepository {
  create(signIn: BrowserSignIn): Promise<void>;
  /** `undefined` when unknown or expired. */
  find(idHash: string, now: Date): Promise<BrowserSignIn | undefined>;
  delete(idHash: string): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}

/** How sign-in attempts of one subject (an account, an address, a known browser) are slowed down. */
export interface AttemptPolicy {
  /** Attempts allowed before each further one must wait. */
  readonly freeAttempts: number;
  /** Counts whose first attempt is older than this start again from nothing. */
  readonly windowMs: number;
  /** The wait after the first attempt past the free ones; it doubles with each further one. */
  readonly firstWaitMs: number;
  readonly maxWaitMs: number;
}

export type AttemptClaim = { readonly allowed: true } | { readonly allowed: false; readonly blockedUntil: Date };

/**
 * Sign-in attempts per subject, counted before the password is judged: a claim is atomic, so of
 * many attempts sent at once no more are judged than of the same attempts sent one by one.
 */
export interface SignInAttemptRepository {
  /**
   * Claims one attempt at `now`. While the subject is blocked the claim is refused and changes
   * nothing; otherwise the attempt is counted (as a failure, until refunded or cleared) and the
   * subject is blocked for the wait the new count earns.
   */
  claim(subject: string, now: Date, policy: AttemptPolicy): Promise<AttemptClaim>;
  /** Takes back one counted attempt (one that succeeded, or was never judged), unblocking the subject if it falls below the free ones. */
  refund(subject: string, policy: AttemptPolicy): Promise<void>;
  clear(subject: string): Promise<void>;
  /** Forgets counts whose last counted attempt is older than `before`. */
  deleteOlderThan(before: Date): Promise<number>;
}

/** Browsers in which a person signed in successfully: there, their attempts have a budget of their own. */
export interface KnownBrowserRepository {
  /** Idempotent; a repeat moves the expiry. */
  remember(idHash: string, uid: number, expiresAt: Date): Promise<void>;
  isKnown(idHash: string, uid: number, now: Date): Promise<boolean>;
  deleteExpired(now: Date): Promise<number>;
}
