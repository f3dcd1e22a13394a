/** The database for several Hearth instances: one PostgreSQL database, through a connection pool. */
import { Kysely, PostgresAdapter, PostgresDriver, PostgresIntrospector, PostgresQueryCompiler, sql, type Dialect } from 'kysely';
import { NO_WATCH, type ChangeWatch } from '../change-watch.js';
import type { Database, Executor, NativeConnection, Tables, Tx } from '../database.js';
import { StoreUnavailableError } from '../store-errors.js';
import { TranslatingDriver } from '../translating-driver.js';
import { CHANGE_LISTENER_NAME, PostgresChangeWatch } from './postgres-change-watch.js';
import { describePostgresUrl, explainOpenFailure, PostgresConnection, SchemaBehindError, translatePostgresError, type PostgresOptions } from './postgres-connection.js';

function postgresDialect(connection: PostgresConnection): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    // The query layer shares the pool with the prepared hot-path statements.
    createDriver: () => new TranslatingDriver(new PostgresDriver({ pool: connection.pool }), translatePostgresError),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

export interface PostgresDatabaseOptions extends PostgresOptions {
  /** Apply pending migrations on open (default true); `hearth migrate` applies them explicitly. */
  readonly migrate?: boolean;
  /**
   * Let rarely written tables be kept in memory while a connection of its own LISTENs for changes
   * to them (default false: every read goes to the database, as short-lived CLI commands want).
   */
  readonly watchChanges?: boolean;
}

export class PostgresQueryDatabase implements Database {
  readonly dialect = 'postgres';
  readonly query: Executor;
  readonly native: NativeConnection;
  readonly changes: ChangeWatch;
  readonly #connection: PostgresConnection;

  private constructor(connection: PostgresConnection, watchChanges: boolean) {
    this.#connection = connection;
    this.query = new Kysely<Tables>({ dialect: postgresDialect(connection) });
    this.native = { dialect: 'postgres', db: connection };
    this.changes = watchChanges ? new PostgresChangeWatch(() => connection.newClient(CHANGE_LISTENER_NAME)) : NO_WATCH;
  }

  /**
   * Connects and brings the schema up to date — or, with `migrate: false`, checks that it is, so
   * that an instance never serves a schema older than its code. Any failure is one
   * `StoreUnavailableError` reading "cannot open PostgreSQL database …: <reason>".
   */
  static async open(url: string, options: PostgresDatabaseOptions): Promise<PostgresQueryDatabase> {
    const connection = new PostgresConnection(url, options);
    try {
      if (options.migrate !== false) await connection.migrate(options.schema);
      else {
        const pending = await connection.pendingMigrations();
        if (pending.length > 0) throw new SchemaBehindError(pending);
      }
    } catch (error) {
      await connection.end().catch(() => undefined);
      throw new StoreUnavailableError(`cannot open PostgreSQL database ${describePostgresUrl(url)}: ${explainOpenFailure(error, url)}`, { cause: error });
    }
    return new PostgresQueryDatabase(connection, options.watchChanges ?? false);
  }

  transaction<T>(work: (trx: Tx) => Promise<T>): Promise<T> {
    return this.query.transaction().execute(work);
  }

  async lockPair(trx: Tx, a: number, b: number): Promise<void> {
    const [low, high] = a < b ? [a, b] : [b, a];
    await sql`SELECT pg_advisory_xact_lock(${low % 2_147_483_647}::int, ${high % 2_147_483_647}::int)`.execute(trx);
  }

  async ping(): Promise<void> {
    await this.#connection.query('SELECT 1');
  }

  /** Whether rarely written tables may be served from memory (a change listener is connected). */
  get watchingChanges(): boolean {
    return this.changes.version() !== undefined;
  }

  async close(): Promise<void> {
    await this.changes.close();
    // Kysely's driver would end the shared pool too; it is ended once, here.
    await this.#connection.end();
  }
}
