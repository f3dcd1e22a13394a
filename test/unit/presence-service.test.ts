/** The presence rules without a database: the thresholds, and at most one write per person per minute. */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/features/feature.js';
import { presenceAt, PresenceService } from '../../src/features/presence/presence-service.js';

const T = new Date('2010-01-01T12:00:00Z');
const at = (ms: number) => new Date(T.getTime() + ms);

describe('presence', () => {
  it('active under 10 minutes, idle under 30, offline after that or never seen', () => {
    expect(presenceAt(T, T)).toBe('active');
    expect(presenceAt(T, at(10 * 60_000 - 1))).toBe('active');
    expect(presenceAt(T, at(10 * 60_000))).toBe('idle');
    expect(presenceAt(T, at(30 * 60_000 - 1))).toBe('idle');
    expect(presenceAt(T, at(30 * 60_000))).toBe('offline');
    expect(presenceAt(undefined, T)).toBe('offline');
  });

  it('writes a person’s time at most once a minute, each person apart', async () => {
    const writes: Array<[number, number]> = [];
    const store = { presence: { touch: async (uid: number, when: Date) => void writes.push([uid, when.getTime() - T.getTime()]), lastSeen: async () => new Map() } } as unknown as Store;
    const presence = new PresenceService(store);
    for (const ms of [0, 1_000, 59_999, 60_000, 61_000]) await presence.seen(1, at(ms));
    await presence.seen(2, at(1_000));
    expect(writes).toEqual([[1, 0], [1, 60_000], [2, 1_000]]);
  });
});
