/** Sessions: one-time auth tokens that sign-in hands over, and the API sessions they are exchanged for. */
import type { ApiSession } from '../../dispatch/ports.js';

export type { ApiSession };

/** A one-time token that login.php binds to a person and auth.getSession exchanges for a session. */
export interface AuthToken {
  readonly token: string;
  readonly appId: number;
  /** The person who signed in with it; `null` until then (desktop tokens from auth.createToken). */
  readonly uid: number | null;
  readonly expiresAt: Date;
}

export interface AuthTokenRepository {
  create(token: AuthToken): Promise<void>;
  find(token: string): Promise<AuthToken | undefined>;
  /**
   * Binds an unexpired token of `appId` to `uid`, unless another person already holds it.
   * Returns whether the token is now bound to `uid`.
   */
  bind(token: string, appId: number, uid: number, now: Date): Promise<boolean>;
  /**
   * Removes and returns the token if it belongs to `appId`, is bound to a person and has not
   * expired — atomically, so a token is exchanged at most once.
   */
  consume(token: string, appId: number, now: Date): Promise<AuthToken | undefined>;
  deleteExpired(now: Date): Promise<number>;
}

/** What storing a call's call_id found out in the same statement. */
export interface CallIdStored {
  /**
   * Whether the session's person had authorized its app at that moment: what most session calls
   * ask next (users.isAppUser, the app-user rule of other methods), answered without another read.
   */
  readonly personUsesApp: boolean;
}

export interface ApiSessionRepository {
  create(session: Omit<ApiSession, 'createdAt'>): Promise<ApiSession>;
  find(sessionKey: string): Promise<ApiSession | undefined>;
  /** The newest unexpired session of a person with an app, if any. */
  findLatest(uid: number, appId: number, now: Date): Promise<ApiSession | undefined>;
  /** Gives the session `secret` unless it already has one; returns the secret it has afterwards. */
  setSecretIfAbsent(sessionKey: string, secret: string): Promise<string | undefined>;
  /**
   * Stores `callId` as the session's latest call_id if the session exists, has not expired at `now`,
   * and `callId` is strictly greater than the stored one — atomically (of concurrent calls with one
   * call_id exactly one wins). `undefined` when it was not stored.
   */
  advanceCallId(sessionKey: string, callId: number, now: Date): Promise<CallIdStored | undefined>;
  /** Returns whether the session existed. */
  delete(sessionKey: string): Promise<boolean>;
  /**
   * Makes a person's unexpired sessions with an app never expire, keys unchanged (offline_access was
   * granted: the app may keep the key it already holds). Returns how many changed.
   */
  makeNeverExpiring(uid: number, appId: number, now: Date): Promise<number>;
  /** Ends a person's sessions with an app that never expire (offline_access was revoked). */
  deleteNeverExpiring(uid: number, appId: number): Promise<number>;
  deleteExpired(now: Date): Promise<number>;
}
