import type { RateLimitRepository } from '../store.js';
import type { PostgresConnection } from '../../db/postgres/postgres-connection.js';

export class PostgresRateLimitRepository implements RateLimitRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async hit(appId: number, windowStart: Date): Promise<number> {
    // One upsert: concurrent requests on several instances each get their own count.
    const { rows } = await this.#db.query<{ requests: number }>(
      `INSERT INTO rate_limit_windows AS counted (app_id, window_start, requests) VALUES ($1, $2, 1)
       ON CONFLICT (app_id, window_start) DO UPDATE SET requests = counted.requests + 1 RETURNING requests`,
      [appId, windowStart.getTime()],
    );
    return rows[0]!.requests;
  }

  async deleteBefore(before: Date): Promise<number> {
    return (await this.#db.query('DELETE FROM rate_limit_windows WHERE window_start < $1', [before.getTime()])).rowCount!;
  }
}
