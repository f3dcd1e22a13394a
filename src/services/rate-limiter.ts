/**
 * Per-app request budgets (API error 4): a fixed window per app. This one counts in process
 * memory, which is exact for a single Hearth instance; shared backends implement the same interface.
 */
import type { RateLimit } from '../store/store.js';

export interface RateLimiter {
  /** Counts one request for `appId`; false when the app has used up its window. */
  consume(appId: number, limit: RateLimit, now?: number): Promise<boolean>;
}

interface Window {
  startedAt: number;
  count: number;
}

export class MemoryRateLimiter implements RateLimiter {
  // One entry per app that has a limit, so the map stays as small as the app table.
  readonly #windows = new Map<number, Window>();

  async consume(appId: number, limit: RateLimit, now = Date.now()): Promise<boolean> {
    const windowMs = limit.windowSeconds * 1000;
    const startedAt = now - (now % windowMs);
    let window = this.#windows.get(appId);
    if (!window || window.startedAt !== startedAt) {
      window = { startedAt, count: 0 };
      this.#windows.set(appId, window);
    }
    window.count += 1;
    return window.count <= limit.requests;
  }
}
