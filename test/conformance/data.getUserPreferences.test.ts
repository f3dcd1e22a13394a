/**
 * data.getUserPreferences on both backends: the set slots in ascending pref_id as the captured
 * answer (XML items <preference>, JSON pref_id a number), none as the empty list, and every error.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { answers, appClients, BACKENDS, DECL, fails, grant, NS, sessionClients, xmlOf, type Clients } from './app-admin.setup.js';

const METHOD = 'data.getUserPreferences';

describe.each(BACKENDS)('$backend: data.getUserPreferences', ({ backend, skip }) => {
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
  });
  afterAll(() => server?.close());

  it.skipIf(skip)('none set: the empty list', async () => {
    await answers(adaClients, METHOD, {}, xmlOf(METHOD, '', ' list="true"'), '[]');
  });

  it.skipIf(skip)('the set slots in ascending pref_id, as the captured answer', async () => {
    await server.services.preferences.set(web.appId, ada.uid, new Map([[162, 'Black'], [161, 'Pink']]));
    await answers(
      adaClients,
      METHOD,
      {},
      `${DECL}<data_getUserPreferences_response ${NS} list="true">
  <preference>
    <pref_id>161</pref_id>
    <value>Pink</value>
  </preference>
  <preference>
    <pref_id>162</pref_id>
    <value>Black</value>
  </preference>
</data_getUserPreferences_response>
`,
      '[{"pref_id":161,"value":"Pink"},{"pref_id":162,"value":"Black"}]',
    );
  });

  it.skipIf(skip)('a web app without a session reads the slots of the person uid names', async () => {
    const bob = await server.createPerson('Bob Bobson');
    await grant(server, web, bob);
    await server.services.preferences.set(web.appId, bob.uid, new Map([[0, 'zero']]));
    await answers(appClients(server, web), METHOD, { uid: bob.uid }, xmlOf(METHOD, '\n  <preference>\n    <pref_id>0</pref_id>\n    <value>zero</value>\n  </preference>\n', ' list="true"'), '[{"pref_id":0,"value":"zero"}]');
  });

  it.skipIf(skip)('removing the app removes the person’s slots with it', async () => {
    const cleo = await server.createPerson('Cleo Cleary');
    await grant(server, web, cleo);
    await server.services.preferences.set(web.appId, cleo.uid, new Map([[5, 'kept?']]));
    await server.store.authorizations.revoke(cleo.uid, web.appId);
    await grant(server, web, cleo);
    await answers(appClients(server, web), METHOD, { uid: cleo.uid }, xmlOf(METHOD, '', ' list="true"'), '[]');
  });

  it.skipIf(skip)('refuses: a person who never authorized the app 200, neither session nor uid 102, a bad uid 110, a session secret 15', async () => {
    const stranger = await server.createPerson('Sid Stranger');
    await fails(appClients(server, web), METHOD, { uid: stranger.uid }, 200, `Permissions error (uid ${stranger.uid} has not authorized this application)`);
    await fails(appClients(server, web), METHOD, {}, 102, /^Session key invalid or no longer valid/);
    await fails(appClients(server, web), METHOD, { uid: 'ada' }, 110, /^Invalid user id/);
    const desktop = await server.createApp('desktop');
    await fails(await sessionClients(server, desktop, ada), METHOD, {}, 15, /^This method call must be signed with the application secret/);
  });
});
