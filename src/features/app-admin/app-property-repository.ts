/** The properties apps set with admin.setAppProperties beyond their own fields, for both dialects. */
import type { Database, Executor, Tx } from '../../db/database.js';
import type { AppPropertyRepository } from './records.js';

export class StoredAppPropertyRepository implements AppPropertyRepository {
  readonly #db: Executor;

  constructor(db: Database) {
    this.#db = db.query;
  }

  async read(appId: number, names: readonly string[]): Promise<Map<string, string>> {
    if (names.length === 0) return new Map();
    const rows = await this.#db.selectFrom('app_properties').select(['name', 'value']).where('app_id', '=', appId).where('name', 'in', [...names]).execute();
    return new Map(rows.map((row) => [row.name, row.value]));
  }

  async write(appId: number, values: ReadonlyMap<string, string>, trx: Tx): Promise<void> {
    if (values.size === 0) return;
    await trx
      .insertInto('app_properties')
      .values([...values].map(([name, value]) => ({ app_id: appId, name, value })))
      .onConflict((conflict) => conflict.columns(['app_id', 'name']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
  }
}
