/**
 * The PostgreSQL pool behind the store: connection settings, the translation of driver errors into
 * the store's terms, transactions, and migrations applied under an advisory lock so several
 * instances starting at once migrate once.
 */
import pg from 'pg';
import { DuplicateError, StoreUnavailableError } from '../store-errors.js';
import { MIGRATIONS } from './migrations/index.js';

// BIGINT columns hold uids, app ids and millisecond times, all far below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text));

export interface PostgresOptions {
  /** Connections per instance (default 10). */
  readonly poolSize?: number;
  /** Schema to use instead of `public` (created if missing); tests give each run its own. */
  readonly schema?: string;
  /** How long a query may wait for a free connection before the store reports itself unavailable. */
  readonly connectTimeoutMs?: number;
}

/** SQLSTATE classes meaning "the database cannot be used right now". */
const UNAVAILABLE_STATES = /^(08|53|57P|58)/;
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

export function translatePostgresError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as Error | null)?.message ?? '';
  if (code === '23505') {
    const field = /Key \((\w+)\)/.exec((error as { detail?: string }).detail ?? '')?.[1] ?? 'key';
    return new DuplicateError(field);
  }
  if ((typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_CODES.has(code))) || /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i.test(message)) {
    return new StoreUnavailableError(`the database is unavailable (${typeof code === 'string' ? code : message})`, { cause: error });
  }
  return error;
}

/** What a repository needs to run a statement: the pool, or one connection inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export class PostgresConnection {
  readonly pool: pg.Pool;

  constructor(url: string, options: PostgresOptions = {}) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // An idle connection that dies (a database restart) must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
  }

  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      throw translatePostgresError(error);
    }
  }

  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  async transaction<T>(work: (client: Queryable) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translatePostgresError(error);
    }
    try {
      await client.query('BEGIN');
      const result = await work({ query: (text, values) => client.query(text, values) });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw translatePostgresError(error);
    } finally {
      client.release();
    }
  }

  async migrate(schema: string | undefined): Promise<void> {
    await this.transaction(async (client) => {
      // One instance migrates at a time; the others wait here and then find nothing left to do.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('hearth migrations'))");
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
      }
    });
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}
