/** Status history in the database, for both dialects. */
import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import { valueList, type ValueList } from '../../db/value-list.js';
import type { StatusEntry, StatusRepository } from './records.js';
import type { StatusesTable } from './tables.js';

function toEntry(row: Selectable<StatusesTable>): StatusEntry {
  return {
    statusId: row.status_id,
    uid: row.uid,
    message: row.message,
    needsVerb: row.needs_verb === 1,
    appId: row.app_id,
    createdAt: new Date(row.created_at),
  };
}

type Uids = Placeholders<{ uids: unknown }>;

export class StoredStatusRepository implements StatusRepository {
  readonly #db: Database;
  readonly #ids: ValueList<number>;
  readonly #history;
  readonly #current;
  readonly #byIds;

  constructor(db: Database) {
    this.#db = db;
    const ids = (this.#ids = valueList<number>(db, 'bigint'));
    // Newest first per person, numbered, so that one statement serves any number of people.
    const ranked = (p: Uids) =>
      sql<Selectable<StatusesTable> & { rank: number }>`SELECT status_id, uid, message, needs_verb, app_id, created_at,
        ROW_NUMBER() OVER (PARTITION BY uid ORDER BY created_at DESC, status_id DESC) AS rank
        FROM statuses WHERE ${ids.contains(sql.ref('uid'), p.uids)}`;
    this.#history = prepareQuery(db, (_q, p: Uids & Placeholders<{ limit: number }>) =>
      sql<Selectable<StatusesTable>>`SELECT status_id, uid, message, needs_verb, app_id, created_at FROM (${ranked(p)}) AS ranked
        WHERE rank <= ${p.limit} ORDER BY uid, rank`,
    );
    this.#current = prepareQuery(db, (_q, p: Uids) =>
      sql<Selectable<StatusesTable>>`SELECT status_id, uid, message, needs_verb, app_id, created_at FROM (${ranked(p)}) AS ranked
        WHERE rank = 1 AND NOT EXISTS (SELECT 1 FROM status_clears WHERE status_clears.uid = ranked.uid)`,
    );
    this.#byIds = prepareQuery(db, (q, p: Placeholders<{ ids: unknown }>) => q.selectFrom('statuses').selectAll().where(ids.contains(sql.ref('status_id'), p.ids)));
  }

  async record(entry: StatusEntry): Promise<void> {
    const row = {
      status_id: entry.statusId,
      uid: entry.uid,
      message: entry.message,
      needs_verb: entry.needsVerb ? 1 : 0,
      app_id: entry.appId,
      created_at: entry.createdAt.getTime(),
    };
    await this.#db.transaction(async (trx) => {
      await trx
        .insertInto('statuses')
        .values(row)
        .onConflict((conflict) => conflict.column('status_id').doUpdateSet({ message: row.message, needs_verb: row.needs_verb }))
        .execute();
      // A status set after a clear is current again.
      await trx.deleteFrom('status_clears').where('uid', '=', entry.uid).where('cleared_at', '<=', row.created_at).execute();
    });
  }

  async remove(statusId: number): Promise<void> {
    await this.#db.query.deleteFrom('statuses').where('status_id', '=', statusId).execute();
  }

  async clear(uid: number, at: Date): Promise<void> {
    await this.#db.query
      .insertInto('status_clears')
      .values({ uid, cleared_at: at.getTime() })
      .onConflict((conflict) => conflict.column('uid').doUpdateSet({ cleared_at: at.getTime() }))
      .execute();
  }

  async historyOf(uids: readonly number[], limit: number): Promise<StatusEntry[]> {
    if (uids.length === 0 || limit <= 0) return [];
    return (await this.#history.all({ uids: this.#ids.bind(uids), limit })).map(toEntry);
  }

  async currentOf(uids: readonly number[]): Promise<StatusEntry[]> {
    if (uids.length === 0) return [];
    return (await this.#current.all({ uids: this.#ids.bind(uids) })).map(toEntry);
  }

  async byIds(statusIds: readonly number[]): Promise<StatusEntry[]> {
    if (statusIds.length === 0) return [];
    return (await this.#byIds.all({ ids: this.#ids.bind(statusIds) })).map(toEntry);
  }
}
