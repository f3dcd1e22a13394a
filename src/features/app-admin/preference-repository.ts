/** People's preference slots with apps (data.*UserPreference), for both dialects. */
import type { Database, Executor } from '../../db/database.js';
import type { Preference, PreferenceRepository } from './records.js';

export class StoredPreferenceRepository implements PreferenceRepository {
  readonly #database: Database;
  readonly #db: Executor;

  constructor(db: Database) {
    this.#database = db;
    this.#db = db.query;
  }

  async find(appId: number, uid: number, prefId: number): Promise<string | undefined> {
    const row = await this.#db.selectFrom('user_preferences').select('value').where('app_id', '=', appId).where('uid', '=', uid).where('pref_id', '=', prefId).executeTakeFirst();
    return row?.value;
  }

  async list(appId: number, uid: number): Promise<Preference[]> {
    const rows = await this.#db.selectFrom('user_preferences').select(['pref_id', 'value']).where('app_id', '=', appId).where('uid', '=', uid).orderBy('pref_id').execute();
    return rows.map((row) => ({ prefId: row.pref_id, value: row.value }));
  }

  async apply(appId: number, uid: number, values: ReadonlyMap<number, string | null>, replace: boolean): Promise<void> {
    const removed = [...values].flatMap(([prefId, value]) => (value === null ? [prefId] : []));
    const set = [...values].flatMap(([prefId, value]) => (value === null ? [] : [{ app_id: appId, uid, pref_id: prefId, value }]));
    await this.#database.transaction(async (trx) => {
      const slots = trx.deleteFrom('user_preferences').where('app_id', '=', appId).where('uid', '=', uid);
      // Replacing: every slot goes, then the given ones are written again.
      if (replace) await slots.execute();
      else if (removed.length > 0) await slots.where('pref_id', 'in', removed).execute();
      if (set.length === 0) return;
      await trx
        .insertInto('user_preferences')
        .values(set)
        .onConflict((conflict) => conflict.columns(['app_id', 'uid', 'pref_id']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
        .execute();
    });
  }
}
