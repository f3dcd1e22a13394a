/**
 * What the dispatch layer needs from the features, as the features' records satisfy it: the calling
 * app, the session a call names, and a few questions the check order asks (is the platform in
 * maintenance, does this person use the app). The server assembly hands the pipeline these ports.
 */

export type AppType = 'web' | 'desktop';

/** A request budget: at most `requests` calls per `windowSeconds`. */
export interface RateLimit {
  readonly requests: number;
  readonly windowSeconds: number;
}

/** The app a call comes from, as far as dispatch is concerned. */
export interface CallerApp {
  readonly appId: number;
  /** 32 lower-case hex characters, sent by the app in every call. */
  readonly apiKey: string;
  /** 32 lower-case hex characters, never sent over the wire by clients. */
  readonly secret: string;
  readonly type: AppType;
  /** CIDR blocks the app's calls may come from; empty means any address. */
  readonly allowedAddresses: readonly string[];
  readonly rateLimit: RateLimit | null;
}

/**
 * The app as method handlers get it: dispatch needs only a CallerApp, and the apps feature adds
 * its full record to this interface (declaration merging), so handlers can pass it on.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface MethodApp extends CallerApp {}

/** An API session: what `session_key` names. */
export interface ApiSession {
  readonly sessionKey: string;
  readonly appId: number;
  readonly uid: number;
  /** The session secret (desktop sessions, or web sessions that asked for one); `null` if none was issued. */
  readonly secret: string | null;
  /** `null` for a session that never expires. */
  readonly expiresAt: Date | null;
  readonly createdAt: Date;
}

/** A session whose call_id was just stored for the current call. */
export interface CallSession extends ApiSession {
  /** Whether the person had authorized the app at that moment. */
  readonly personUsesApp: boolean;
}

export type SessionLookup =
  | { readonly session: ApiSession }
  | { readonly problem: 'unknown' | 'other-app' }
  /** An expired session still names its secret, so a call it signed is told "expired", not "bad signature". */
  | { readonly problem: 'expired'; readonly expiredAt: Date; readonly secret: string | null };

/** How a call's session_key becomes a session, and its call_id is stored. */
export interface SessionPort {
  /** A session recently found valid, without reading the store; `undefined` when not remembered. */
  remembered(app: CallerApp, sessionKey: string, now: Date): ApiSession | undefined;
  forget(sessionKey: string): void;
  resolve(app: CallerApp, sessionKey: string, now: Date): Promise<SessionLookup>;
  /** Stores the call's call_id; `undefined` when it is not greater than the last one (or the session ended). */
  advanceCallId(session: ApiSession, callId: number, now: Date): Promise<CallSession | undefined>;
}

export interface DispatchPorts {
  readonly apps: { findByApiKey(apiKey: string): Promise<MethodApp | undefined> };
  readonly maintenance: { isOn(): Promise<boolean> };
  readonly sessions: SessionPort;
  /** Whether `uid` has authorized `appId`; `session`, when the call has one, may already know. */
  readonly appUsers: { isAppUser(uid: number, appId: number, session?: CallSession): Promise<boolean> };
  /** Whether the person `uid` may act as `id`, a place that is not a person (a fan page they administer). */
  readonly spokespeople: { speaksFor(uid: number, id: number): Promise<boolean> };
}
