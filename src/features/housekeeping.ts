/**
 * Removes what can no longer be used — expired auth tokens, API sessions, browser sign-ins and known
 * browsers, old sign-in attempt counts and rate-limit windows — so the tables hold live data only. Lookups already ignore expired
 * rows; this only keeps the store small.
 */
import type { Store } from './store.js';
import { SIGN_IN_POLICY } from './sign-in/sign-in-service.js';

export async function purgeExpired(store: Store, now = new Date()): Promise<number> {
  const counts = await Promise.all([
    store.authTokens.deleteExpired(now),
    store.sessions.deleteExpired(now),
    store.browserSignIns.deleteExpired(now),
    store.signInAttempts.deleteOlderThan(new Date(now.getTime() - SIGN_IN_POLICY.windowMs - SIGN_IN_POLICY.maxWaitMs)),
    store.knownBrowsers.deleteExpired(now),
    // The longest window an operator would set is a day; older counts can no longer matter.
    store.rateLimits.deleteBefore(new Date(now.getTime() - 2 * 86_400_000)),
  ]);
  return counts.reduce((sum, count) => sum + count, 0);
}
