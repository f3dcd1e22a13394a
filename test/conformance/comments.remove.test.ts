/**
 * comments.remove on both backends: `1` / true; with the app secret any comment of the app's set,
 * in a session's name only that person's own (200); 1706 for a comment the set does not have
 * (unknown, another set's, another app's, already removed); 1703 for a bad xid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { hasPostgres } from '../support/postgres.js';
import { desktopClient, signedInSession } from '../support/sessions.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('comments.remove on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let ada: Person;
  let bob: Person;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
    ada = await server.createPerson('Ada Lovelace');
    bob = await server.createPerson('Bob Bobson');
    for (const person of [ada, bob]) await server.store.authorizations.authorize(person.uid, web.appId);
  });
  afterAll(() => server?.close());

  const add = async (app: App, person: Person, xid: string) =>
    (await server.services.commentBoxes.add({ appId: app.appId, xid, fromUid: person.uid, text: 'hi', session: undefined })).commentId;
  const remove = (app: App, xid: string, id: number, format: 'xml' | 'json' = 'xml') =>
    server.client(app).callRaw('comments.remove', { xid, comment_id: String(id) }, { format });

  it.skipIf(skip)('removes any comment of the set with the app secret: 1, JSON true', async () => {
    const first = await add(web, ada, 'box');
    const second = await add(web, bob, 'box');
    expect((await remove(web, 'box', first)).body).toBe(xmlScalarAnswer('comments_remove_response', '1'));
    expect((await remove(web, 'box', second, 'json')).body).toBe('true');
    expect(await server.services.commentBoxes.ofSet(web.appId, 'box')).toEqual([]);
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    it.skipIf(skip)("1706 for an unknown comment, another set's, another app's, or one already removed", async () => {
      const message = 'While attempting to remove the post';
      const other = await server.createApp('web');
      await server.store.authorizations.authorize(ada.uid, other.appId);
      const theirs = await add(other, ada, 'box');
      const elsewhere = await add(web, ada, 'elsewhere');
      expectError(await remove(web, 'box', theirs, format), format, 1706, `${message} (no comment ${theirs} in set box)`);
      expectError(await remove(web, 'box', elsewhere, format), format, 1706, `${message} (no comment ${elsewhere} in set box)`);
      expectError(await remove(web, 'box', 999999999, format), format, 1706, `${message} (no comment 999999999 in set box)`);
      const gone = await add(web, ada, 'box');
      await remove(web, 'box', gone);
      expectError(await remove(web, 'box', gone, format), format, 1706, `${message} (no comment ${gone} in set box)`);
      expect((await server.services.commentBoxes.ofSet(other.appId, 'box')).map((comment) => comment.commentId)).toEqual([theirs]);
    });

    it.skipIf(skip)("200 for a session removing someone else's comment; its own it may remove", async () => {
      const desktop = await server.createApp('desktop');
      for (const person of [ada, bob]) await server.store.authorizations.authorize(person.uid, desktop.appId);
      const adas = await add(desktop, ada, 'box');
      const bobs = await add(desktop, bob, 'box');
      const asAda = desktopClient(server, desktop, await signedInSession(server, desktop, ada), { format, useSessionSecret: true });
      expectError(await asAda.callRaw('comments.remove', { xid: 'box', comment_id: String(bobs) }, { format }), format, 200, "Permissions error (a session may remove only its own user's comments)");
      expect((await asAda.callRaw('comments.remove', { xid: 'box', comment_id: String(adas) }, { format })).body).not.toContain('error_code');
      expect((await server.services.commentBoxes.ofSet(desktop.appId, 'box')).map((comment) => comment.commentId)).toEqual([bobs]);
    });

    it.skipIf(skip)('1703 for a bad xid; 100 for a comment_id that is not one', async () => {
      expectError(await remove(web, 'no/slashes', 1, format), format, 1703, /^The specified xid is not valid/);
      expectError(await server.client(web).callRaw('comments.remove', { xid: 'box', comment_id: 'x' }, { format }), format, 100, 'Invalid parameter (comment_id: not a positive integer)');
    });
  });
});
