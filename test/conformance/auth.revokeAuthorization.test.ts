import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let web: App;
let desktop: App;

beforeAll(async () => {
  server = await startTestServer();
  web = await server.createApp('web');
  desktop = await server.createApp('desktop');
});
afterAll(() => server.close());

describe('auth.revokeAuthorization: golden answers', () => {
  it('answers 1 when the person used the app and 0 when not', async () => {
    const person = await server.createPerson();
    await server.store.authorizations.authorize(person.uid, web.appId);
    const client = server.client(web);
    expect((await client.callRaw('auth.revokeAuthorization', { uid: person.uid })).body).toBe(xmlScalarAnswer('auth_revokeAuthorization_response', '1'));
    expect((await client.callRaw('auth.revokeAuthorization', { uid: person.uid })).body).toBe(xmlScalarAnswer('auth_revokeAuthorization_response', '0'));
    expect((await client.callRaw('auth.revokeAuthorization', { uid: person.uid }, { format: 'json' })).body).toBe('false');
  });
});

describe.each(FORMATS)('%s: auth.revokeAuthorization', (format) => {
  it('by uid: the person is no longer an app user, and permissions, sessions and profile boxes are gone', async () => {
    const person = await server.createPerson();
    const session = await signedInSession(server, web, person);
    await server.store.permissions.grant(person.uid, web.appId, 'email');
    await server.store.profiles.update(person.uid, web.appId, { profile: 'box' });
    const client = server.client(web, { format });
    expect(await client.call('auth.revokeAuthorization', { uid: person.uid })).toBe(true);
    expect(await client.call('users.isAppUser', { uid: person.uid })).toBe(false);
    expect(await server.store.permissions.list(person.uid, web.appId)).toEqual([]);
    expect(await client.call('profile.getFBML', { uid: person.uid })).toBe('');
    const stale = (await webClient(server, web, session, { format }).call('users.getLoggedInUser', {}).catch((e: unknown) => e)) as RestClientError;
    expect(stale.code).toBe(102);
  });

  it('by session, for a desktop app signing with its session secret', async () => {
    const person = await server.createPerson();
    const client = desktopClient(server, desktop, await signedInSession(server, desktop, person), { format, useSessionSecret: true });
    expect(await client.call('auth.revokeAuthorization', {})).toBe(true);
    expect(await server.client(desktop, { format }).call('auth.createToken', {})).toMatch(/^[0-9a-f]{32}$/);
    expect(await server.store.authorizations.isAuthorized(person.uid, desktop.appId)).toBe(false);
  });

  it('leaves other apps of the same person alone', async () => {
    const person = await server.createPerson();
    const other = await server.createApp('web');
    await server.store.authorizations.authorize(person.uid, web.appId);
    await server.store.authorizations.authorize(person.uid, other.appId);
    await server.client(web, { format }).call('auth.revokeAuthorization', { uid: person.uid });
    expect(await server.client(other, { format }).call('users.isAppUser', { uid: person.uid })).toBe(true);
  });

  it('does not let a desktop app revoke someone else (error 200)', async () => {
    const person = await server.createPerson();
    const someoneElse = await server.createPerson();
    await server.store.authorizations.authorize(someoneElse.uid, desktop.appId);
    const client = desktopClient(server, desktop, await signedInSession(server, desktop, person), { format });
    const error = (await client.call('auth.revokeAuthorization', { uid: someoneElse.uid }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(200);
    expect(await server.store.authorizations.isAuthorized(someoneElse.uid, desktop.appId)).toBe(true);
  });

  it('needs a uid or a session from a web app (error 102)', async () => {
    expect(((await server.client(web, { format }).call('auth.revokeAuthorization', {}).catch((e: unknown) => e)) as RestClientError).code).toBe(102);
  });
});
