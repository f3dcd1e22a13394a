/**
 * Per-app request budgets (API error 4): a fixed window per app. Three ways to count, one
 * interface: in process memory (one instance over SQLite), in the store (every instance on one
 * PostgreSQL database), or in Redis (`--redis`, cheapest when many instances share a limit).
 */
import type { CallerApp, RateLimit } from './ports.js';

/** What a limiter may key its counts by: the id within one database, or the api_key, unique across databases. */
export type RateLimitedApp = Pick<CallerApp, 'appId' | 'apiKey'>;

/** Where StoreRateLimiter counts: the rate-limit windows every instance shares (the apps feature's). */
export interface WindowCounter {
  /** Counts one request of `appId` in the window starting at `windowStart`; returns the window's count so far. */
  hit(appId: number, windowStart: Date): Promise<number>;
}

export interface RateLimiter {
  /** Counts one request for `app`; false when the app has used up its window. */
  consume(app: RateLimitedApp, limit: RateLimit, now?: number): Promise<boolean>;
  close?(): Promise<void>;
}

/** The fixed window a moment falls in: windows start at multiples of their length since the epoch. */
export function windowStart(now: number, limit: RateLimit): number {
  const windowMs = limit.windowSeconds * 1000;
  return now - (now % windowMs);
}

interface Window {
  startedAt: number;
  count: number;
}

export class MemoryRateLimiter implements RateLimiter {
  // One entry per app that has a limit, so the map stays as small as the app table.
  readonly #windows = new Map<number, Window>();

  async consume({ appId }: RateLimitedApp, limit: RateLimit, now = Date.now()): Promise<boolean> {
    const startedAt = windowStart(now, limit);
    let window = this.#windows.get(appId);
    if (!window || window.startedAt !== startedAt) {
      window = { startedAt, count: 0 };
      this.#windows.set(appId, window);
    }
    window.count += 1;
    return window.count <= limit.requests;
  }
}

/** Counts in the store, so every instance on one database shares each app's limit. */
export class StoreRateLimiter implements RateLimiter {
  readonly #windows: WindowCounter;

  constructor(windows: WindowCounter) {
    this.#windows = windows;
  }

  async consume({ appId }: RateLimitedApp, limit: RateLimit, now = Date.now()): Promise<boolean> {
    return (await this.#windows.hit(appId, new Date(windowStart(now, limit)))) <= limit.requests;
  }
}
