import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRateLimiter, StoreRateLimiter, windowStart, type RateLimiter } from '../../src/dispatch/rate-limiter.js';
import { RedisRateLimiter } from '../../src/dispatch/redis-rate-limiter.js';
import { SqliteStore } from '../../src/platform.js';
import { StoreUnavailableError } from '../../src/db/store-errors.js';
import { hasRedis, REDIS_URL } from '../support/redis.js';
import { TcpProxy } from '../support/tcp-proxy.js';

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
  ['store', () => new StoreRateLimiter(store.rateLimits)],
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

describe.skipIf(!hasRedis)('redis rate limiter: Redis going away for a moment', () => {
  it('answers unavailable promptly while it is away and counts again by itself once it is back', async () => {
    const redis = new URL(REDIS_URL);
    const proxy = new TcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    await proxy.start();
    const limiter = new RedisRateLimiter(`redis://127.0.0.1:${proxy.port}`);
    const app = { appId: 1, apiKey: `outage-${Date.now()}-${Math.random()}` };
    try {
      expect(await limiter.consume(app, LIMIT)).toBe(true);
      await proxy.cut();
      const started = Date.now();
      await expect(limiter.consume(app, LIMIT)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(3_000);
      await proxy.start();
      let counted: boolean | undefined;
      for (const deadline = Date.now() + 8_000; counted === undefined && Date.now() < deadline; ) {
        counted = await limiter.consume(app, LIMIT).catch(() => new Promise<undefined>((resolve) => setTimeout(resolve, 100)));
      }
      // The count from before the outage is still there: this is the second request of three.
      expect(counted).toBe(true);
      expect(await limiter.consume(app, LIMIT)).toBe(true);
      expect(await limiter.consume(app, LIMIT)).toBe(false);
    } finally {
      await limiter.close();
      await proxy.cut();
    }
  });
});
