/**
 * comments.get on both backends: the facebooker fixture's layout (one <comment> with xid, fromid,
 * time, text, id under a list="true" root), oldest first, JSON numbers for fromid, time and id;
 * sets are per app; no session needed; 1703 for a bad xid and 100 without one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('comments.get on $backend', ({ backend, skip }) => {
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

  const add = (app: App, person: Person, xid: string, text: string, at: Date) =>
    server.services.commentBoxes.add({ appId: app.appId, xid, fromUid: person.uid, text, session: undefined }, at);

  it.skipIf(skip)('answers the set oldest first, in XML and JSON', async () => {
    const first = await add(web, bob, 'engine_notes', 'Hola', new Date(1262306000_000));
    const second = await add(web, ada, 'engine_notes', 'Fish & <chips>', new Date(1262306060_000));
    await add(web, ada, 'other_set', 'elsewhere', new Date(1262306070_000));
    const xml = await server.client(web).callRaw('comments.get', { xid: 'engine_notes' });
    expect(xml.body).toBe(
      xmlScalarAnswer(
        'comments_get_response',
        '\n  <comment>\n' +
          '    <xid>engine_notes</xid>\n' +
          `    <fromid>${bob.uid}</fromid>\n` +
          '    <time>1262306000</time>\n' +
          '    <text>Hola</text>\n' +
          `    <id>${first.commentId}</id>\n` +
          '  </comment>\n' +
          '  <comment>\n' +
          '    <xid>engine_notes</xid>\n' +
          `    <fromid>${ada.uid}</fromid>\n` +
          '    <time>1262306060</time>\n' +
          '    <text>Fish &amp; &lt;chips&gt;</text>\n' +
          `    <id>${second.commentId}</id>\n` +
          '  </comment>\n',
        ' list="true"',
      ),
    );
    const json = await server.client(web).callRaw('comments.get', { xid: 'engine_notes' }, { format: 'json' });
    expect(json.body).toBe(
      `[{"xid":"engine_notes","fromid":${bob.uid},"time":1262306000,"text":"Hola","id":${first.commentId}},` +
        `{"xid":"engine_notes","fromid":${ada.uid},"time":1262306060,"text":"Fish & <chips>","id":${second.commentId}}]`,
    );
  });

  it.skipIf(skip)("answers an empty list for a set without comments and for another app's set", async () => {
    const other = await server.createApp('web');
    await server.store.authorizations.authorize(ada.uid, other.appId);
    await add(other, ada, 'shared_name', 'theirs', new Date());
    expect((await server.client(web).callRaw('comments.get', { xid: 'shared_name' })).body).toBe(xmlScalarAnswer('comments_get_response', '', ' list="true"'));
    expect((await server.client(web).callRaw('comments.get', { xid: 'nothing_here' }, { format: 'json' })).body).toBe('[]');
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    it.skipIf(skip)('1703 for an xid with other characters; 100 without an xid', async () => {
      const message = 'The specified xid is not valid. xids can only contain letters, numbers, and underscores';
      const get = (args: Record<string, string>) => server.client(web).callRaw('comments.get', args, { format });
      expectError(await get({ xid: 'bad-xid' }), format, 1703, `${message} (xid "bad-xid")`);
      expectError(await get({ xid: "x' OR 1=1 --" }), format, 1703, `${message} (xid "x' OR 1=1 --")`);
      expectError(await get({}), format, 100, 'Invalid parameter (xid: required)');
      expectError(await get({ object_id: '123' }), format, 100, 'Invalid parameter (xid: required; object_id is not served, pass the xid of the set)');
    });
  });
});
