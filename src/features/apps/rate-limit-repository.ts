/** Request counts per app and fixed window, shared by every instance on one database. */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { RateLimitRepository } from './records.js';

export class StoredRateLimitRepository implements RateLimitRepository {
  readonly #db: Executor;

  constructor(db: Executor) {
    this.#db = db;
  }

  async hit(appId: number, windowStart: Date): Promise<number> {
    // One upsert: concurrent hits of one window each see the count before them.
    const row = await this.#db
      .insertInto('rate_limit_windows')
      .values({ app_id: appId, window_start: windowStart.getTime(), requests: 1 })
      .onConflict((conflict) => conflict.columns(['app_id', 'window_start']).doUpdateSet({ requests: sql`rate_limit_windows.requests + 1` }))
      .returning('requests')
      .executeTakeFirstOrThrow();
    return row.requests;
  }

  async deleteBefore(before: Date): Promise<number> {
    const result = await this.#db.deleteFrom('rate_limit_windows').where('window_start', '<', before.getTime()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
