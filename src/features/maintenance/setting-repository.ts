/** Operator settings in the database, for both dialects. */
import type { Executor } from '../../db/database.js';
import type { SettingRepository } from './records.js';

export class StoredSettingRepository implements SettingRepository {
  readonly #db: Executor;

  constructor(db: Executor) {
    this.#db = db;
  }

  async get(name: string): Promise<string | undefined> {
    return (await this.#db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirst())?.value;
  }

  async set(name: string, value: string | undefined): Promise<void> {
    if (value === undefined) await this.#db.deleteFrom('settings').where('name', '=', name).execute();
    else {
      await this.#db
        .insertInto('settings')
        .values({ name, value })
        .onConflict((conflict) => conflict.column('name').doUpdateSet({ value }))
        .execute();
    }
  }
}
