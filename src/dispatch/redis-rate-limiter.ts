/**
 * Counts app requests in Redis: INCR on a key per app and window, expiring with the window. Keys
 * name the app by its api_key, not its app_id: ids start at 100001 in every database, so two
 * deployments (or a test run after the last) sharing one Redis would otherwise share counts.
 */
import { Redis } from 'ioredis';
import type { RateLimit } from './ports.js';
import { StoreUnavailableError } from '../db/store-errors.js';
import { windowStart, type RateLimitedApp, type RateLimiter } from './rate-limiter.js';

export class RedisRateLimiter implements RateLimiter {
  readonly #redis: Redis;

  constructor(url: string) {
    // While Redis is away a command waits for one reconnection attempt, then fails (API error 2)
    // rather than queueing for ever; the client keeps reconnecting in the background.
    this.#redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    this.#redis.on('error', () => undefined);
  }

  async consume({ apiKey }: RateLimitedApp, limit: RateLimit, now = Date.now()): Promise<boolean> {
    const start = windowStart(now, limit);
    const key = `hearth:rate:${apiKey}:${limit.windowSeconds}:${start}`;
    try {
      const [[incrError, count] = [null, 0], [expireError] = [null]] =
        (await this.#redis.multi().incr(key).pexpireat(key, start + limit.windowSeconds * 1000 + 1000).exec()) ?? [];
      if (incrError || expireError) throw incrError ?? expireError;
      return Number(count) <= limit.requests;
    } catch (error) {
      throw new StoreUnavailableError(`Redis is unavailable (${(error as Error).message})`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.#redis.quit().catch(() => this.#redis.disconnect());
  }
}
