/**
 * Auth tokens and API sessions (docs/protocol-choices.md, "Sessions", and the auth.* rows of
 * "Methods"): creating tokens, binding them to the person who signs in, exchanging them for
 * sessions, and checking the sessions calls name.
 */
import { LRUCache } from 'lru-cache';
import { randomBytes } from 'node:crypto';
import type { ApiSession } from './records.js';
import type { App } from '../apps/records.js';
import type { Store } from '../feature.js';
import type { CallSession, SessionLookup } from '../../dispatch/ports.js';

export type { CallSession, SessionLookup };

export interface SessionSettings {
  /**
   * Lifetime of a temporary session before `expires` is rounded up to the hour
   * (docs/protocol-choices.md, "Sessions").
   */
  readonly sessionLifetimeSeconds: number;
  /** How long an auth token may wait for its sign-in and exchange. */
  readonly tokenLifetimeSeconds: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { sessionLifetimeSeconds: 86_400, tokenLifetimeSeconds: 3_600 };

/**
 * Sessions remembered between calls: those of the last moments of traffic (a person's page view
 * makes its calls within milliseconds). Kept small on purpose: at high load, entries that outlive a
 * few young-generation collections are promoted and inflate the heap for no hits.
 */
const REMEMBERED_SESSIONS = 2_000;

/**
 * 32 lower-case hex characters: the shape of tokens and session secrets (docs/protocol-choices.md,
 * "Sessions").
 */
export function newHexSecret(): string {
  return randomBytes(16).toString('hex');
}

/** 22 random base64url characters, as in the captured 2009 keys. */
function randomPart(): string {
  return randomBytes(16).toString('base64url').slice(0, 22);
}

/** `3.<random>__.<lifetime>.<expires>-<uid>`, or `…__.0.0-<uid>` for a session that never expires. */
export function formatSessionKey(uid: number, lifetimeSeconds: number, expiresAt: Date | null): string {
  const expires = expiresAt === null ? 0 : Math.floor(expiresAt.getTime() / 1000);
  return `3.${randomPart()}__.${expiresAt === null ? 0 : lifetimeSeconds}.${expires}-${uid}`;
}

/** A session a call has been let in with: checked in the store as its call_id was stored. */
export class SessionService {
  readonly #store: Store;
  readonly #settings: SessionSettings;
  /**
   * Sessions recently found valid, so that a person's next calls need not read them again before
   * their signature is checked. Safe to serve stale: what is remembered (key, app, person, expiry)
   * never changes; a session ended since is caught by `advanceCallId`, which checks in the store;
   * a secret given since (auth.promoteSession) is caught because callers look again after a refusal.
   */
  readonly #remembered = new LRUCache<string, ApiSession>({ max: REMEMBERED_SESSIONS });
  /** Told the person of every call let in with a session (presence listens). */
  readonly #admittedListeners: Array<(uid: number, now: Date) => Promise<void>> = [];

  constructor(store: Store, settings: SessionSettings = DEFAULT_SESSION_SETTINGS) {
    this.#store = store;
    this.#settings = settings;
  }

  get settings(): SessionSettings {
    return this.#settings;
  }

  #tokenExpiry(now: Date): Date {
    return new Date(now.getTime() + this.#settings.tokenLifetimeSeconds * 1000);
  }

  /** auth.createToken: a token for a desktop app to send its person to login.php with. */
  async createToken(app: App, now = new Date()): Promise<string> {
    const token = newHexSecret();
    await this.#store.authTokens.create({ token, appId: app.appId, uid: null, expiresAt: this.#tokenExpiry(now) });
    return token;
  }

  /** login.php for a web app: a token already bound to the person, for the callback URL. */
  async issueToken(app: App, uid: number, now = new Date()): Promise<string> {
    const token = newHexSecret();
    await this.#store.authTokens.create({ token, appId: app.appId, uid, expiresAt: this.#tokenExpiry(now) });
    return token;
  }

  /** login.php for a desktop app: binds the app's token to the person who signed in. */
  bindToken(app: App, token: string, uid: number, now = new Date()): Promise<boolean> {
    return this.#store.authTokens.bind(token, app.appId, uid, now);
  }

  /** Whether a token exists for this app, unexpired, and still free for `uid` to bind. */
  async tokenUsableBy(app: App, token: string, uid: number, now = new Date()): Promise<boolean> {
    const found = await this.#store.authTokens.find(token);
    return found !== undefined && found.appId === app.appId && found.expiresAt > now && (found.uid === null || found.uid === uid);
  }

  /** Whether a token exists for this app, unexpired and bound to no one yet: login.php checks this before anyone signs in. */
  async tokenAwaitingSignIn(app: App, token: string, now = new Date()): Promise<boolean> {
    const found = await this.#store.authTokens.find(token);
    return found !== undefined && found.appId === app.appId && found.expiresAt > now && found.uid === null;
  }

  /**
   * Creates a session for a person. It never expires when the person granted the app
   * `offline_access`; otherwise `expires` is the lifetime from now, rounded up to a full hour.
   */
  async createSession(app: App, uid: number, options: { withSecret: boolean }, now = new Date()): Promise<ApiSession> {
    const offline = (await this.#store.permissions.list(uid, app.appId)).includes('offline_access');
    const lifetime = this.#settings.sessionLifetimeSeconds;
    const hour = 3_600_000;
    const expiresAt = offline ? null : new Date(Math.ceil((now.getTime() + lifetime * 1000) / hour) * hour);
    return this.#store.sessions.create({
      sessionKey: formatSessionKey(uid, lifetime, expiresAt),
      appId: app.appId,
      uid,
      // Desktop sessions always sign with their own secret; web sessions only when asked, and never
      // sessions that do not expire (a client-side secret is meant to be temporary).
      secret: app.type === 'desktop' || (options.withSecret && expiresAt !== null) ? newHexSecret() : null,
      expiresAt,
    });
  }

  /** auth.getSession: exchanges a bound token once. `undefined` when the token cannot be used. */
  async exchangeToken(app: App, token: string, options: { withSecret: boolean }, now = new Date()): Promise<ApiSession | undefined> {
    const consumed = await this.#store.authTokens.consume(token, app.appId, now);
    if (!consumed || consumed.uid === null) return undefined;
    return this.createSession(app, consumed.uid, options, now);
  }

  /** The session a call names, as the store has it now, or why it cannot be used. */
  async resolve(app: App, sessionKey: string, now = new Date()): Promise<SessionLookup> {
    const session = await this.#store.sessions.find(sessionKey);
    if (!session) return { problem: 'unknown' };
    if (session.appId !== app.appId) return { problem: 'other-app' };
    if (session.expiresAt !== null && session.expiresAt <= now) return { problem: 'expired', expiredAt: session.expiresAt, secret: session.secret };
    this.#remembered.set(sessionKey, session);
    return { session };
  }

  /**
   * A session of this app, unexpired, that a recent call found valid — possibly ended or promoted
   * since. Anyone refusing a call on the strength of it must `forget` it and `resolve` again.
   */
  remembered(app: App, sessionKey: string, now = new Date()): ApiSession | undefined {
    const session = this.#remembered.get(sessionKey);
    if (!session || session.appId !== app.appId || (session.expiresAt !== null && session.expiresAt <= now)) return undefined;
    return session;
  }

  forget(sessionKey: string): void {
    this.#remembered.delete(sessionKey);
  }

  /** auth.promoteSession: the session's secret, made now if it has none. */
  async promote(session: ApiSession): Promise<string> {
    this.forget(session.sessionKey);
    const secret = await this.#store.sessions.setSecretIfAbsent(session.sessionKey, newHexSecret());
    if (secret === undefined) throw new Error(`session ${session.sessionKey} vanished while being promoted`);
    return secret;
  }

  /**
   * Stores the call's call_id if the session still exists, has not expired, and the id is greater
   * than the last: the session as this call may use it, or `undefined`.
   */
  async advanceCallId(session: ApiSession, callId: number, now = new Date()): Promise<CallSession | undefined> {
    const stored = await this.#store.sessions.advanceCallId(session.sessionKey, callId, now);
    if (!stored) return undefined;
    for (const listener of this.#admittedListeners) await listener(session.uid, now);
    return { ...session, personUsesApp: stored.personUsesApp };
  }

  /** Calls `listener` with the person of every call let in with their session, before the method runs. */
  onCallAdmitted(listener: (uid: number, now: Date) => Promise<void>): void {
    this.#admittedListeners.push(listener);
  }

  expire(session: ApiSession): Promise<boolean> {
    this.forget(session.sessionKey);
    return this.#store.sessions.delete(session.sessionKey);
  }

  /** Ends a session named outside the API (logout.php), only if it is this person's session with this app. */
  async expireFor(app: App, uid: number, sessionKey: string): Promise<boolean> {
    const session = await this.#store.sessions.find(sessionKey);
    if (!session || session.appId !== app.appId || session.uid !== uid) return false;
    this.forget(sessionKey);
    return this.#store.sessions.delete(sessionKey);
  }

  latestSession(app: App, uid: number, now = new Date()): Promise<ApiSession | undefined> {
    return this.#store.sessions.findLatest(uid, app.appId, now);
  }
}
