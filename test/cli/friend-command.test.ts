/** `hearth friend add|remove|list`: the operator's friendships, on the built binary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/platform.js';
import { expectOperatorError, expectSuccess, tempDatabase, type TempDatabase } from '../support/cli.js';

interface PersonJson {
  uid: number;
  email: string;
}

describe('hearth friend', () => {
  let db: TempDatabase;
  let ada: PersonJson;
  let bob: PersonJson;
  let cleo: PersonJson;
  beforeAll(async () => {
    db = await tempDatabase();
    ada = await db.json('user', 'create', '--email', 'ada@example.com', '--password', 'analytical engine', '--name', 'Ada Lovelace');
    bob = await db.json('user', 'create', '--email', 'bob@example.com', '--password', 'long enough', '--name', 'Bob Bobson');
    cleo = await db.json('user', 'create', '--email', 'cleo@example.com', '--password', 'long enough', '--name', 'Cleo Cleary');
  });
  afterAll(() => db.remove());

  it('adds, lists (table and JSON), says when nothing changed, and removes', async () => {
    const empty = await db.run('friend', 'list', 'ada@example.com');
    expectSuccess(empty);
    expect(empty.stdout).toBe(`Ada Lovelace (${ada.uid}) has no friends yet. Add one with: hearth friend add ${ada.uid} OTHER\n`);
    expect(await db.json('friend', 'list', String(ada.uid))).toEqual([]);

    // By e-mail (any case) and by uid; the order of the two people does not matter.
    const added = await db.run('friend', 'add', String(cleo.uid), 'ADA@Example.com');
    expectSuccess(added);
    expect(added.stdout).toBe(`Cleo Cleary (${cleo.uid}) and Ada Lovelace (${ada.uid}) are now friends\n`);
    expectSuccess(await db.run('friend', 'add', 'ada@example.com', 'bob@example.com'));
    const again = await db.run('friend', 'add', String(ada.uid), String(cleo.uid));
    expectSuccess(again);
    expect(again.stdout).toBe(`Ada Lovelace (${ada.uid}) and Cleo Cleary (${cleo.uid}) were already friends\n`);

    const table = await db.run('friend', 'list', 'ada@example.com');
    expectSuccess(table);
    expect(table.stdout).toBe(
      ['UID        EMAIL             NAME', `${bob.uid}  bob@example.com   Bob Bobson`, `${cleo.uid}  cleo@example.com  Cleo Cleary`, ''].join('\n'),
    );
    expect(await db.json('friend', 'list', String(cleo.uid))).toEqual([{ uid: ada.uid, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' }]);

    const removed = await db.run('friend', 'remove', 'bob@example.com', String(ada.uid));
    expectSuccess(removed);
    expect(removed.stdout).toBe(`Bob Bobson (${bob.uid}) and Ada Lovelace (${ada.uid}) are no longer friends\n`);
    const notFriends = await db.run('friend', 'remove', 'bob@example.com', String(ada.uid));
    expectSuccess(notFriends);
    expect(notFriends.stdout).toBe(`Bob Bobson (${bob.uid}) and Ada Lovelace (${ada.uid}) were not friends; nothing changed\n`);
    expect((await db.json<PersonJson[]>('friend', 'list', 'ada@example.com')).map((friend) => friend.uid)).toEqual([cleo.uid]);
  });

  it('makes friends at once, taking pending requests between the two along', async () => {
    const path = db.location.replace(/^sqlite:/, '');
    const store = SqliteStore.open(path);
    await store.friendships.request(bob.uid, cleo.uid, new Date());
    await store.close();
    expectSuccess(await db.run('friend', 'add', 'cleo@example.com', 'bob@example.com'));
    const after = SqliteStore.open(path);
    expect(await after.friendships.requestsTo(cleo.uid)).toEqual([]);
    expect(await after.friendships.areFriends(bob.uid, cleo.uid)).toBe(true);
    await after.close();
  });

  it.each<[string, string[], string]>([
    ['add of an unknown e-mail', ['friend', 'add', 'ada@example.com', 'nobody@example.com'], 'hearth: no person with uid or e-mail "nobody@example.com"'],
    ['add of an unknown uid', ['friend', 'add', '999999999', 'ada@example.com'], 'hearth: no person with uid or e-mail "999999999"'],
    ['add of a person to themselves', ['friend', 'add', 'ada@example.com', '{ada}'], 'are the same person'],
    ['remove of an unknown person', ['friend', 'remove', 'ada@example.com', 'not an address'], 'hearth: no person with uid or e-mail "not an address"'],
    ['remove of a person from themselves', ['friend', 'remove', '{ada}', '{ada}'], 'are the same person'],
    ['list of an unknown person', ['friend', 'list', 'nobody@example.com'], 'hearth: no person with uid or e-mail "nobody@example.com"'],
  ])('refuses %s in one line, exit 1', async (_what, args, message) => {
    const before = await db.json('friend', 'list', 'ada@example.com');
    const result = await db.run(...args.map((arg) => arg.replace('{ada}', String(ada.uid))));
    expectOperatorError(result, message);
    expect(await db.json('friend', 'list', 'ada@example.com')).toEqual(before);
  });

  it('refuses a missing argument through commander, exit 1', async () => {
    const result = await db.run('friend', 'add', 'ada@example.com');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^hearth: missing required argument 'other'/);
  });
});
