/**
 * The one query layer under every feature: a Kysely instance over either SQLite or PostgreSQL, so
 * that each repository is written once. What the two dialects do differently — placeholders,
 * upserts, RETURNING, quoting — Kysely's compilers handle; what Kysely does not hide is here:
 *
 * - `transaction` takes SQLite's write lock at BEGIN (`BEGIN IMMEDIATE`), so a transaction that
 *   reads before it writes cannot be overtaken by another process between the two;
 * - `lockPair` serialises such transactions on PostgreSQL, where several instances write at once
 *   (a transaction-scoped advisory lock; SQLite's write lock already does it);
 * - `native` hands the few measured hot paths (the call_id group commit, prepared statements) the
 *   driver underneath, as per-dialect code.
 *
 * Times are stored as milliseconds since the epoch in both dialects, so rows read alike.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ChangeWatch } from './change-watch.js';
import type { PostgresConnection } from './postgres/postgres-connection.js';
import type { SqliteDatabase } from './sqlite/sqlite-connection.js';

/**
 * Every table, as Kysely types it. Each feature adds its own tables to this interface (declaration
 * merging in the feature's `tables.ts`), so the query layer needs to know no feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Tables {}

/** Where a repository method runs its statements: the database, or a transaction it was handed. */
export type Executor = Kysely<Tables>;
export type Tx = Transaction<Tables>;

export type DialectName = 'sqlite' | 'postgres';

/** The driver under the query layer, for per-dialect hot paths. */
export type NativeConnection =
  | { readonly dialect: 'sqlite'; readonly db: SqliteDatabase; readonly exclusive: SqliteExclusive }
  | { readonly dialect: 'postgres'; readonly db: PostgresConnection };

/**
 * Runs synchronous better-sqlite3 work once no query-layer transaction holds the connection: a
 * statement run while such a transaction waits between two of its statements would join it.
 */
export type SqliteExclusive = <T>(work: () => T) => Promise<T>;

export interface Database {
  readonly dialect: DialectName;
  readonly query: Executor;
  /**
   * Runs `work` in one transaction; it rolls back if `work` throws. Every statement of `work` runs
   * on `trx` (prepared queries take it as their last argument): on SQLite one run on the database
   * instead would wait for the transaction to end.
   */
  transaction<T>(work: (trx: Tx) => Promise<T>): Promise<T>;
  /** Inside a transaction: waits until no other transaction holds the pair (a, b), in either order. */
  lockPair(trx: Tx, a: number, b: number): Promise<void>;
  readonly native: NativeConnection;
  /** Moves when another process may have changed rarely written tables (apps, settings). */
  readonly changes: ChangeWatch;
  /** Cheap reachability probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
