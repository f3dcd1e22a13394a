import type { ChangeWatch } from '../change-watch.js';
import type { SqliteDatabase } from './sqlite-connection.js';

/**
 * `PRAGMA data_version` moves whenever another connection — the CLI, another process — commits to
 * the file, and only then (this connection's own writes leave it alone; the cached repositories
 * forget by themselves on those). So the cache is exact: a change from the CLI is seen by the very
 * next call, and the age bound never needs to apply.
 */
export class SqliteChangeWatch implements ChangeWatch {
  readonly maxAgeMs = Number.POSITIVE_INFINITY;
  readonly #dataVersion;

  constructor(db: SqliteDatabase) {
    this.#dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  version(): number | undefined {
    try {
      return this.#dataVersion.get();
    } catch {
      // A closed or broken database: let the read itself report it, in the store's terms.
      return undefined;
    }
  }

  async close(): Promise<void> {}
}
