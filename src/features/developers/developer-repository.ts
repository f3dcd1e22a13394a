/** The developers of each app, for both dialects. */
import type { Database, Executor, Tx } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import type { DeveloperRepository } from './records.js';

export class StoredDeveloperRepository implements DeveloperRepository {
  readonly #db: Executor;
  readonly #isDeveloper;

  constructor(db: Database) {
    this.#db = db.query;
    // Every view of an app's page asks it first.
    this.#isDeveloper = prepareQuery(db, (q, p: Placeholders<{ appId: number; uid: number }>) =>
      q.selectFrom('app_developers').select('uid').where('app_id', '=', p.appId).where('uid', '=', p.uid),
    );
  }

  async add(appId: number, uid: number, now: Date, trx?: Tx): Promise<boolean> {
    const result = await (trx ?? this.#db)
      .insertInto('app_developers')
      .values({ app_id: appId, uid, added_at: now.getTime() })
      .onConflict((conflict) => conflict.columns(['app_id', 'uid']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async remove(appId: number, uid: number): Promise<boolean> {
    const result = await this.#db.deleteFrom('app_developers').where('app_id', '=', appId).where('uid', '=', uid).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async isDeveloper(appId: number, uid: number): Promise<boolean> {
    return (await this.#isDeveloper.first({ appId, uid })) !== undefined;
  }

  async developersOf(appId: number): Promise<number[]> {
    const rows = await this.#db.selectFrom('app_developers').select('uid').where('app_id', '=', appId).orderBy('added_at').orderBy('uid').execute();
    return rows.map((row) => Number(row.uid));
  }

  async appsOf(uid: number): Promise<number[]> {
    const rows = await this.#db.selectFrom('app_developers').select('app_id').where('uid', '=', uid).orderBy('app_id').execute();
    return rows.map((row) => Number(row.app_id));
  }
}
