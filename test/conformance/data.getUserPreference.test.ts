/**
 * data.getUserPreference on both backends: a value as the root's text, an unset slot as the empty
 * root in XML and "" in JSON, escaping, whose slot a call reads, and every error.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { answers, appClients, BACKENDS, fails, grant, sessionClients, xmlOf, type Clients } from './app-admin.setup.js';

const METHOD = 'data.getUserPreference';

describe.each(BACKENDS)('$backend: data.getUserPreference', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let ada: Person;
  let adaClients: Clients;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
    ada = await server.createPerson('Ada Lovelace');
    adaClients = await sessionClients(server, web, ada);
    await server.services.preferences.set(web.appId, ada.uid, new Map([[1, 'hello'], [2, '<b>"x" & y</b>/']]));
  });
  afterAll(() => server?.close());

  it.skipIf(skip)('a set slot: its text, as the captured answer', async () => {
    await answers(adaClients, METHOD, { pref_id: 1 }, xmlOf(METHOD, 'hello'), '"hello"');
  });

  it.skipIf(skip)('an unset slot: the empty root in XML, "" in JSON', async () => {
    await answers(adaClients, METHOD, { pref_id: 0 }, xmlOf(METHOD, undefined), '""');
  });

  it.skipIf(skip)('values are text: markup and quotes escaped in XML, PHP-style escapes in JSON', async () => {
    await answers(adaClients, METHOD, { pref_id: 2 }, xmlOf(METHOD, '&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;/'), '"<b>\\"x\\" & y<\\/b>\\/"');
  });

  it.skipIf(skip)('a web app without a session reads the slot of the person uid names', async () => {
    const bob = await server.createPerson('Bob Bobson');
    await grant(server, web, bob);
    await server.services.preferences.set(web.appId, bob.uid, new Map([[1, 'bob’s']]));
    await answers(appClients(server, web), METHOD, { uid: bob.uid, pref_id: 1 }, xmlOf(METHOD, 'bob’s'), '"bob\\u2019s"');
  });

  it.skipIf(skip)('refuses: a bad pref_id 100, a person who never authorized the app 200, neither session nor uid 102, a session secret 15', async () => {
    await fails(adaClients, METHOD, { pref_id: 201 }, 100, 'Invalid parameter (pref_id: not a preference id from 0 to 200)');
    await fails(adaClients, METHOD, {}, 100, /^Invalid parameter \(pref_id/);
    const stranger = await server.createPerson('Sid Stranger');
    await fails(appClients(server, web), METHOD, { uid: stranger.uid, pref_id: 1 }, 200, `Permissions error (uid ${stranger.uid} has not authorized this application)`);
    await fails(appClients(server, web), METHOD, { pref_id: 1 }, 102, /^Session key invalid or no longer valid/);
    const desktop = await server.createApp('desktop');
    await fails(await sessionClients(server, desktop, ada), METHOD, { pref_id: 1 }, 15, /^This method call must be signed with the application secret/);
  });
});
