import type { ChangeWatch } from '../change-watch.js';
import type { SqliteDatabase } from './sqlite-connection.js';

/**
 * `PRAGMA data_version` moves whenever another connection — the CLI, another process — commits to
 * the file, and only then (this connection's own writes leave it alone; the cached repositories
 * forget by themselves on those). Reading it is a read transaction with its file locks, so it is
 * read once per turn of the event loop: the calls handled in one turn arrived together, and a
 * change committed by the CLI is seen from the next turn on — well under a millisecond later. No
 * age bound is needed.
 */
export class SqliteChangeWatch implements ChangeWatch {
  readonly maxAgeMs = Number.POSITIVE_INFINITY;
  readonly #dataVersion;
  #thisTurn: number | undefined;

  constructor(db: SqliteDatabase) {
    this.#dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  version(): number | undefined {
    if (this.#thisTurn !== undefined) return this.#thisTurn;
    try {
      this.#thisTurn = this.#dataVersion.get();
    } catch {
      // A closed or broken database: let the read itself report it, in the store's terms.
      return undefined;
    }
    setImmediate(() => {
      this.#thisTurn = undefined;
    });
    return this.#thisTurn;
  }

  async close(): Promise<void> {}
}
