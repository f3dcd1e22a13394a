/** The backend for several Hearth instances: one PostgreSQL database, through a connection pool. */
import { CachedAppRepository, CachedSettingRepository } from './apps/cached-repositories.js';
import { NO_WATCH, type ChangeWatch } from '../db/change-watch.js';
import { StoreUnavailableError } from '../db/store-errors.js';
import type { SettingRepository, Store } from './store.js';
import { PostgresAppRepository } from './apps/postgres-app-repository.js';
import { CHANGE_LISTENER_NAME, PostgresChangeWatch } from '../db/postgres/postgres-change-watch.js';
import { describePostgresUrl, explainOpenFailure, PostgresConnection, SchemaBehindError, type PostgresOptions } from '../db/postgres/postgres-connection.js';
import { PostgresFriendshipRepository } from './friends/postgres-friendship-repository.js';
import { PostgresAuthorizationRepository, PostgresPermissionRepository } from './grants/postgres-grant-repositories.js';
import { PostgresPersonRepository } from './people/postgres-person-repository.js';
import { PostgresProfileFbmlRepository } from './profile-boxes/postgres-profile-repository.js';
import { PostgresRateLimitRepository } from './apps/postgres-rate-limit-repository.js';
import { PostgresApiSessionRepository, PostgresAuthTokenRepository } from './sessions/postgres-session-repositories.js';
import { PostgresBrowserSignInRepository, PostgresKnownBrowserRepository, PostgresSignInAttemptRepository } from './sign-in/postgres-sign-in-repositories.js';

class PostgresSettingRepository implements SettingRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async get(name: string): Promise<string | undefined> {
    return (await this.#db.query<{ value: string }>('SELECT value FROM settings WHERE name = $1', [name])).rows[0]?.value;
  }

  async set(name: string, value: string | undefined): Promise<void> {
    if (value === undefined) await this.#db.query('DELETE FROM settings WHERE name = $1', [name]);
    else await this.#db.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [name, value]);
  }
}

export interface PostgresStoreOptions extends PostgresOptions {
  /** Apply pending migrations on open (default true); `hearth migrate` applies them explicitly. */
  readonly migrate?: boolean;
  /**
   * Keep apps and settings in memory while a connection of its own LISTENs for changes to them
   * (default false: every read goes to the database, as short-lived CLI commands want).
   */
  readonly watchChanges?: boolean;
}

export class PostgresStore implements Store {
  readonly apps;
  readonly people;
  readonly authorizations;
  readonly permissions;
  readonly profiles;
  readonly settings;
  readonly rateLimits;
  readonly authTokens;
  readonly sessions;
  readonly browserSignIns;
  readonly signInAttempts;
  readonly knownBrowsers;
  readonly friendships;
  readonly #db: PostgresConnection;
  readonly #watch: ChangeWatch;

  private constructor(db: PostgresConnection, watchChanges: boolean) {
    this.#db = db;
    this.#watch = watchChanges ? new PostgresChangeWatch(() => db.newClient(CHANGE_LISTENER_NAME)) : NO_WATCH;
    this.apps = new CachedAppRepository(new PostgresAppRepository(db), this.#watch);
    this.people = new PostgresPersonRepository(db);
    this.authorizations = new PostgresAuthorizationRepository(db);
    this.permissions = new PostgresPermissionRepository(db);
    this.profiles = new PostgresProfileFbmlRepository(db);
    this.rateLimits = new PostgresRateLimitRepository(db);
    this.settings = new CachedSettingRepository(new PostgresSettingRepository(db), this.#watch);
    this.authTokens = new PostgresAuthTokenRepository(db);
    this.sessions = new PostgresApiSessionRepository(db);
    this.browserSignIns = new PostgresBrowserSignInRepository(db);
    this.signInAttempts = new PostgresSignInAttemptRepository(db);
    this.knownBrowsers = new PostgresKnownBrowserRepository(db);
    this.friendships = new PostgresFriendshipRepository(db);
  }

  /**
   * Connects and brings the schema up to date — or, with `migrate: false`, checks that it is, so
   * that an instance never serves a schema older than its code. Any failure is one
   * `StoreUnavailableError` reading "cannot open PostgreSQL database …: <reason>".
   */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const db = new PostgresConnection(url, options);
    try {
      if (options.migrate !== false) await db.migrate(options.schema);
      else {
        const pending = await db.pendingMigrations();
        if (pending.length > 0) throw new SchemaBehindError(pending);
      }
    } catch (error) {
      await db.end().catch(() => undefined);
      throw new StoreUnavailableError(`cannot open PostgreSQL database ${describePostgresUrl(url)}: ${explainOpenFailure(error, url)}`, { cause: error });
    }
    return new PostgresStore(db, options.watchChanges ?? false);
  }

  async ping(): Promise<void> {
    await this.#db.query('SELECT 1');
  }

  /** Whether apps and settings are being served from memory (a change listener is connected). */
  get watchingChanges(): boolean {
    return this.#watch.version() !== undefined;
  }

  async close(): Promise<void> {
    await this.#watch.close();
    await this.#db.end();
  }
}
