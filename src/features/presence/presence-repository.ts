/** When people were last seen, for both dialects. */
import type { Database, Executor } from '../../db/database.js';
import type { PresenceRepository } from './records.js';

export class StoredPresenceRepository implements PresenceRepository {
  readonly #db: Executor;

  constructor(db: Database) {
    this.#db = db.query;
  }

  async touch(uid: number, at: Date): Promise<void> {
    await this.#db
      .insertInto('person_presence')
      .values({ uid, last_seen_at: at.getTime() })
      .onConflict((conflict) =>
        conflict
          .column('uid')
          .doUpdateSet((eb) => ({ last_seen_at: eb.ref('excluded.last_seen_at') }))
          // Two instances may write out of order: the latest time wins.
          .where((eb) => eb('person_presence.last_seen_at', '<', eb.ref('excluded.last_seen_at'))),
      )
      .execute();
  }

  async lastSeen(uids: readonly number[]): Promise<Map<number, Date>> {
    if (uids.length === 0) return new Map();
    const rows = await this.#db.selectFrom('person_presence').select(['uid', 'last_seen_at']).where('uid', 'in', [...uids]).execute();
    return new Map(rows.map((row) => [Number(row.uid), new Date(Number(row.last_seen_at))]));
  }
}
