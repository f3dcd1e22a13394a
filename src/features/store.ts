/**
 * The Store: everything Hearth keeps, behind one async contract that every backend implements
 * (SQLite now, PostgreSQL for several instances). Nothing above this file knows which backend
 * it talks to. It is split into one small repository per aggregate.
 *
 * Backends report a database they cannot reach as `StoreUnavailableError` (API error 2) and a
 * broken uniqueness rule as `DuplicateError`; any other failure is a bug (API error 1).
 */

export type AppType = 'web' | 'desktop';

/** A request budget: at most `requests` calls per `windowSeconds`. */
export interface RateLimit {
  readonly requests: number;
  readonly windowSeconds: number;
}

export interface App {
  readonly appId: number;
  /** 32 lower-case hex characters, sent by the app in every call. */
  readonly apiKey: string;
  /** 32 lower-case hex characters, never sent over the wire by clients. */
  readonly secret: string;
  readonly name: string;
  readonly type: AppType;
  readonly callbackUrl: string | null;
  /** CIDR blocks the app's calls may come from; empty means any address. */
  readonly allowedAddresses: readonly string[];
  readonly rateLimit: RateLimit | null;
  /** Receives a signed background POST when a person authorizes the app. */
  readonly postAuthorizeUrl: string | null;
  /** Receives a signed background POST when a person removes the app. */
  readonly postRemoveUrl: string | null;
  readonly createdAt: Date;
}

export interface NewApp {
  readonly apiKey: string;
  readonly secret: string;
  readonly name: string;
  readonly type: AppType;
  readonly callbackUrl: string | null;
  readonly allowedAddresses?: readonly string[];
  readonly rateLimit?: RateLimit | null;
  readonly postAuthorizeUrl?: string | null;
  readonly postRemoveUrl?: string | null;
}

/** Fields `hearth app update` may change; absent fields stay as they are. */
export interface AppChanges {
  readonly name?: string;
  readonly type?: AppType;
  readonly callbackUrl?: string | null;
  readonly allowedAddresses?: readonly string[];
  readonly rateLimit?: RateLimit | null;
  readonly secret?: string;
  readonly postAuthorizeUrl?: string | null;
  readonly postRemoveUrl?: string | null;
}

export interface Person {
  readonly uid: number;
  readonly email: string;
  /** `scrypt$…` text made by the people service; the store never sees a password. */
  readonly passwordHash: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly pictureUrl: string | null;
  /** `male`, `female`, or `null` when not given. */
  readonly sex: string | null;
  /** As displayed, e.g. `November 3` or `November 3, 1985`. */
  readonly birthday: string | null;
  /** e.g. `en_US`. */
  readonly locale: string;
  /** Offset from GMT in hours, e.g. `-8` or `5.5`. */
  readonly timezone: number | null;
  /** When the person last changed their profile; `null` if never. */
  readonly profileUpdatedAt: Date | null;
  readonly createdAt: Date;
}

/** Profile fields a person (or an operator) may change; absent fields stay as they are. */
export interface PersonChanges {
  readonly email?: string;
  readonly passwordHash?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly pictureUrl?: string | null;
  readonly sex?: string | null;
  readonly birthday?: string | null;
  readonly locale?: string;
  readonly timezone?: number | null;
}

export interface NewPerson {
  readonly email: string;
  readonly passwordHash: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly pictureUrl?: string | null;
}

/** The FBML slots profile.setFBML takes (methods.md); `null` is a slot never set. */
export interface ProfileFbml {
  readonly profile: string | null;
  readonly profileMain: string | null;
  readonly mobileProfile: string | null;
  readonly profileAction: string | null;
}

export type ProfileFbmlSlot = keyof ProfileFbml;

/** One app's stored slots for a person (`ProfileFbmlRepository.listForPerson`). */
export interface AppProfileFbml extends ProfileFbml {
  readonly appId: number;
}

export interface AppRepository {
  /** Assigns the next app_id. Throws `DuplicateError` if the api_key exists. */
  create(app: NewApp): Promise<App>;
  findById(appId: number): Promise<App | undefined>;
  findByApiKey(apiKey: string): Promise<App | undefined>;
  list(): Promise<App[]>;
  /** Returns the updated app, or `undefined` if there is no such app. */
  update(appId: number, changes: AppChanges): Promise<App | undefined>;
}

export interface PersonRepository {
  /** Assigns the next uid. Throws `DuplicateError` if the e-mail is taken. */
  create(person: NewPerson): Promise<Person>;
  findByUid(uid: number): Promise<Person | undefined>;
  /** Exact match: the people service stores and looks up e-mails in one normalised form. */
  findByEmail(email: string): Promise<Person | undefined>;
  /** Several people at once, in no particular order; unknown uids are left out. */
  findMany(uids: readonly number[]): Promise<Person[]>;
  list(): Promise<Person[]>;
  /**
   * Changes a person and stamps the profile update time (except for e-mail or password only).
   * Returns the updated person, or `undefined` if there is no such uid. Throws `DuplicateError`
   * for an e-mail that is taken.
   */
  update(uid: number, changes: PersonChanges, now: Date): Promise<Person | undefined>;
}

/** Which people have authorized which apps ("is an app user"). */
export interface AuthorizationRepository {
  /** Idempotent. */
  authorize(uid: number, appId: number): Promise<void>;
  isAuthorized(uid: number, appId: number): Promise<boolean>;
  /** The app ids a person has authorized, oldest first. */
  listApps(uid: number): Promise<number[]>;
  /**
   * Removes the authorization and everything that hangs on it — extended permissions, API
   * sessions, profile FBML — in one transaction. Returns whether an authorization existed.
   */
  revoke(uid: number, appId: number): Promise<boolean>;
}

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
  /** Ends a person's sessions with an app that never expire (offline_access was revoked). */
  deleteNeverExpiring(uid: number, appId: number): Promise<number>;
  deleteExpired(now: Date): Promise<number>;
}

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

/** Extended permissions granted by a person to an app, by wire name (`email`, `offline_access`, …). */
export interface PermissionRepository {
  /** Idempotent. */
  grant(uid: number, appId: number, permission: string): Promise<void>;
  list(uid: number, appId: number): Promise<string[]>;
  /** Idempotent; returns whether the permission had been granted. */
  revoke(uid: number, appId: number, permission: string): Promise<boolean>;
}

export interface ProfileFbmlRepository {
  /** `undefined` when the app never set FBML for this person. */
  get(uid: number, appId: number): Promise<ProfileFbml | undefined>;
  /** Writes the given slots and leaves the others as stored, in one atomic step. */
  update(uid: number, appId: number, slots: Partial<ProfileFbml>): Promise<void>;
  /** Every app's stored slots for one person (the profile page), in ascending app_id order. */
  listForPerson(uid: number): Promise<AppProfileFbml[]>;
}

/** A pending friend request: `fromUid` asked `toUid`, who has not answered yet. */
export interface FriendRequest {
  readonly fromUid: number;
  readonly toUid: number;
  readonly createdAt: Date;
}

/** What a friend request did: see `FriendshipRepository.request`. */
export type FriendRequestOutcome = 'requested' | 'already-requested' | 'accepted' | 'already-friends';

/**
 * Friendships (symmetric: A is B's friend exactly when B is A's) and pending requests (directed).
 * Callers check that both people exist and differ; the repository keeps the pairs consistent.
 * Friendships and requests go with either person.
 */
/** A friend request addressed to an e-mail address, as its sender sees it. */
export interface FriendInvitation {
  /** Normalised, as typed. */
  readonly email: string;
  readonly createdAt: Date;
}

/**
 * Friendships, friend requests to a person, and invitations: requests to an e-mail address, which
 * whoever holds that address sees as a request (friend-invitation-sql.ts).
 */
export interface FriendshipRepository {
  /**
   * `fromUid` asks `toUid`, atomically: `already-friends` if they are friends (nothing changes),
   * `accepted` if `toUid` had already asked `fromUid`, by uid or by address (they become friends
   * and that request goes), `already-requested` if this request is pending already, otherwise `requested`.
   */
  request(fromUid: number, toUid: number, now: Date): Promise<FriendRequestOutcome>;
  /** `toUid` accepts the pending request or invitation from `fromUid`: they become friends. False if there was none. */
  accept(fromUid: number, toUid: number, now: Date): Promise<boolean>;
  /** Removes the pending request from `fromUid` to `toUid` (cancelled). Returns whether it existed. */
  deleteRequest(fromUid: number, toUid: number): Promise<boolean>;
  /**
   * `toUid` declines what `fromUid` sent: the request goes, an invitation to their address is
   * marked declined (its sender still sees it as sent). Returns whether there was either.
   */
  decline(fromUid: number, toUid: number): Promise<boolean>;
  /** Makes two people friends at once, dropping requests and invitations between them. Returns whether they were not friends before. */
  befriend(a: number, b: number, now: Date): Promise<boolean>;
  /** `fromUid` asks whoever has `email` (normalised). Idempotent; a declined invitation stays declined. */
  invite(fromUid: number, email: string, now: Date): Promise<void>;
  /** Invitations `uid` sent that were not accepted, oldest first (declined ones included: the sender is not told). */
  invitationsFrom(uid: number): Promise<FriendInvitation[]>;
  /** `fromUid` takes an invitation back. Returns whether it existed. */
  deleteInvitation(fromUid: number, email: string): Promise<boolean>;
  /** Ends a friendship; returns whether it existed. */
  unfriend(a: number, b: number): Promise<boolean>;
  /** Symmetric; a person is not their own friend. */
  areFriends(a: number, b: number): Promise<boolean>;
  /** A person's friends' uids, ascending. */
  friendsOf(uid: number): Promise<number[]>;
  /** Requests waiting for `uid`'s answer, oldest first: to their uid, or open invitations to their address. */
  requestsTo(uid: number): Promise<FriendRequest[]>;
  /** Requests `uid` sent that are still pending, oldest first. */
  requestsFrom(uid: number): Promise<FriendRequest[]>;
}

/** Request counts per app and fixed time window, shared by every instance that uses this store. */
export interface RateLimitRepository {
  /** Counts one request of `appId` in the window starting at `windowStart`; returns the window's count so far. */
  hit(appId: number, windowStart: Date): Promise<number>;
  /** Forgets windows that started before `before`. */
  deleteBefore(before: Date): Promise<number>;
}

/** Operator switches that every instance must see at once (the maintenance switch). */
export interface SettingRepository {
  get(name: string): Promise<string | undefined>;
  /** `undefined` removes the setting. */
  set(name: string, value: string | undefined): Promise<void>;
}

export interface Store {
  readonly apps: AppRepository;
  readonly people: PersonRepository;
  readonly authorizations: AuthorizationRepository;
  readonly permissions: PermissionRepository;
  readonly profiles: ProfileFbmlRepository;
  readonly settings: SettingRepository;
  readonly rateLimits: RateLimitRepository;
  readonly authTokens: AuthTokenRepository;
  readonly sessions: ApiSessionRepository;
  readonly browserSignIns: BrowserSignInRepository;
  readonly signInAttempts: SignInAttemptRepository;
  readonly knownBrowsers: KnownBrowserRepository;
  readonly friendships: FriendshipRepository;
  /** Cheap reachability probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
