/**
 * data.setUserPreference on both backends: the empty answer in XML and null in JSON, what
 * getUserPreference reads back (values cut to 128 characters, "0" and "" removing the slot), whose
 * slots a call writes, and every error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { signedInSession } from '../support/sessions.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { answers, appClients, BACKENDS, call, fails, grant, sessionClients, xmlOf, type Clients } from './app-admin.setup.js';

const METHOD = 'data.setUserPreference';

describe.each(BACKENDS)('$backend: data.setUserPreference', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let desktop: App;
  let ada: Person;
  let adaClients: Clients;
  const slot = (uid: number, prefId: number) => server.services.preferences.get(web.appId, uid, prefId);

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    [web, desktop] = [await server.createApp('web'), await server.createApp('desktop')];
    ada = await server.createPerson('Ada Lovelace');
    adaClients = await sessionClients(server, web, ada);
  });
  afterAll(() => server?.close());

  it.skipIf(skip)('answers the empty root in XML and null in JSON; the slot holds the value', async () => {
    await answers(adaClients, METHOD, { pref_id: 7, value: 'hello' }, xmlOf(METHOD, undefined), 'null');
    expect(await slot(ada.uid, 7)).toBe('hello');
  });

  it.skipIf(skip)('slots 0 and 200 exist; a value is cut to 128 characters; "0", "" and no value remove the slot', async () => {
    await call(adaClients, METHOD, { pref_id: 0, value: 'first' }, 'json');
    await call(adaClients, METHOD, { pref_id: 200, value: `${'é'.repeat(127)}😀tail` }, 'json');
    expect(await slot(ada.uid, 0)).toBe('first');
    expect(await slot(ada.uid, 200)).toBe(`${'é'.repeat(127)}😀`);
    for (const removal of [{ value: '0' }, { value: '' }, {}] as Array<Record<string, string>>) {
      await call(adaClients, METHOD, { pref_id: 0, value: 'again' }, 'json');
      await call(adaClients, METHOD, { pref_id: 0, ...removal }, 'json');
      expect(await server.services.preferences.list(web.appId, ada.uid)).not.toContainEqual(expect.objectContaining({ prefId: 0 }));
    }
  });

  it.skipIf(skip)('a web app without a session writes for the person uid names; a desktop app for its session’s person', async () => {
    const bob = await server.createPerson('Bob Bobson');
    await grant(server, web, bob);
    await call(appClients(server, web), METHOD, { uid: bob.uid, pref_id: 3, value: 'by uid' }, 'json');
    expect(await slot(bob.uid, 3)).toBe('by uid');
    // Signed with the application secret: a session secret is refused (below).
    const bobDesktop = server.client(desktop, { format: 'json' }).withSession({ sessionKey: (await signedInSession(server, desktop, bob)).session_key });
    expect((await bobDesktop.callRaw(METHOD, { pref_id: 3, value: 'desktop' }, { format: 'json' })).body).toBe('null');
    expect(await server.services.preferences.get(desktop.appId, bob.uid, 3)).toBe('desktop');
  });

  it.skipIf(skip)('the slots are the app’s: another app does not see them', async () => {
    const other = await server.createApp('web');
    await grant(server, other, ada);
    await call(adaClients, METHOD, { pref_id: 9, value: 'mine' }, 'json');
    expect(await server.services.preferences.get(other.appId, ada.uid, 9)).toBe('');
  });

  it.skipIf(skip)('refuses: pref_id outside 0–200 or missing 100, a person who never authorized the app 200, neither session nor uid 102, a session secret 15', async () => {
    await fails(adaClients, METHOD, { pref_id: 201, value: 'x' }, 100, 'Invalid parameter (pref_id: not a preference id from 0 to 200)');
    await fails(adaClients, METHOD, { pref_id: -1, value: 'x' }, 100, 'Invalid parameter (pref_id: not a preference id from 0 to 200)');
    await fails(adaClients, METHOD, { pref_id: 'one', value: 'x' }, 100, 'Invalid parameter (pref_id: not a preference id from 0 to 200)');
    await fails(adaClients, METHOD, { value: 'x' }, 100, /^Invalid parameter \(pref_id/);
    const stranger = await server.createPerson('Sid Stranger');
    await fails(appClients(server, web), METHOD, { uid: stranger.uid, pref_id: 1, value: 'x' }, 200, `Permissions error (uid ${stranger.uid} has not authorized this application)`);
    await fails(appClients(server, web), METHOD, { pref_id: 1, value: 'x' }, 102, /^Session key invalid or no longer valid/);
    await fails(await sessionClients(server, desktop, ada), METHOD, { pref_id: 1, value: 'x' }, 15, /^This method call must be signed with the application secret/);
  });
});
