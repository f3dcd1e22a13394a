import type { RateLimitRepository } from '../store.js';
import { guarded, type SqliteDatabase } from '../../db/sqlite/sqlite-connection.js';

export class SqliteRateLimitRepository implements RateLimitRepository {
  readonly #hit;
  readonly #deleteBefore;

  constructor(db: SqliteDatabase) {
    this.#hit = db
      .prepare<[number, number], number>(
        `INSERT INTO rate_limit_windows (app_id, window_start, requests) VALUES (?, ?, 1)
         ON CONFLICT (app_id, window_start) DO UPDATE SET requests = requests + 1 RETURNING requests`,
      )
      .pluck();
    this.#deleteBefore = db.prepare<[number]>('DELETE FROM rate_limit_windows WHERE window_start < ?');
  }

  hit(appId: number, windowStart: Date): Promise<number> {
    return guarded(() => this.#hit.get(appId, windowStart.getTime())!);
  }

  deleteBefore(before: Date): Promise<number> {
    return guarded(() => this.#deleteBefore.run(before.getTime()).changes);
  }
}
