/**
 * What the SQLite schema promises about friends beyond the Store contract: a friendship, request or
 * friend list goes with its person (foreign keys cascade; the Store has no "delete person" yet, so
 * the person is deleted with SQL as an operator would), and a pair is never stored twice.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/platform.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-friends-'));
  dirs.push(dir);
  return join(dir, 'hearth.db');
}

const person = (email: string) => ({ email, passwordHash: 'scrypt$x', firstName: 'Ada', lastName: 'Lovelace' });

describe('sqlite: friendships', () => {
  it('go with a deleted person, both ways, and so do their requests', async () => {
    const path = tempPath();
    const store = SqliteStore.open(path);
    const [a, b, c] = [await store.people.create(person('a@example.org')), await store.people.create(person('b@example.org')), await store.people.create(person('c@example.org'))];
    await store.friendships.befriend(a.uid, b.uid, new Date());
    await store.friendships.befriend(b.uid, c.uid, new Date());
    await store.friendships.request(a.uid, c.uid, new Date());
    await store.friendships.request(c.uid, b.uid, new Date());

    const raw = new Database(path);
    raw.pragma('foreign_keys = ON');
    raw.prepare('DELETE FROM people WHERE uid = ?').run(b.uid);
    raw.close();

    expect(await store.friendships.friendsOf(a.uid)).toEqual([]);
    expect(await store.friendships.friendsOf(c.uid)).toEqual([]);
    expect(await store.friendships.requestsFrom(c.uid)).toEqual([]);
    expect(await store.friendships.requestsTo(c.uid)).toEqual([expect.objectContaining({ fromUid: a.uid })]);
    await store.close();
  });

  it('take friend lists along: a deleted owner\'s lists, a deleted person\'s places on others\' lists', async () => {
    const path = tempPath();
    const store = SqliteStore.open(path);
    const [a, b, c] = [await store.people.create(person('a@example.org')), await store.people.create(person('b@example.org')), await store.people.create(person('c@example.org'))];
    await store.friendships.befriend(a.uid, b.uid, new Date());
    await store.friendships.befriend(a.uid, c.uid, new Date());
    await store.friendships.befriend(b.uid, c.uid, new Date());
    const ofA = await store.friendLists.create(a.uid, 'A', new Date());
    const ofB = await store.friendLists.create(b.uid, 'B', new Date());
    await store.friendLists.addMember(a.uid, ofA.flid, b.uid);
    await store.friendLists.addMember(a.uid, ofA.flid, c.uid);
    await store.friendLists.addMember(b.uid, ofB.flid, c.uid);

    const raw = new Database(path);
    raw.pragma('foreign_keys = ON');
    raw.prepare('DELETE FROM people WHERE uid = ?').run(b.uid);
    raw.close();

    expect(await store.friendLists.listsById([ofA.flid, ofB.flid])).toEqual([ofA]);
    expect(await store.friendLists.membersOf([ofA.flid, ofB.flid])).toEqual([{ flid: ofA.flid, uid: c.uid }]);
    await store.close();
  });

  it('stores a friendship once, low uid first, however it was made', async () => {
    const path = tempPath();
    const store = SqliteStore.open(path);
    const a = await store.people.create(person('a@example.org'));
    const b = await store.people.create(person('b@example.org'));
    await store.friendships.befriend(b.uid, a.uid, new Date());
    await store.friendships.request(a.uid, b.uid, new Date());
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT uid_low, uid_high FROM friendships').all()).toEqual([{ uid_low: a.uid, uid_high: b.uid }]);
    raw.close();
  });
});
