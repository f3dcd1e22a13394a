/**
 * status.get, the FQL `status` table and the `status` field of users.getInfo and FQL `user`, on both
 * backends: the history newest first, who may read it, a cleared status, and the answers byte for
 * byte (docs/status.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient, RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { hasPostgres } from '../support/postgres.js';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

const T0 = Date.UTC(2010, 0, 1);

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('status.get on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let desktop: App;
  let ada: Person;
  let bob: Person;
  let stranger: Person;
  let asBob: RestClient;
  let asStranger: RestClient;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    [web, desktop] = [await server.createApp('web'), await server.createApp('desktop')];
    ada = await server.createPerson('Ada Lovelace');
    bob = await server.createPerson('Bob Bobson');
    stranger = await server.createPerson('Charles Babbage');
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    const record = (uid: number, statusId: number, message: string, seconds: number, appId: number | null = web.appId) =>
      server.services.status.recordFromPost({ uid, statusId, message, appId, createdAt: new Date(T0 + seconds * 1000) });
    await record(ada.uid, 1000000001, 'reading about Babbage', 0);
    await record(ada.uid, 1000000005, 'computing <Bernoulli> numbers & more', 100, null);
    await record(bob.uid, 1000000007, 'at the engine', 50);
    asBob = webClient(server, web, await signedInSession(server, web, bob), { format: 'json' });
    asStranger = webClient(server, web, await signedInSession(server, web, stranger), { format: 'json' });
  });
  afterAll(() => server?.close());

  const get = async (client: RestClient, args: Record<string, unknown>) => JSON.parse((await client.callRaw('status.get', args as never, { format: 'json' })).body);

  it.skipIf(skip)('writes one <user_status> per status, newest first, in a list="true" root; JSON an array of objects', async () => {
    const xml = await asBob.callRaw('status.get', { uid: ada.uid }, { format: 'xml' });
    expect(xml.body).toBe(
      xmlScalarAnswer(
        'status_get_response',
        '\n' +
          '  <user_status>\n    <message>computing &lt;Bernoulli&gt; numbers &amp; more</message>\n' +
          `    <time>${T0 / 1000 + 100}</time>\n    <status_id>1000000005</status_id>\n    <source>0</source>\n    <uid>${ada.uid}</uid>\n  </user_status>\n` +
          '  <user_status>\n    <message>reading about Babbage</message>\n' +
          `    <time>${T0 / 1000}</time>\n    <status_id>1000000001</status_id>\n    <source>${web.appId}</source>\n    <uid>${ada.uid}</uid>\n  </user_status>\n`,
        ' list="true"',
      ),
    );
    expect((await asBob.callRaw('status.get', { uid: ada.uid, limit: 1 }, { format: 'json' })).body).toBe(
      `[{"message":"computing <Bernoulli> numbers & more","time":${T0 / 1000 + 100},"status_id":1000000005,"source":0,"uid":${ada.uid}}]`,
    );
  });

  // Ada has not authorized the app: only she and her friends may read her statuses through it
  // (once she uses the app, it may read them for anyone, as users.getInfo does).
  it.skipIf(skip)('shows a friend’s statuses, and a stranger gets an empty list', async () => {
    expect((await get(asBob, { uid: ada.uid })).map((status: { status_id: number }) => status.status_id)).toEqual([1000000005, 1000000001]);
    expect(await get(asStranger, { uid: ada.uid })).toEqual([]);
    expect((await asStranger.callRaw('status.get', { uid: ada.uid }, { format: 'xml' })).body).toBe(xmlScalarAnswer('status_get_response', '', ' list="true"'));
    const asAda = webClient(server, web, await signedInSession(server, web, await server.createPerson('Ada Again')), { format: 'json' });
    expect(await get(asAda, {})).toEqual([]);
  });

  it.skipIf(skip)('lets a web app without a session read its own user’s statuses by uid, and nobody else’s', async () => {
    await server.store.authorizations.authorize(bob.uid, web.appId);
    expect((await get(server.client(web), { uid: bob.uid })).map((status: { message: string }) => status.message)).toEqual(['at the engine']);
    const refused = (await server.client(web).call('status.get', { uid: ada.uid }).catch((error: unknown) => error)) as RestClientError;
    expect([refused.code, refused.message]).toEqual([200, `Permissions error (uid ${ada.uid} has not authorized this application)`]);
  });

  it.skipIf(skip)('keeps the history when the status is cleared, but there is no current status until a new one', async () => {
    const person = await server.createPerson('Lee Later');
    const client = webClient(server, web, await signedInSession(server, web, person), { format: 'json' });
    await server.services.status.recordFromPost({ uid: person.uid, statusId: 1000000011, message: 'here', appId: web.appId, createdAt: new Date(T0) });
    await server.services.status.clear(person.uid, new Date(T0 + 1000));
    expect((await get(client, {})).map((status: { message: string }) => status.message)).toEqual(['here']);
    const fields = async () => JSON.parse((await client.callRaw('users.getInfo', { uids: [person.uid], fields: ['status'] }, { format: 'json' })).body);
    expect(await fields()).toEqual([{ uid: person.uid, status: { message: '', time: 0, status_id: 0 } }]);
    await server.services.status.recordFromPost({ uid: person.uid, statusId: 1000000012, message: 'back', appId: web.appId, createdAt: new Date(T0 + 2000) });
    expect(await fields()).toEqual([{ uid: person.uid, status: { message: 'back', time: T0 / 1000 + 2, status_id: 1000000012 } }]);
  });

  it.skipIf(skip)('refuses a uid that names nobody (110) and a desktop app naming someone else (200)', async () => {
    const unknown = (await asBob.call('status.get', { uid: 999999999 }).catch((error: unknown) => error)) as RestClientError;
    expect([unknown.code, unknown.message]).toEqual([110, 'Invalid user id (uid 999999999 names nobody)']);
    const session = await signedInSession(server, desktop, bob);
    const other = (await desktopClient(server, desktop, session).call('status.get', { uid: ada.uid }).catch((error: unknown) => error)) as RestClientError;
    expect(other.code).toBe(200);
    const bad = (await asBob.call('status.get', { limit: 0 as never }).catch((error: unknown) => error)) as RestClientError;
    expect(bad.code).toBe(100);
  });

  it.skipIf(skip)('gives users.getInfo and FQL user.status the current status, nil to a stranger', async () => {
    const info = JSON.parse((await asBob.callRaw('users.getInfo', { uids: [ada.uid], fields: ['status'] }, { format: 'json' })).body);
    expect(info).toEqual([{ uid: ada.uid, status: { message: 'computing <Bernoulli> numbers & more', time: T0 / 1000 + 100, status_id: 1000000005 } }]);
    const query = async (client: RestClient, text: string) => (await client.callRaw('fql.query', { query: text }, { format: 'json' })).body;
    expect(await query(asBob, `SELECT status.message, status.status_id FROM user WHERE uid = ${ada.uid}`)).toBe(
      '[{"status":{"message":"computing <Bernoulli> numbers & more","status_id":1000000005}}]',
    );
    expect(await query(asStranger, `SELECT status FROM user WHERE uid = ${ada.uid}`)).toBe('[{"status":null}]');
  });

  it.skipIf(skip)('answers the FQL status table by uid and by status_id, to those who may read it', async () => {
    const query = async (client: RestClient, text: string) => (await client.callRaw('fql.query', { query: text }, { format: 'json' })).body;
    expect(await query(asBob, `SELECT status_id, message, source FROM status WHERE uid = ${ada.uid}`)).toBe(
      '[{"status_id":1000000005,"message":"computing <Bernoulli> numbers & more","source":0},{"status_id":1000000001,"message":"reading about Babbage","source":' + web.appId + '}]',
    );
    expect(await query(asBob, `SELECT uid, time FROM status WHERE status_id IN (1000000001, 1000000007) ORDER BY time`)).toBe(
      `[{"uid":${ada.uid},"time":${T0 / 1000}},{"uid":${bob.uid},"time":${T0 / 1000 + 50}}]`,
    );
    expect(await query(asStranger, `SELECT message FROM status WHERE uid = ${ada.uid}`)).toBe('[]');
    expect(await query(asBob, `SELECT message FROM status WHERE uid IN (SELECT uid2 FROM friend WHERE uid1 = me()) AND strpos(message, 'Babbage') >= 0`)).toBe(
      '[{"message":"reading about Babbage"}]',
    );
  });
});
