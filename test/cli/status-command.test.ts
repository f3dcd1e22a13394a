/** `hearth status set|clear|list`: a person's status as an operator seeds it, on the built binary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOperatorError, expectSuccess, tempDatabase, type TempDatabase } from '../support/cli.js';

interface StatusJson {
  status_id: number;
  message: string;
  time: string;
  current: boolean;
}

describe('hearth status', () => {
  let db: TempDatabase;
  let ada: { uid: number };
  beforeAll(async () => {
    db = await tempDatabase();
    ada = await db.json('user', 'create', '--email', 'ada@example.com', '--password', 'analytical engine', '--name', 'Ada Lovelace');
  });
  afterAll(() => db.remove());

  it('sets statuses as posts on the wall, lists them newest first, and clears the current one', async () => {
    const none = await db.run('status', 'list', 'ada@example.com');
    expectSuccess(none);
    expect(none.stdout).toBe(`Ada Lovelace (${ada.uid}) has set no status yet. Set one with: hearth status set ${ada.uid} TEXT\n`);

    const first = await db.json<{ uid: number; status_id: number; post_id: string }>('status', 'set', 'ada@example.com', 'reading about Babbage', '--json');
    expect(first).toEqual({ uid: ada.uid, status_id: expect.any(Number), post_id: `${ada.uid}_${first.status_id}` });
    const second = await db.run('status', 'set', String(ada.uid), 'computing numbers');
    expectSuccess(second);
    expect(second.stdout).toMatch(new RegExp(`^person     Ada Lovelace \\(${ada.uid}\\)\\nstatus_id  \\d+\\npost_id    ${ada.uid}_\\d+\\n$`));

    const listed = await db.json<StatusJson[]>('status', 'list', 'ada@example.com', '--json');
    expect(listed.map((entry) => [entry.message, entry.current])).toEqual([['computing numbers', true], ['reading about Babbage', false]]);
    expect(listed[1]!.status_id).toBe(first.status_id);

    const cleared = await db.run('status', 'clear', 'ada@example.com');
    expectSuccess(cleared);
    expect(cleared.stdout).toBe(`Ada Lovelace (${ada.uid}) has no current status now\n`);
    expect((await db.json<StatusJson[]>('status', 'list', 'ada@example.com', '--json')).map((entry) => entry.current)).toEqual([false, false]);
  });

  it('refuses an empty text and an unknown person in one line, exit 1', async () => {
    expectOperatorError(await db.run('status', 'set', 'ada@example.com', '  '), 'the status text is empty; to remove a status use: hearth status clear PERSON');
    expectOperatorError(await db.run('status', 'set', 'nobody@example.com', 'hi'), 'no person with uid or e-mail "nobody@example.com"');
  });
});
