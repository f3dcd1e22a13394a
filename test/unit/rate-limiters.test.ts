import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRateLimiter, StoreRateLimiter, windowStart, type RateLimiter } from '../../src/services/rate-limiter.js';
import { RedisRateLimiter } from '../../src/services/redis-rate-limiter.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { StoreUnavailableError } from '../../src/store/store-errors.js';
import { hasRedis, REDIS_URL } from '../support/redis.js';

const LIMIT = { requests: 3, windowSeconds: 60 };
const APP_A = { appId: 100001, apiKey: 'a'.repeat(32) };
const APP_B = { appId: 100002, apiKey: 'b'.repeat(32) };

describe('rate limiters: windows', () => {
  it('start at multiples of the window length', () => {
    expect(windowStart(125_000, LIMIT)).toBe(120_000);
    expect(windowStart(120_000, LIMIT)).toBe(120_000);
  });
});

let store: SqliteStore;
let redis: RedisRateLimiter | undefined;
beforeAll(async () => {
  store = SqliteStore.open(':memory:');
  await store.apps.create({ apiKey: 'a'.repeat(32), secret: 's'.repeat(32), name: 'A', type: 'web', callbackUrl: null });
  await store.apps.create({ apiKey: 'b'.repeat(32), secret: 's'.repeat(32), name: 'B', type: 'web', callbackUrl: null });
  if (hasRedis) redis = new RedisRateLimiter(REDIS_URL);
});
afterAll(async () => {
  await store.close();
  await redis?.close();
});

const limiters: Array<[string, () => RateLimiter]> = [
  ['memory', () => new MemoryRateLimiter()],
  ['store', () => new StoreRateLimiter(store)],
  ...(hasRedis ? [['redis', () => redis!] as [string, () => RateLimiter]] : []),
];

describe.each(limiters)('%s rate limiter', (_name, make) => {
  it('allows the limit in a window, refuses beyond it, counts apps apart and starts again in the next window', async () => {
    const limiter = make();
    // A time of its own per run, so runs against a shared Redis never meet.
    const t = (Date.now() - (Date.now() % 60_000)) * 1000 + Math.floor(Math.random() * 1_000_000) * 60_000;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.consume(APP_A, LIMIT, t + i));
    expect(results).toEqual([true, true, true, false]);
    expect(await limiter.consume(APP_B, LIMIT, t)).toBe(true);
    expect(await limiter.consume(APP_A, LIMIT, t + 60_000)).toBe(true);
  });
});

describe('redis rate limiter: Redis away', () => {
  it('reports itself unavailable (API error 2) instead of waiting', async () => {
    const away = new RedisRateLimiter('redis://127.0.0.1:1');
    await expect(away.consume(APP_A, LIMIT)).rejects.toBeInstanceOf(StoreUnavailableError);
    await away.close();
  });
});
