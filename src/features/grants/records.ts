/** Which people have authorized which apps ("is an app user"). */
export interface AuthorizationRepository {
  /** Idempotent. */
  authorize(uid: number, appId: number): Promise<void>;
  isAuthorized(uid: number, appId: number): Promise<boolean>;
  /** Which of `uids` have authorized the app, in one query. */
  authorizedAmong(appId: number, uids: readonly number[]): Promise<Set<number>>;
  /** The app ids a person has authorized, oldest first. */
  listApps(uid: number): Promise<number[]>;
  /**
   * Removes the authorization and everything that hangs on it — extended permissions, API
   * sessions, profile FBML — in one transaction. Returns whether an authorization existed.
   */
  revoke(uid: number, appId: number): Promise<boolean>;
}

/** Extended permissions granted by a person to an app, by wire name (`email`, `offline_access`, …). */
export interface PermissionRepository {
  /** Idempotent. */
  grant(uid: number, appId: number, permission: string): Promise<void>;
  list(uid: number, appId: number): Promise<string[]>;
  /** Which of `uids` granted the app `permission` (by its own name, nothing implied), in one query. */
  grantedAmong(appId: number, permission: string, uids: readonly number[]): Promise<Set<number>>;
  /** Idempotent; returns whether the permission had been granted. */
  revoke(uid: number, appId: number, permission: string): Promise<boolean>;
}
