/** The one-time codes of /code_gen.php (docs/code-gen.md) and how they are stored. */

/** A code a person made for an app, which auth.getSession takes once as `auth_token`. */
export interface SessionCode {
  readonly appId: number;
  /** Six capitals and digits, as shown on the page. */
  readonly code: string;
  readonly uid: number;
  readonly expiresAt: Date;
}

export interface SessionCodeRepository {
  /**
   * Stores the code as the person's one unused code for the app, replacing an older one. Throws
   * `DuplicateError` when the app already has these six characters (another person's code).
   */
  replace(code: SessionCode, now: Date): Promise<void>;
  /** The person's unused, unexpired code for the app, if any. */
  findFor(appId: number, uid: number, now: Date): Promise<SessionCode | undefined>;
  /**
   * Removes and returns the app's code if it has not expired — atomically, so a code is exchanged
   * at most once.
   */
  consume(appId: number, code: string, now: Date): Promise<SessionCode | undefined>;
  deleteExpired(now: Date): Promise<number>;
  /** Counts one code exchange of the app in the window starting at `windowStart`; the window's count with it. */
  countAttempt(appId: number, windowStart: Date): Promise<number>;
  /** Takes back a counted attempt that turned out to hold a right code. */
  refundAttempt(appId: number, windowStart: Date): Promise<void>;
  /** Drops the counts of windows that started before `before`. */
  deleteWindowsBefore(before: Date): Promise<number>;
}
