/**
 * Opening a SQLite database for Hearth: WAL so the CLI can write while the server reads, a busy
 * timeout so short write contention waits instead of failing, and foreign keys on.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuplicateError, StoreUnavailableError } from '../store-errors.js';
import { migrationSql, type Migration } from '../migrations/migration.js';

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
  if (UNAVAILABLE.test(code)) return new StoreUnavailableError(`the database is unavailable (${code})`, { cause: error });
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

export function applyMigrations(db: SqliteDatabase, migrations: readonly Migration[]): void {
  // A table rebuild must run with foreign keys off, which SQLite allows only outside a transaction.
  const pending = new Set(pendingMigrations(db, migrations));
  const keysOff = migrations.some((migration) => migration.rebuildsTables && pending.has(migration.version));
  if (keysOff) db.pragma('foreign_keys = OFF');
  try {
    // Everything under one write lock: two processes opening a new database at once must not both
    // see "nothing applied" and run the same migration.
    db.transaction(() => {
      db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
      const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        db.exec(migrationSql(migration, 'sqlite'));
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, Date.now());
      }
      if (keysOff) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`the migrations would leave ${broken.length} rows pointing at rows that do not exist; nothing was changed`);
      }
    }).immediate();
  } finally {
    if (keysOff) db.pragma('foreign_keys = ON');
  }
}

/** The versions this release knows that the database has not applied. */
function pendingMigrations(db: SqliteDatabase, migrations: readonly Migration[]): number[] {
  const tracked = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
  const applied = new Set(tracked ? (db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]) : []);
  return migrations.map((migration) => migration.version).filter((version) => !applied.has(version));
}

export interface SqliteOptions {
  /** The schema history, in version order (features.ts). */
  readonly migrations: readonly Migration[];
  /** How long a write waits for another process's lock before the store reports itself unavailable. */
  readonly busyTimeoutMs?: number;
  /** Apply pending migrations on open (default true). */
  readonly migrate?: boolean;
  /**
   * Checkpoint the WAL from a worker thread instead of inside commits (default false; file
   * databases only). For the long-running server, whose commits are its API calls.
   */
  readonly backgroundCheckpoints?: boolean;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** What went wrong opening a file, in words an operator can act on. */
function explainOpenFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database';
  if (code === 'SQLITE_CANTOPEN') return 'the file cannot be opened (is it a folder, or is its folder read-only?)';
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'its folder cannot be created (a file is in the way)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'SQLITE_BUSY') return 'another process holds a lock on it';
  return (error as Error)?.message ?? String(error);
}

/** `path` may be `:memory:` for tests. */
export function openSqliteDatabase(path: string, options: SqliteOptions): SqliteDatabase {
  let db: SqliteDatabase | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    if (options.migrate !== false) applyMigrations(db, options.migrations);
    else {
      // Serving a schema older than the code would fail call by call; refuse once, at start.
      const pending = pendingMigrations(db, options.migrations);
      if (pending.length > 0) throw new Error(`its schema is not up to date (pending migrations: ${pending.join(', ')}): run \`hearth migrate\` with the same --db first`);
    }
    return db;
  } catch (error) {
    db?.close();
    throw new StoreUnavailableError(`cannot open SQLite database ${path}: ${explainOpenFailure(error)}`, { cause: error });
  }
}
