/** Operator settings in the database, for both dialects. */
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import type { SettingRepository } from './records.js';

export class StoredSettingRepository implements SettingRepository {
  readonly #get;
  readonly #put;
  readonly #delete;

  constructor(db: Database) {
    this.#get = prepareQuery(db, (q, p: Placeholders<{ name: string }>) => q.selectFrom('settings').select('value').where('name', '=', p.name));
    this.#put = prepareQuery(db, (q, p: Placeholders<{ name: string; value: string }>) =>
      q
        .insertInto('settings')
        .values({ name: p.name, value: p.value })
        .onConflict((conflict) => conflict.column('name').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
    );
    this.#delete = prepareQuery(db, (q, p: Placeholders<{ name: string }>) => q.deleteFrom('settings').where('name', '=', p.name));
  }

  async get(name: string): Promise<string | undefined> {
    return (await this.#get.first({ name }))?.value;
  }

  async set(name: string, value: string | undefined): Promise<void> {
    if (value === undefined) await this.#delete.run({ name });
    else await this.#put.run({ name, value });
  }
}
