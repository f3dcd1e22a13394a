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
}

/** Fields `hearth app update` may change; absent fields stay as they are. */
export interface AppChanges {
  readonly name?: string;
  readonly type?: AppType;
  readonly callbackUrl?: string | null;
  readonly allowedAddresses?: readonly string[];
  readonly rateLimit?: RateLimit | null;
  readonly secret?: string;
}

export interface Person {
  readonly uid: number;
  readonly email: string;
  /** `scrypt$…` text made by the people service; the store never sees a password. */
  readonly passwordHash: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly pictureUrl: string | null;
  readonly createdAt: Date;
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
  list(): Promise<Person[]>;
}

/** Which people have authorized which apps ("is an app user"). */
export interface AuthorizationRepository {
  /** Idempotent. */
  authorize(uid: number, appId: number): Promise<void>;
  isAuthorized(uid: number, appId: number): Promise<boolean>;
  /** Returns whether an authorization existed. */
  revoke(uid: number, appId: number): Promise<boolean>;
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
  /** Cheap reachability probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
