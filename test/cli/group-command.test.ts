/** `hearth group create|add` on the built binary: groups seeded with members and privacy, read back through the store; every bad argument a one-line error. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/platform.js';
import { expectOperatorError, expectSuccess, tempDatabase, type TempDatabase } from '../support/cli.js';

describe('hearth group', () => {
  let db: TempDatabase;
  const uids: Record<string, number> = {};
  beforeAll(async () => {
    db = await tempDatabase();
    for (const [name, email] of [['Ada Lovelace', 'ada@example.com'], ['Bob Bobson', 'bob@example.com'], ['Cleo Cleary', 'cleo@example.com']] as const) {
      uids[email] = (await db.json<{ uid: number }>('user', 'create', '--email', email, '--password', 'analytical engine', '--name', name)).uid;
    }
  });
  afterAll(() => db.remove());
  const memberships = async (gid: number) => {
    const store = SqliteStore.open(join(db.dir, 'hearth.db'));
    try {
      return { group: (await store.groups.byIds([gid]))[0], members: await store.groups.membersOf([gid]) };
    } finally {
      await store.close();
    }
  };

  it('creates a group with its creator as admin and the members named, and prints its gid', async () => {
    const made = await db.json<{ gid: number; privacy: string; members: number[] }>('group', 'create', '--name', 'Analytical Engine Fans', '--creator', 'ada@example.com', '--members', `${uids['bob@example.com']}, cleo@example.com`, '--privacy', 'closed');
    expect(made).toMatchObject({ privacy: 'CLOSED', members: [uids['ada@example.com'], uids['bob@example.com'], uids['cleo@example.com']] });
    expect(made.gid).toBeGreaterThan(600000000);
    const { group, members } = await memberships(made.gid);
    expect(group).toMatchObject({ name: 'Analytical Engine Fans', privacy: 'CLOSED', creator: uids['ada@example.com'] });
    expect(members.map((member) => [member.uid, member.admin])).toEqual([
      [uids['ada@example.com'], true],
      [uids['bob@example.com'], false],
      [uids['cleo@example.com'], false],
    ]);
    const plain = await db.run('group', 'create', '--name', 'Open Circle', '--creator', 'bob@example.com');
    expectSuccess(plain);
    expect(plain.stdout).toMatch(/^\d+\n$/);
    expect((await memberships(Number(plain.stdout))).group?.privacy).toBe('OPEN');
  });

  it('adds people as members, officers, admins or invited', async () => {
    const gid = Number((await db.run('group', 'create', '--name', 'Note G', '--creator', 'ada@example.com', '--privacy', 'secret')).stdout);
    const added = await db.run('group', 'add', String(gid), 'bob@example.com', '--officer');
    expectSuccess(added);
    expect(added.stdout).toContain('a member (officer)');
    expectSuccess(await db.run('group', 'add', String(gid), 'cleo@example.com', '--invited'));
    const { members } = await memberships(gid);
    expect(members.map((member) => [member.uid, member.joined, member.officer])).toEqual([
      [uids['ada@example.com'], true, false],
      [uids['bob@example.com'], true, true],
      [uids['cleo@example.com'], false, false],
    ]);
  });

  it('answers an unknown person, group or privacy, and an empty name, in one line', async () => {
    expectOperatorError(await db.run('group', 'create', '--name', 'X', '--creator', 'nobody@example.com'), /nobody@example\.com/);
    expectOperatorError(await db.run('group', 'create', '--name', 'X', '--creator', 'ada@example.com', '--members', 'bob@example.com,ghost@example.com'), /ghost@example\.com/);
    expectOperatorError(await db.run('group', 'create', '--name', 'X', '--creator', 'ada@example.com', '--privacy', 'hidden'), /--privacy: "hidden" is not open, closed or secret/);
    expectOperatorError(await db.run('group', 'create', '--name', ' ', '--creator', 'ada@example.com'), /--name: the group needs a name/);
    expectOperatorError(await db.run('group', 'create', '--creator', 'ada@example.com'), /--name/);
    expectOperatorError(await db.run('group', 'add', '42', 'ada@example.com'), /no group with gid "42"/);
    expectOperatorError(await db.run('group', 'add', 'fans', 'ada@example.com'), /no group with gid "fans"/);
  });
});
