/** `hearth page create|fan|add-app` on the built binary: pages seeded with admins, fans and apps, read back through the store; every bad argument a one-line error. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/platform.js';
import { expectOperatorError, expectSuccess, tempDatabase, type TempDatabase } from '../support/cli.js';

describe('hearth page', () => {
  let db: TempDatabase;
  let ada: { uid: number };
  let bob: { uid: number };
  beforeAll(async () => {
    db = await tempDatabase();
    ada = await db.json('user', 'create', '--email', 'ada@example.com', '--password', 'analytical engine', '--name', 'Ada Lovelace');
    bob = await db.json('user', 'create', '--email', 'bob@example.com', '--password', 'analytical engine', '--name', 'Bob Bobson');
  });
  afterAll(() => db.remove());
  const withStore = async <T>(work: (store: SqliteStore) => Promise<T>) => {
    const store = SqliteStore.open(join(db.dir, 'hearth.db'));
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  };

  it('creates a page with its admin and prints its page_id; fans and apps are added by page_id or username', async () => {
    const made = await db.json<{ page_id: number; username: string; type: string }>('page', 'create', '--name', 'Hearth Quartet', '--admin', 'ada@example.com', '--username', 'hearthquartet', '--type', 'musicians');
    expect(made).toMatchObject({ username: 'hearthquartet', type: 'MUSICIANS' });
    expect(made.page_id).toBeGreaterThan(400000000);
    const plain = await db.run('page', 'create', '--name', 'Engine Works', '--admin', String(bob.uid));
    expectSuccess(plain);
    expect(plain.stdout).toMatch(/^\d+\n$/);
    expectSuccess(await db.run('page', 'fan', 'hearthquartet', 'bob@example.com'));
    expectSuccess(await db.run('page', 'fan', String(made.page_id), String(ada.uid)));
    const app = await db.json<{ app_id: number }>('app', 'create', '--name', 'Quartet Tour', '--type', 'web');
    expectSuccess(await db.run('page', 'add-app', 'hearthquartet', String(app.app_id)));
    await withStore(async (store) => {
      expect((await store.pages.fansByUids([ada.uid, bob.uid])).map((tie) => [tie.uid, tie.pageId])).toEqual([[ada.uid, made.page_id], [bob.uid, made.page_id]]);
      expect((await store.pages.admins('page_id', [made.page_id])).map((tie) => tie.uid)).toEqual([ada.uid]);
      expect([...(await store.pages.pagesWithApp(app.app_id))]).toEqual([made.page_id]);
      expect((await store.pages.byIds([Number(plain.stdout)]))[0]).toMatchObject({ name: 'Engine Works', type: 'ORGANIZATION', username: null });
    });
  });

  it('answers an unknown person, page, type or app, a bad or taken username and an empty name in one line', async () => {
    expectOperatorError(await db.run('page', 'create', '--name', 'X', '--admin', 'nobody@example.com'), /nobody@example\.com/);
    expectOperatorError(await db.run('page', 'create', '--name', 'X', '--admin', 'ada@example.com', '--type', 'spaceships'), /--type: "spaceships" is not a page type/);
    expectOperatorError(await db.run('page', 'create', '--name', 'X', '--admin', 'ada@example.com', '--username', 'no spaces'), /--username/);
    expectOperatorError(await db.run('page', 'create', '--name', 'X', '--admin', 'ada@example.com', '--username', 'hearthquartet'), /another page is called hearthquartet already/);
    expectOperatorError(await db.run('page', 'create', '--name', ' ', '--admin', 'ada@example.com'), /--name: the page needs a name/);
    expectOperatorError(await db.run('page', 'fan', 'nosuchpage', 'ada@example.com'), /no page with page_id or username "nosuchpage"/);
    expectOperatorError(await db.run('page', 'fan', 'hearthquartet', 'ghost@example.com'), /ghost@example\.com/);
    expectOperatorError(await db.run('page', 'add-app', 'hearthquartet', '999'), /no app with app_id or api_key "999"/);
  });
});
