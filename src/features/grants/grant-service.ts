/** Who uses which app and which extended permissions they granted it. */
import type { App } from '../apps/records.js';
import type { Store } from '../feature.js';
import type { AppNotifier } from '../apps/app-notifier.js';
import { permissionCovers, type ExtendedPermission } from './extended-permissions.js';
import type { CallSession, SessionService } from '../sessions/session-service.js';

export class GrantService {
  readonly #store: Store;
  readonly #notifier: AppNotifier;
  readonly #sessions: SessionService;

  constructor(store: Store, notifier: AppNotifier, sessions: SessionService) {
    this.#store = store;
    this.#notifier = notifier;
    this.#sessions = sessions;
  }

  /** `session`: the call's own session, which already knows the answer for its person (read as the call was let in). */
  isAppUser(uid: number, appId: number, session?: CallSession): Promise<boolean> {
    if (session !== undefined && session.uid === uid && session.appId === appId) return Promise.resolve(session.personUsesApp);
    return this.#store.authorizations.isAuthorized(uid, appId);
  }

  /** Which of `uids` have authorized the app, in one query. */
  appUsersAmong(appId: number, uids: readonly number[]): Promise<Set<number>> {
    return this.#store.authorizations.authorizedAmong(appId, uids);
  }

  /** Which of `uids` granted the app `permission` itself (an authorization being gone takes its permissions with it). */
  grantedAmong(appId: number, permission: ExtendedPermission, uids: readonly number[]): Promise<Set<number>> {
    return this.#store.permissions.grantedAmong(appId, permission, uids);
  }

  /** The permission names a person granted the app; none if they have not authorized it. */
  async grantedTo(uid: number, appId: number): Promise<string[]> {
    if (!(await this.isAppUser(uid, appId))) return [];
    return this.#store.permissions.list(uid, appId);
  }

  /** A person who has not authorized the app has granted it nothing. */
  async hasPermission(uid: number, appId: number, permission: ExtendedPermission, session?: CallSession): Promise<boolean> {
    if (!(await this.isAppUser(uid, appId, session))) return false;
    return permissionCovers(await this.#store.permissions.list(uid, appId), permission);
  }

  /** A person allows an app (login.php): recorded, and the app's post-authorize URL is told. */
  async authorize(uid: number, app: App): Promise<void> {
    if (await this.isAppUser(uid, app.appId)) return;
    await this.#store.authorizations.authorize(uid, app.appId);
    this.#notifier.authorized(app, uid, await this.#sessions.latestSession(app, uid));
  }

  /**
   * Ends a person's use of an app: permissions, sessions and profile boxes go with it. When the
   * person did it (not the app through the API), the app's post-remove URL is told.
   * Returns false if the person was not a user of the app.
   */
  async revoke(uid: number, app: App, by: 'person' | 'app'): Promise<boolean> {
    const existed = await this.#store.authorizations.revoke(uid, app.appId);
    if (existed && by === 'person') this.#notifier.removed(app, uid);
    return existed;
  }

  /** The apps a person uses, for their settings page. */
  async appsOf(uid: number): Promise<App[]> {
    const ids = await this.#store.authorizations.listApps(uid);
    const apps = await Promise.all(ids.map((id) => this.#store.apps.findById(id)));
    return apps.filter((app): app is App => app !== undefined);
  }
}
