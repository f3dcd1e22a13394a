/**
 * Fixed-window counts in the database, for both dialects: one upsert whose SETs read the row as it
 * was, so of events counted at once each sees the one before it. Values PostgreSQL cannot type from
 * their place carry a CAST.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { RateCountRepository } from './records.js';

const bigint = (value: number) => sql`CAST(${value} AS BIGINT)`;

export class StoredRateCountRepository implements RateCountRepository {
  readonly #db: Executor;

  constructor(db: Executor) {
    this.#db = db;
  }

  async count(subject: string, now: Date, windowMs: number): Promise<number> {
    const at = bigint(now.getTime());
    const stale = sql`counted.window_started_at <= ${bigint(now.getTime() - windowMs)}`;
    const result = await sql<{ count: number | string }>`INSERT INTO account_rate_counts AS counted (subject, window_started_at, count)
VALUES (${subject}, ${at}, 1)
ON CONFLICT (subject) DO UPDATE SET
  count = CASE WHEN ${stale} THEN 1 ELSE counted.count + 1 END,
  window_started_at = CASE WHEN ${stale} THEN ${at} ELSE counted.window_started_at END
RETURNING count`.execute(this.#db);
    return Number(result.rows[0]!.count);
  }

  async uncount(subject: string): Promise<void> {
    await this.#db
      .updateTable('account_rate_counts')
      .set((eb) => ({ count: eb('count', '-', 1) }))
      .where('subject', '=', subject)
      .where('count', '>', 0)
      .execute();
  }

  async deleteOlderThan(before: Date): Promise<number> {
    const result = await this.#db.deleteFrom('account_rate_counts').where('window_started_at', '<', before.getTime()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
