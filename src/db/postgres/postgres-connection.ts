/**
 * The PostgreSQL pool behind the store: connection settings, the translation of driver errors into
 * the store's terms, transactions, and migrations applied under an advisory lock so several
 * instances starting at once migrate once.
 */
import pg from 'pg';
import { DuplicateError, StoreUnavailableError } from '../store-errors.js';
import { migrationSql, type Migration } from '../migrations/migration.js';

// BIGINT columns hold uids, app ids and millisecond times, all far below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text));

export interface PostgresOptions {
  /** The schema history, in version order (features.ts). */
  readonly migrations: readonly Migration[];
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

/**
 * The schema to create when the connection's search_path (e.g. `?options=-c search_path=hearth` in
 * the URL) names one that does not exist yet: its first entry other than `$user`. Undefined when
 * the search path already leads somewhere.
 */
async function missingSearchPathSchema(client: Queryable): Promise<string | undefined> {
  const { rows } = await client.query<{ current: string | null; path: string }>("SELECT current_schema() AS current, current_setting('search_path') AS path");
  if (rows[0]!.current !== null) return undefined;
  return splitSearchPath(rows[0]!.path).find((name) => name !== '$user');
}

/** `"My Schema", hearth` → ['My Schema', 'hearth']: quoted names as written, others folded to lower case. */
export function splitSearchPath(path: string): string[] {
  const names: string[] = [];
  for (const match of path.matchAll(/\s*(?:"((?:[^"]|"")*)"|([^,\s]+))\s*(?:,|$)/g)) {
    if (match[1] !== undefined) names.push(match[1].replaceAll('""', '"'));
    else if (match[2] !== undefined) names.push(match[2].toLowerCase());
  }
  return names;
}

/** Raised on open when `--no-migrate` finds migrations this release needs but the database lacks. */
export class SchemaBehindError extends Error {
  constructor(readonly pending: readonly number[]) {
    super(`its schema is not up to date (pending migrations: ${pending.join(', ')}): run \`hearth migrate\` with the same --db first`);
    this.name = 'SchemaBehindError';
  }
}

export { describePostgresUrl } from './postgres-url.js';

/** Why opening failed, in words an operator can act on (the pg error's own text when it has one). */
export function explainOpenFailure(error: unknown, url: string): string {
  if (error instanceof SchemaBehindError) return error.message;
  const failure = (error instanceof StoreUnavailableError && error.cause !== undefined ? error.cause : error) as
    | (Error & { code?: unknown; address?: unknown; port?: unknown; hostname?: unknown })
    | null
    | undefined;
  const code = failure?.code;
  const message = failure?.message || String(failure);
  if (code === 'ERR_INVALID_URL') return 'the URL cannot be read (expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)';
  let where = '';
  try {
    const parsed = new URL(url);
    where = `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    // pg reads some URLs that WHATWG URL does not; the driver's message then stands alone.
  }
  if (typeof failure?.address === 'string' && typeof failure.port === 'number') where = `${failure.address}:${failure.port}`;
  if (code === 'ECONNREFUSED') return `connection refused at ${where || 'the server'} (is PostgreSQL running and listening there?)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `no such host ${typeof failure?.hostname === 'string' ? failure.hostname : where}`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `${where || 'the server'} cannot be reached (${code})`;
  if (/timeout/i.test(message)) return `no answer from ${where || 'the server'} in time (${message})`;
  if (/Connection terminated/i.test(message) || code === 'ECONNRESET') return `${where || 'the server'} closed the connection (${message})`;
  return message;
}

/** What a repository needs to run a statement: the pool, or one connection inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export class PostgresConnection {
  readonly pool: pg.Pool;
  readonly #migrations: readonly Migration[];
  /** Where and how to connect, for connections kept outside the pool (the change listener). */
  readonly #clientConfig: pg.ClientConfig;

  constructor(url: string, options: PostgresOptions) {
    this.#migrations = options.migrations;
    this.#clientConfig = {
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    };
    this.pool = new pg.Pool({ ...this.#clientConfig, max: options.poolSize ?? 10, idleTimeoutMillis: 30_000 });
    // An idle connection that dies (a database restart) must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    // Nor one that dies while checked out: the query it was running fails and reports it instead
    // (an 'error' event nobody listens to would end the process).
    this.pool.on('connect', (client) => client.on('error', () => undefined));
  }

  /**
   * `name` makes it a prepared statement, parsed and planned once per connection: worth it for the
   * statements every API call runs.
   */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = [], name?: string): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(name === undefined ? { text, values } : { name, text, values });
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
    // A connection that dies while checked out emits 'error' on its client, and an 'error' event
    // nobody listens to ends the process; the failed query reports it to the caller instead.
    const ignore = () => undefined;
    client.on('error', ignore);
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work({ query: (text, values) => client.query(text, values) });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw translatePostgresError(error);
    } finally {
      client.removeListener('error', ignore);
      // A connection that could not even roll back is discarded rather than handed to the next caller.
      client.release(broken || undefined);
    }
  }

  async migrate(schema: string | undefined): Promise<void> {
    await this.transaction(async (client) => {
      // One instance migrates at a time; the others wait here and then find nothing left to do.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('hearth migrations'))");
      const target = schema ?? (await missingSearchPathSchema(client));
      if (target) await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(target)}`);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
      for (const migration of this.#migrations) {
        if (applied.has(migration.version)) continue;
        await client.query(migrationSql(migration, 'postgres'));
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
      }
    });
  }

  /** The versions this release knows that the database has not applied (all of them on an empty database). */
  async pendingMigrations(): Promise<number[]> {
    let applied: Set<number>;
    try {
      applied = new Set((await this.pool.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
    } catch (error) {
      // 42P01: no schema_migrations table (or no schema at all): nothing was ever applied here.
      if ((error as { code?: unknown }).code !== '42P01') throw translatePostgresError(error);
      applied = new Set();
    }
    return this.#migrations.map((migration) => migration.version).filter((version) => !applied.has(version));
  }

  /** A connection of its own, outside the pool, not yet connected; `applicationName` shows in pg_stat_activity. */
  newClient(applicationName: string): pg.Client {
    return new pg.Client({ ...this.#clientConfig, application_name: applicationName });
  }

  end(): Promise<void> {
    return this.pool.end();
  }
}
