/** `hearth app developer add|remove|list`, as the built binary: an operator's app gets its developers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOperatorError, expectSuccess, tempDatabase, type TempDatabase } from '../support/cli.js';

describe('hearth app developer', () => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await tempDatabase();
  });
  afterAll(() => db.remove());

  const person = (email: string, name: string) => db.json<{ uid: number }>('user', 'create', '--email', email, '--name', name, '--password', 'correct horse');

  it('adds people by uid or e-mail to an app made by the CLI, lists them, and removes them, the last one too', async () => {
    const app = await db.json<{ app_id: number; api_key: string }>('app', 'create', '--name', 'Operator App', '--type', 'web');
    const id = String(app.app_id);
    const list = await db.run('app', 'developer', 'list', id);
    expectSuccess(list);
    expect(list.stdout).toContain(`App ${id} has no developers. Add one with: hearth app developer add ${id} PERSON`);

    const ada = await person('ada@example.org', 'Ada Lovelace');
    const alan = await person('alan@example.org', 'Alan Turing');
    const added = await db.run('app', 'developer', 'add', id, 'ADA@example.org');
    expectSuccess(added);
    expect(added.stdout).toContain(`ada@example.org is now a developer of app ${id}.`);
    expect(await db.json('app', 'developer', 'add', app.api_key, String(alan.uid))).toEqual([
      { uid: ada.uid, email: 'ada@example.org', name: 'Ada Lovelace' },
      { uid: alan.uid, email: 'alan@example.org', name: 'Alan Turing' },
    ]);
    expect((await db.run('app', 'developer', 'add', id, String(alan.uid))).stdout).toContain(`alan@example.org already was a developer of app ${id}.`);
    expect((await db.run('app', 'developer', 'list', id)).stdout).toMatch(new RegExp(`UID +EMAIL +NAME\\n${ada.uid} +ada@example.org +Ada Lovelace\\n${alan.uid} +alan@example.org +Alan Turing`));

    expect(await db.json('app', 'developer', 'remove', id, 'alan@example.org')).toEqual([{ uid: ada.uid, email: 'ada@example.org', name: 'Ada Lovelace' }]);
    expect(await db.json('app', 'developer', 'remove', id, String(ada.uid))).toEqual([]);
  });

  it('says what is wrong with an unknown app or person, or a person who is not a developer', async () => {
    const app = await db.json<{ app_id: number }>('app', 'create', '--name', 'Another', '--type', 'web');
    const id = String(app.app_id);
    await person('grace@example.org', 'Grace Hopper');
    expectOperatorError(await db.run('app', 'developer', 'add', '999999', 'grace@example.org'), 'no app with app_id or api_key "999999"');
    expectOperatorError(await db.run('app', 'developer', 'add', id, 'nobody@example.org'), 'no person with uid or e-mail "nobody@example.org"');
    expectOperatorError(await db.run('app', 'developer', 'remove', id, 'grace@example.org'), `grace@example.org is not a developer of app ${id}`);
  });
});
