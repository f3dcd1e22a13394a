/** Who uses which app and which extended permissions they granted it. */
import type { Store } from '../store/store.js';
import { permissionCovers, type ExtendedPermission } from './extended-permissions.js';

export class GrantService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  isAppUser(uid: number, appId: number): Promise<boolean> {
    return this.#store.authorizations.isAuthorized(uid, appId);
  }

  /** A person who has not authorized the app has granted it nothing. */
  async hasPermission(uid: number, appId: number, permission: ExtendedPermission): Promise<boolean> {
    if (!(await this.isAppUser(uid, appId))) return false;
    return permissionCovers(await this.#store.permissions.list(uid, appId), permission);
  }
}
