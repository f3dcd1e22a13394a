/** The embedded backend: one SQLite file (WAL), shared safely by the server and the CLI. */
import { CachedAppRepository, CachedSettingRepository } from './apps/cached-repositories.js';
import type { SettingRepository, Store } from './store.js';
import { BackgroundCheckpoints } from '../db/sqlite/background-checkpoints.js';
import { SqliteAppRepository } from './apps/sqlite-app-repository.js';
import { SqliteChangeWatch } from '../db/sqlite/sqlite-change-watch.js';
import { DEFAULT_BUSY_TIMEOUT_MS, guarded, openSqliteDatabase, type SqliteDatabase, type SqliteOptions } from '../db/sqlite/sqlite-connection.js';
import { SqliteFriendshipRepository } from './friends/sqlite-friendship-repository.js';
import { SqliteAuthorizationRepository, SqlitePermissionRepository } from './grants/sqlite-grant-repositories.js';
import { SqlitePersonRepository } from './people/sqlite-person-repository.js';
import { SqliteProfileFbmlRepository } from './profile-boxes/sqlite-profile-repository.js';
import { SqliteRateLimitRepository } from './apps/sqlite-rate-limit-repository.js';
import { SqliteApiSessionRepository, SqliteAuthTokenRepository } from './sessions/sqlite-session-repositories.js';
import { SqliteBrowserSignInRepository, SqliteKnownBrowserRepository, SqliteSignInAttemptRepository } from './sign-in/sqlite-sign-in-repositories.js';

class SqliteSettingRepository implements SettingRepository {
  readonly #get;
  readonly #put;
  readonly #delete;

  constructor(db: SqliteDatabase) {
    this.#get = db.prepare<[string], string>('SELECT value FROM settings WHERE name = ?').pluck();
    this.#put = db.prepare<[string, string]>('INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
    this.#delete = db.prepare<[string]>('DELETE FROM settings WHERE name = ?');
  }

  get(name: string): Promise<string | undefined> {
    return guarded(() => this.#get.get(name));
  }

  set(name: string, value: string | undefined): Promise<void> {
    return guarded(() => void (value === undefined ? this.#delete.run(name) : this.#put.run(name, value)));
  }
}

export class SqliteStore implements Store {
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
  readonly #db: SqliteDatabase;
  readonly #checkpoints: BackgroundCheckpoints | undefined;
  readonly #ping;

  private constructor(db: SqliteDatabase, checkpoints: BackgroundCheckpoints | undefined) {
    this.#db = db;
    this.#checkpoints = checkpoints;
    // Every call reads its app and the maintenance switch; other processes' commits invalidate them.
    const watch = new SqliteChangeWatch(db);
    this.apps = new CachedAppRepository(new SqliteAppRepository(db), watch);
    this.people = new SqlitePersonRepository(db);
    this.authorizations = new SqliteAuthorizationRepository(db);
    this.permissions = new SqlitePermissionRepository(db);
    this.profiles = new SqliteProfileFbmlRepository(db);
    this.rateLimits = new SqliteRateLimitRepository(db);
    this.settings = new CachedSettingRepository(new SqliteSettingRepository(db), watch);
    this.authTokens = new SqliteAuthTokenRepository(db);
    this.sessions = new SqliteApiSessionRepository(db);
    this.browserSignIns = new SqliteBrowserSignInRepository(db);
    this.signInAttempts = new SqliteSignInAttemptRepository(db);
    this.knownBrowsers = new SqliteKnownBrowserRepository(db);
    this.friendships = new SqliteFriendshipRepository(db);
    this.#ping = db.prepare('SELECT 1').pluck();
  }

  /** Opens (creating if needed) and migrates the database at `path`; `:memory:` for a private one. */
  static open(path: string, options: SqliteOptions = {}): SqliteStore {
    const db = openSqliteDatabase(path, options);
    const checkpoints = options.backgroundCheckpoints && !db.memory ? BackgroundCheckpoints.start(db, path, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS) : undefined;
    return new SqliteStore(db, checkpoints);
  }

  ping(): Promise<void> {
    return guarded(() => void this.#ping.get());
  }

  /** The worker's connection closes first, so the server's, closing last, checkpoints and removes the WAL. */
  async close(): Promise<void> {
    await this.#checkpoints?.close();
    return guarded(() => void this.#db.close());
  }
}
