/**
 * Turns a `--db` / `HEARTH_DB` location into a Database. `sqlite:PATH` (or a bare path) is the
 * embedded default; `postgres://…` (or `postgresql://…`) is the shared database for several instances.
 * libpq-style URL parameters reach the server as pg reads them, so a schema other than `public` is
 * `?options=-c%20search_path%3DNAME` (created by the first migration run if it does not exist).
 */
import type { Database } from './database.js';
import type { Migration } from './migrations/migration.js';
import { describePostgresUrl } from './postgres/postgres-url.js';
import { SqliteQueryDatabase } from './sqlite/sqlite-query-database.js';

export const DEFAULT_DB = 'sqlite:./data/hearth.db';

export class StoreLocationError extends Error {}

export interface OpenOptions {
  /** The schema history, in version order. */
  readonly migrations: readonly Migration[];
  /** Bring the schema up to date on open (default true); `hearth migrate` does it explicitly. */
  readonly migrate?: boolean;
  /**
   * The store backs a long-running server (`hearth serve`), not a CLI command: SQLite then
   * checkpoints its WAL from a worker thread, PostgreSQL listens for changes to apps and settings.
   */
  readonly serving?: boolean;
}

/** Connections per instance for PostgreSQL: HEARTH_PG_POOL_SIZE, default 10. */
function poolSize(): number | undefined {
  const text = process.env.HEARTH_PG_POOL_SIZE;
  if (text === undefined || text === '') return undefined;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1 || size > 1000) throw new StoreLocationError(`HEARTH_PG_POOL_SIZE must be a number from 1 to 1000, not ${JSON.stringify(text)}`);
  return size;
}

export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The location as it may be printed or logged: a PostgreSQL password is replaced by `***`. */
export function describeLocation(location: string): string {
  return isPostgresLocation(location) ? describePostgresUrl(location) : location;
}

export async function openDatabase(location: string, options: OpenOptions): Promise<Database> {
  const sqlite = { migrations: options.migrations, migrate: options.migrate, backgroundCheckpoints: options.serving ?? false };
  if (location.startsWith('sqlite:')) {
    const path = location.slice('sqlite:'.length);
    if (path === '') throw new StoreLocationError('--db sqlite: needs a file path, e.g. sqlite:./data/hearth.db');
    return SqliteQueryDatabase.open(path, sqlite);
  }
  if (isPostgresLocation(location)) {
    // Loaded only here, so that a server on SQLite never loads the PostgreSQL driver.
    const { PostgresQueryDatabase } = await import('./postgres/postgres-query-database.js');
    return PostgresQueryDatabase.open(location, { migrations: options.migrations, migrate: options.migrate, watchChanges: options.serving ?? false, poolSize: poolSize() });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new StoreLocationError(`unsupported database location ${JSON.stringify(location)}: use sqlite:PATH or postgres://USER@HOST/DB`);
  }
  return SqliteQueryDatabase.open(location, sqlite);
}
