/** `hearth friendlist create|add|remove|list`: a person's friend lists as the operator sets them, on the built binary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOperatorError, expectSuccess, tempDatabase, type TempDatabase } from '../support/cli.js';

interface PersonJson {
  uid: number;
  email: string;
}

interface ListJson {
  flid: number;
  name: string;
  members: number[];
}

describe('hearth friendlist', () => {
  let db: TempDatabase;
  let ada: PersonJson;
  let bob: PersonJson;
  let cleo: PersonJson;
  beforeAll(async () => {
    db = await tempDatabase();
    ada = await db.json('user', 'create', '--email', 'ada@example.com', '--password', 'analytical engine', '--name', 'Ada Lovelace');
    bob = await db.json('user', 'create', '--email', 'bob@example.com', '--password', 'long enough', '--name', 'Bob Bobson');
    cleo = await db.json('user', 'create', '--email', 'cleo@example.com', '--password', 'long enough', '--name', 'Cleo Cleary');
    // Nobody's friend.
    await db.json('user', 'create', '--email', 'dan@example.com', '--password', 'long enough', '--name', 'Dan Dennett');
    expectSuccess(await db.run('friend', 'add', 'ada@example.com', 'bob@example.com'));
    expectSuccess(await db.run('friend', 'add', 'ada@example.com', 'cleo@example.com'));
  });
  afterAll(() => db.remove());

  it('makes lists, puts friends on them and takes them off, listing them as a table and as JSON', async () => {
    const empty = await db.run('friendlist', 'list', 'ada@example.com');
    expectSuccess(empty);
    expect(empty.stdout).toBe(`Ada Lovelace (${ada.uid}) has no friend lists yet. Make one with: hearth friendlist create ${ada.uid} NAME\n`);
    expect(await db.json('friendlist', 'list', String(ada.uid))).toEqual([]);

    const made = await db.run('friendlist', 'create', 'ADA@example.com', '  Engine Club ');
    expectSuccess(made);
    expect(made.stdout).toBe(['flid   300000001', 'name   Engine Club', `owner  Ada Lovelace (${ada.uid})`, ''].join('\n'));
    const family = await db.json<{ flid: number; name: string; owner: number; created_at: string }>('friendlist', 'create', String(ada.uid), 'Family');
    expect(family).toEqual({ flid: 300000002, name: 'Family', owner: ada.uid, created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });

    const added = await db.run('friendlist', 'add', '300000001', 'cleo@example.com');
    expectSuccess(added);
    expect(added.stdout).toBe(`Cleo Cleary (${cleo.uid}) is now on the list "Engine Club" (300000001)\n`);
    expectSuccess(await db.run('friendlist', 'add', '300000001', String(bob.uid)));
    const again = await db.run('friendlist', 'add', '300000001', String(bob.uid));
    expectSuccess(again);
    expect(again.stdout).toBe(`Bob Bobson (${bob.uid}) was already on the list "Engine Club" (300000001)\n`);

    const table = await db.run('friendlist', 'list', 'ada@example.com');
    expectSuccess(table);
    expect(table.stdout).toBe(
      ['FLID       NAME         MEMBERS', `300000001  Engine Club  ${bob.uid},${cleo.uid}`, '300000002  Family       -', ''].join('\n'),
    );
    expect(await db.json<ListJson[]>('friendlist', 'list', 'ada@example.com')).toEqual([
      { flid: 300000001, name: 'Engine Club', members: [bob.uid, cleo.uid] },
      { flid: 300000002, name: 'Family', members: [] },
    ]);

    const removed = await db.run('friendlist', 'remove', '300000001', 'bob@example.com');
    expectSuccess(removed);
    expect(removed.stdout).toBe(`Bob Bobson (${bob.uid}) is no longer on the list "Engine Club" (300000001)\n`);
    const notOn = await db.run('friendlist', 'remove', '300000001', 'bob@example.com');
    expectSuccess(notOn);
    expect(notOn.stdout).toBe(`Bob Bobson (${bob.uid}) was not on the list "Engine Club" (300000001); nothing changed\n`);
    expect((await db.json<ListJson[]>('friendlist', 'list', 'ada@example.com'))[0]!.members).toEqual([cleo.uid]);
  });

  it('takes a person off the lists when the friendship ends', async () => {
    const list = await db.json<{ flid: number }>('friendlist', 'create', 'cleo@example.com', 'Cleo’s friends');
    expectSuccess(await db.run('friendlist', 'add', String(list.flid), 'ada@example.com'));
    expectSuccess(await db.run('friend', 'remove', 'cleo@example.com', 'ada@example.com'));
    expect(await db.json<ListJson[]>('friendlist', 'list', 'cleo@example.com')).toEqual([{ flid: list.flid, name: 'Cleo’s friends', members: [] }]);
    expect((await db.json<ListJson[]>('friendlist', 'list', 'ada@example.com'))[0]!.members).toEqual([]);
  });

  it.each<[string, string[], string]>([
    ['create for an unknown person', ['friendlist', 'create', 'nobody@example.com', 'Family'], 'hearth: no person with uid or e-mail "nobody@example.com"'],
    ['create with a name the owner has', ['friendlist', 'create', 'ada@example.com', 'Family'], 'hearth: there is already a friend list named "Family"'],
    ['create with an empty name', ['friendlist', 'create', 'ada@example.com', '  '], 'hearth: a friend list needs a name'],
    ['create with a long name', ['friendlist', 'create', 'ada@example.com', 'x'.repeat(101)], 'hearth: a friend list name has at most 100 characters, not 101'],
    ['add of someone who is not the owner’s friend', ['friendlist', 'add', '300000002', 'dan@example.com'], 'is not a friend of the list\'s owner'],
    ['add of the owner', ['friendlist', 'add', '300000002', 'ada@example.com'], 'nobody is on their own friend list'],
    ['add to an unknown list', ['friendlist', 'add', '399999999', 'bob@example.com'], 'hearth: no friend list with flid "399999999"'],
    ['add to a malformed flid', ['friendlist', 'add', 'family', 'bob@example.com'], 'hearth: no friend list with flid "family"'],
    ['add of an unknown person', ['friendlist', 'add', '300000002', '999999999'], 'hearth: no person with uid or e-mail "999999999"'],
    ['remove from an unknown list', ['friendlist', 'remove', '399999999', 'bob@example.com'], 'hearth: no friend list with flid "399999999"'],
    ['list of an unknown person', ['friendlist', 'list', 'nobody@example.com'], 'hearth: no person with uid or e-mail "nobody@example.com"'],
  ])('refuses %s in one line, exit 1', async (_what, args, message) => {
    const before = await db.json('friendlist', 'list', 'ada@example.com');
    expectOperatorError(await db.run(...args), message);
    expect(await db.json('friendlist', 'list', 'ada@example.com')).toEqual(before);
  });

  it('refuses a missing argument through commander, exit 1', async () => {
    const result = await db.run('friendlist', 'create', 'ada@example.com');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^hearth: missing required argument 'name'/);
  });
});
