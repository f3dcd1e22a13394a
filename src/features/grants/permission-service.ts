/**
 * Extended permissions a person grants an app (authorize.php, login.php?req_perms) and takes back
 * (auth.revokeExtendedPermission). offline_access is the one with side effects: sessions made
 * while it is granted never expire, the person's current ones with the app stop expiring when it is
 * granted (the app keeps the key it holds), and taking it back ends those sessions.
 */
import type { App } from '../apps/records.js';
import type { Store } from '../feature.js';
import { isExtendedPermission, permissionCovers, type ExtendedPermission } from './extended-permissions.js';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';

/** A comma list as apps send it (`email,offline_access`), checked name by name, duplicates dropped. */
export function parsePermissionList(text: string): ExtendedPermission[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new InvalidInputError('no permission named');
  const unknown = names.filter((name) => !isExtendedPermission(name));
  if (unknown.length > 0) throw new InvalidInputError(`unknown permission ${unknown.map((name) => JSON.stringify(name)).join(', ')}`);
  return [...new Set(names as ExtendedPermission[])];
}

export class PermissionService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** The names a person has granted an app, as stored. */
  granted(uid: number, app: App): Promise<string[]> {
    return this.#store.permissions.list(uid, app.appId);
  }

  /** Of `wanted`, those not yet covered by what the person granted (publish_stream covers five). */
  async missing(uid: number, app: App, wanted: readonly ExtendedPermission[]): Promise<ExtendedPermission[]> {
    const granted = await this.granted(uid, app);
    return wanted.filter((permission) => !permissionCovers(granted, permission));
  }

  /** Granting offline_access makes the person's current sessions with the app never expire, keys unchanged. */
  async grant(uid: number, app: App, permissions: readonly ExtendedPermission[]): Promise<void> {
    for (const permission of permissions) await this.#store.permissions.grant(uid, app.appId, permission);
    if (permissions.includes('offline_access')) await this.#store.sessions.makeNeverExpiring(uid, app.appId, new Date());
  }

  /** Idempotent. Taking back offline_access ends the person's never-expiring sessions with the app (those it made so included). */
  async revoke(uid: number, app: App, permission: ExtendedPermission): Promise<void> {
    await this.#store.permissions.revoke(uid, app.appId, permission);
    if (permission === 'offline_access') await this.#store.sessions.deleteNeverExpiring(uid, app.appId);
  }
}
