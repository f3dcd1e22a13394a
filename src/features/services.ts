/** The domain services, built once over a Store and shared by the API methods, the pages and the CLI. */
import type { Store } from './store.js';
import { AppNotifier, type NotifierLog } from './apps/app-notifier.js';
import { AppService } from './apps/app-service.js';
import { FriendService } from './friends/friend-service.js';
import { GrantService } from './grants/grant-service.js';
import { MaintenanceSwitch } from './maintenance/maintenance-switch.js';
import { PasswordHasher, type PasswordCost } from './sign-in/password-hashing.js';
import { PeopleService } from './people/people-service.js';
import { PermissionService } from './grants/permission-service.js';
import { ProfileService } from './profile-boxes/profile-service.js';
import { DEFAULT_SESSION_SETTINGS, SessionService, type SessionSettings } from './sessions/session-service.js';
import { SignInService } from './sign-in/sign-in-service.js';

export interface Services {
  readonly apps: AppService;
  readonly people: PeopleService;
  readonly grants: GrantService;
  readonly profiles: ProfileService;
  readonly maintenance: MaintenanceSwitch;
  readonly sessions: SessionService;
  readonly signIn: SignInService;
  readonly notifier: AppNotifier;
  readonly permissions: PermissionService;
  readonly friends: FriendService;
}

export interface ServiceOptions {
  readonly sessions?: SessionSettings;
  /** Where app callback deliveries are logged; silent when not given (the CLI). */
  readonly log?: NotifierLog;
  /** For app callbacks; tests may substitute it. */
  readonly fetch?: typeof fetch;
  /** scrypt cost of new password hashes; tests lower it to save time. Default: DEFAULT_PASSWORD_COST. */
  readonly passwordCost?: PasswordCost;
}

const SILENT: NotifierLog = { info() {}, warn() {} };

export function createServices(store: Store, options: ServiceOptions = {}): Services {
  const sessions = new SessionService(store, options.sessions ?? DEFAULT_SESSION_SETTINGS);
  const notifier = new AppNotifier({ log: options.log ?? SILENT, fetch: options.fetch });
  const hasher = new PasswordHasher({ cost: options.passwordCost });
  return {
    apps: new AppService(store),
    people: new PeopleService(store, hasher),
    grants: new GrantService(store, notifier, sessions),
    profiles: new ProfileService(store),
    maintenance: new MaintenanceSwitch(store),
    sessions,
    signIn: new SignInService(store, hasher),
    notifier,
    permissions: new PermissionService(store),
    friends: new FriendService(store),
  };
}
