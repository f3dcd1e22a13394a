/**
 * Opening a SQLite database for Hearth: WAL so the CLI can write while the server reads, a busy
 * timeout so short write contention waits instead of failing, and foreign keys on.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuplicateError, StoreUnavailableError } from '../store-errors.js';
import { MIGRATIONS } from './migrations/index.js';

export type SqliteDatabase = Database.Database;

// Codes meaning "the database cannot be used right now", as opposed to a bug in a query.
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|READONLY|CORRUPT|NOTADB|PROTOCOL)/;

/** Translates driver errors into the store's own terms; anything unrecognised is rethrown as is. */
export function translateSqliteError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') {
    if (error instanceof TypeError && /database connection is not open/.test(error.message)) {
      return new StoreUnavailableError('the database is closed', { cause: error });
    }
    return error;
  }
  if (UNAVAILABLE.test(code)) return new StoreUnavailableError(`SQLite: ${code}`, { cause: error });
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const field = /UNIQUE constraint failed: \w+\.(\w+)/.exec((error as Error).message)?.[1] ?? 'key';
    return new DuplicateError(field);
  }
  return error;
}

/** Runs `work` and reports driver errors in store terms. */
export function guarded<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(translateSqliteError(error));
  }
}

export function applyMigrations(db: SqliteDatabase): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, Date.now());
    }).immediate();
  }
}

export interface SqliteOptions {
  /** How long a write waits for another process's lock before the store reports itself unavailable. */
  readonly busyTimeoutMs?: number;
}

/** `path` may be `:memory:` for tests. */
export function openSqliteDatabase(path: string, options: SqliteOptions = {}): SqliteDatabase {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    applyMigrations(db);
    return db;
  } catch (error) {
    const translated = translateSqliteError(error);
    if (translated instanceof StoreUnavailableError) throw translated;
    throw new StoreUnavailableError(`cannot open SQLite database ${path}: ${(error as Error).message}`, { cause: error });
  }
}
