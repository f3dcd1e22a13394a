/**
 * The facts of app-access.ts in one statement for both dialects, remembered per app for as long as
 * the database's ChangeWatch vouches for them: canvas pages and login.php ask on every request.
 * Writes through this process go through `changing`; on SQLite a write by another process (the
 * CLI) moves the watch at once. On PostgreSQL app_properties notifies its changes (migration 37)
 * but app_developers does not, so another instance's change of the developers is seen within the
 * watch's age bound (five seconds).
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders, type PreparedQuery } from '../../db/prepared-query.js';
import { WatchedCache, writeThrough } from '../../db/watched-cache.js';
import type { AccessFacts, AppAccessRepository } from './app-access.js';

const MAX_APPS = 10_000;
/** The name the statement gives each developer's row beside the two property rows. */
const DEVELOPER_ROW = 'developer';

interface FactRow {
  readonly name: string;
  readonly value: string;
}

export class CachedAppAccessRepository implements AppAccessRepository {
  readonly #facts: WatchedCache<number, AccessFacts>;
  readonly #read: PreparedQuery<{ appId: number }, FactRow>;

  constructor(db: Database) {
    this.#facts = new WatchedCache(db.changes, MAX_APPS);
    // The stored property values are JSON text: the switches are `0` or `1`.
    this.#read = prepareQuery(db, (_q, p: Placeholders<{ appId: number }>) =>
      sql<FactRow>`SELECT name, value FROM app_properties WHERE app_id = ${p.appId} AND name IN ('dev_mode', 'installable')
UNION ALL SELECT ${sql.lit(DEVELOPER_ROW)}, CAST(uid AS TEXT) FROM app_developers WHERE app_id = ${p.appId}`,
    );
  }

  facts(appId: number): Promise<AccessFacts> {
    return this.#facts.read(appId, () => this.#load(appId));
  }

  changing<T>(write: () => Promise<T>): Promise<T> {
    return writeThrough([this.#facts], write);
  }

  async #load(appId: number): Promise<AccessFacts> {
    const rows = await this.#read.all({ appId });
    const developers = new Set<number>();
    // An app that never set them: not in sandbox mode, and anyone may add it.
    let sandboxed = false;
    let installable = true;
    for (const row of rows) {
      if (row.name === DEVELOPER_ROW) developers.add(Number(row.value));
      else if (row.name === 'dev_mode') sandboxed = row.value === '1';
      else installable = row.value !== '0';
    }
    return { sandboxed, installable, developers };
  }
}
