/** The embedded database: one SQLite file (WAL), shared safely by the server and the CLI. */
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Dialect } from 'kysely';
import type { Database, Executor, NativeConnection, Tables, Tx } from '../database.js';
import { TranslatingDriver } from '../translating-driver.js';
import { BackgroundCheckpoints } from './background-checkpoints.js';
import { SqliteChangeWatch } from './sqlite-change-watch.js';
import { DEFAULT_BUSY_TIMEOUT_MS, guarded, openSqliteDatabase, translateSqliteError, type SqliteDatabase, type SqliteOptions } from './sqlite-connection.js';
import { ConnectionLock, SqliteQueryDriver } from './sqlite-query-driver.js';

function sqliteDialect(db: SqliteDatabase, lock: ConnectionLock): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new TranslatingDriver(new SqliteQueryDriver(db, lock), translateSqliteError),
    createIntrospector: (kysely) => new SqliteIntrospector(kysely),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

export class SqliteQueryDatabase implements Database {
  readonly dialect = 'sqlite';
  readonly query: Executor;
  readonly native: NativeConnection;
  readonly changes: SqliteChangeWatch;
  readonly #db: SqliteDatabase;
  readonly #checkpoints: BackgroundCheckpoints | undefined;
  readonly #ping;

  private constructor(db: SqliteDatabase, checkpoints: BackgroundCheckpoints | undefined) {
    this.#db = db;
    this.#checkpoints = checkpoints;
    const lock = new ConnectionLock();
    this.query = new Kysely<Tables>({ dialect: sqliteDialect(db, lock) });
    this.native = { dialect: 'sqlite', db, exclusive: (work) => lock.exclusive(work) };
    this.changes = new SqliteChangeWatch(db);
    this.#ping = db.prepare('SELECT 1').pluck();
  }

  /** Opens (creating if needed) and migrates the database at `path`; `:memory:` for a private one. */
  static open(path: string, options: SqliteOptions): SqliteQueryDatabase {
    const db = openSqliteDatabase(path, options);
    const checkpoints = options.backgroundCheckpoints && !db.memory ? BackgroundCheckpoints.start(db, path, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS) : undefined;
    return new SqliteQueryDatabase(db, checkpoints);
  }

  transaction<T>(work: (trx: Tx) => Promise<T>): Promise<T> {
    return this.query.transaction().execute(work);
  }

  /** The transaction already holds the file's write lock (BEGIN IMMEDIATE): nobody else writes meanwhile. */
  async lockPair(): Promise<void> {}

  ping(): Promise<void> {
    return guarded(() => void this.#ping.get());
  }

  /** The worker's connection closes first, so the server's, closing last, checkpoints and removes the WAL. */
  async close(): Promise<void> {
    await this.#checkpoints?.close();
    return guarded(() => void this.#db.close());
  }
}
