/**
 * Kysely's driver for Hearth's one better-sqlite3 connection. Three things differ from Kysely's own
 * SQLite driver:
 *
 * - transactions begin IMMEDIATE, taking the file's write lock at once: a transaction that reads
 *   and then writes could otherwise fail with SQLITE_BUSY when another process (the CLI) wrote in
 *   between, instead of waiting its turn under the busy timeout;
 * - the connection's lock is shared with the synchronous hot paths (`exclusive`), so that a
 *   statement of theirs never runs inside a transaction that is waiting between two statements;
 * - prepared statements are kept by SQL text, since preparing is most of the cost of a small query.
 */
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import type { SqliteDatabase } from './sqlite-connection.js';
import type Database from 'better-sqlite3';

/** Distinct statements kept prepared; the repositories have far fewer, so this only bounds a leak. */
const STATEMENT_CACHE_SIZE = 500;

/** A lock with one holder at a time and a synchronous fast path when nobody holds it. */
export class ConnectionLock {
  #held = false;
  readonly #waiting: Array<() => void> = [];

  /** Resolves once the caller holds the lock. */
  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }

  /** Runs synchronous `work` while holding the lock: at once when it is free. */
  exclusive<T>(work: () => T): Promise<T> {
    if (!this.#held) {
      this.#held = true;
      try {
        return Promise.resolve(work());
      } catch (error) {
        return Promise.reject(error);
      } finally {
        this.release();
      }
    }
    return this.acquire().then(() => {
      try {
        return work();
      } finally {
        this.release();
      }
    });
  }
}

class SqliteQueryConnection implements DatabaseConnection {
  readonly #db: SqliteDatabase;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  #prepare(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.delete(this.#statements.keys().next().value!);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#prepare(compiled.sql);
    const parameters = compiled.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(...parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used by Hearth');
  }
}

export class SqliteQueryDriver implements Driver {
  readonly #connection: SqliteQueryConnection;
  readonly #lock: ConnectionLock;

  constructor(db: SqliteDatabase, lock: ConnectionLock) {
    this.#connection = new SqliteQueryConnection(db);
    this.#lock = lock;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#lock.acquire();
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(): Promise<void> {
    this.#lock.release();
  }

  /** The connection is closed by its owner (SqliteQueryDatabase), after the checkpoint worker's. */
  async destroy(): Promise<void> {}
}
