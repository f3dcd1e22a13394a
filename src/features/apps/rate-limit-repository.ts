/** Request counts per app and fixed window, shared by every instance on one database. */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import type { RateLimitRepository } from './records.js';

export class StoredRateLimitRepository implements RateLimitRepository {
  readonly #hit;
  readonly #deleteBefore;

  constructor(db: Database) {
    // One upsert: concurrent hits of one window each see the count before them.
    this.#hit = prepareQuery(db, (q, p: Placeholders<{ appId: number; windowStart: number }>) =>
      q
        .insertInto('rate_limit_windows')
        .values({ app_id: p.appId, window_start: p.windowStart, requests: 1 })
        .onConflict((conflict) => conflict.columns(['app_id', 'window_start']).doUpdateSet({ requests: sql`rate_limit_windows.requests + 1` }))
        .returning('requests'),
    );
    this.#deleteBefore = prepareQuery(db, (q, p: Placeholders<{ before: number }>) => q.deleteFrom('rate_limit_windows').where('window_start', '<', p.before));
  }

  async hit(appId: number, windowStart: Date): Promise<number> {
    return (await this.#hit.first({ appId, windowStart: windowStart.getTime() }))!.requests;
  }

  deleteBefore(before: Date): Promise<number> {
    return this.#deleteBefore.changed({ before: before.getTime() });
  }
}
