/**
 * Whether people are online (users.getInfo's and FQL's online_presence): `active` when they were
 * seen in the last ten minutes, `idle` in the last thirty, `offline` otherwise (docs/presence.md).
 * Being seen is a signed-in page view or an API call made with their session. Those happen many
 * times a minute, so each instance writes a person's time at most once a minute; the stored time
 * is at most that much behind, which the thresholds do not notice.
 */
import { LRUCache } from 'lru-cache';
import type { Store } from '../feature.js';
import type { OnlinePresence } from './records.js';

export const ACTIVE_MS = 10 * 60_000;
export const IDLE_MS = 30 * 60_000;
/** The longest a seen time waits before it is written. */
export const WRITE_INTERVAL_MS = 60_000;
/** People whose last write this instance remembers; one forgotten costs one write more. */
const REMEMBERED_PEOPLE = 50_000;

export function presenceAt(lastSeen: Date | undefined, now: Date): OnlinePresence {
  if (lastSeen === undefined) return 'offline';
  const ago = now.getTime() - lastSeen.getTime();
  if (ago < ACTIVE_MS) return 'active';
  if (ago < IDLE_MS) return 'idle';
  return 'offline';
}

export class PresenceService {
  readonly #store: Store;
  /** When this instance last wrote each person's time. */
  readonly #written = new LRUCache<number, number>({ max: REMEMBERED_PEOPLE });

  constructor(store: Store) {
    this.#store = store;
  }

  /** The person was seen now: written unless this instance wrote their time less than a minute before. */
  async seen(uid: number, now = new Date()): Promise<void> {
    const last = this.#written.get(uid);
    if (last !== undefined && now.getTime() >= last && now.getTime() - last < WRITE_INTERVAL_MS) return;
    this.#written.set(uid, now.getTime());
    await this.#store.presence.touch(uid, now);
  }

  /** Each person's online_presence at `now`. */
  async of(uids: readonly number[], now = new Date()): Promise<Map<number, OnlinePresence>> {
    const lastSeen = await this.#store.presence.lastSeen(uids);
    return new Map(uids.map((uid) => [uid, presenceAt(lastSeen.get(uid), now)]));
  }
}
