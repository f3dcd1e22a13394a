/** Apps: what a developer registers (`hearth app create`), and the request counts behind rate limits. */
import type { Tx } from '../../db/database.js';
import type { AppType, CallerApp, RateLimit } from '../../dispatch/ports.js';

export type { AppType, RateLimit };

export interface App extends CallerApp {
  readonly name: string;
  readonly callbackUrl: string | null;
  /** Receives a signed background POST when a person authorizes the app. */
  readonly postAuthorizeUrl: string | null;
  /** Receives a signed background POST when a person removes the app. */
  readonly postRemoveUrl: string | null;
  /** The name of its canvas pages, `/apps/<canvasName>/…` (lower-case); `null` for none (docs/canvas.md). */
  readonly canvasName: string | null;
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
  readonly canvasName?: string | null;
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
  readonly canvasName?: string | null;
}

export interface AppRepository {
  /** Assigns the next app_id. Throws `DuplicateError` if the api_key or the canvas name exists. */
  create(app: NewApp): Promise<App>;
  findById(appId: number): Promise<App | undefined>;
  findByApiKey(apiKey: string): Promise<App | undefined>;
  /** The app whose canvas pages these are; `canvasName` as stored (lower-case). */
  findByCanvasName(canvasName: string): Promise<App | undefined>;
  list(): Promise<App[]>;
  /** The apps whose callback URL contains `fragment` (a path, say), in app_id order. */
  withCallbackContaining(fragment: string): Promise<App[]>;
  /**
   * Returns the updated app, or `undefined` if there is no such app. Given a transaction, the
   * update is part of it (admin.setAppProperties writes an app's fields and its other properties at once).
   */
  update(appId: number, changes: AppChanges, trx?: Tx): Promise<App | undefined>;
}

/** Request counts per app and fixed time window, shared by every instance that uses this store. */
export interface RateLimitRepository {
  /** Counts one request of `appId` in the window starting at `windowStart`; returns the window's count so far. */
  hit(appId: number, windowStart: Date): Promise<number>;
  /** Forgets windows that started before `before`. */
  deleteBefore(before: Date): Promise<number>;
}
