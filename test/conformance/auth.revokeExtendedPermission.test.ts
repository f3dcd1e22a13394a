import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { EXTENDED_PERMISSIONS } from '../../src/features/grants/extended-permissions.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, standardSetup, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let web: App;
let desktop: App;
let person: Person;

beforeAll(async () => {
  ({ server, web, desktop, person } = await standardSetup());
  await server.store.authorizations.authorize(person.uid, web.appId);
});
afterAll(() => server.close());

describe('auth.revokeExtendedPermission: golden answers', () => {
  it('answers 1 in XML and true in JSON', async () => {
    await server.store.permissions.grant(person.uid, web.appId, 'email');
    expect((await server.client(web).callRaw('auth.revokeExtendedPermission', { perm: 'email', uid: person.uid })).body).toBe(
      xmlScalarAnswer('auth_revokeExtendedPermission_response', '1'),
    );
    expect((await server.client(web).callRaw('auth.revokeExtendedPermission', { perm: 'email', uid: person.uid }, { format: 'json' })).body).toBe('true');
  });
});

describe.each(FORMATS)('%s: auth.revokeExtendedPermission', (format) => {
  it.each(EXTENDED_PERMISSIONS)('takes back %s, and only that one', async (permission) => {
    const client = server.client(web, { format });
    const other = permission === 'sms' ? 'email' : 'sms';
    await server.store.permissions.grant(person.uid, web.appId, permission);
    await server.store.permissions.grant(person.uid, web.appId, other);
    expect(await client.call('auth.revokeExtendedPermission', { perm: permission, uid: person.uid })).toBe(true);
    expect(await client.call('users.hasAppPermission', { ext_perm: permission, uid: person.uid })).toBe(false);
    expect(await client.call('users.hasAppPermission', { ext_perm: other, uid: person.uid })).toBe(true);
    await client.call('auth.revokeExtendedPermission', { perm: other, uid: person.uid });
  });

  it('answers true for a permission that was never granted', async () => {
    expect(await server.client(web, { format }).call('auth.revokeExtendedPermission', { perm: 'create_event', uid: person.uid })).toBe(true);
  });

  it('ends the sessions that never expire when offline_access is taken back; later sessions expire again', async () => {
    const offline = await server.createPerson();
    await server.store.authorizations.authorize(offline.uid, web.appId);
    await server.store.permissions.grant(offline.uid, web.appId, 'offline_access');
    const forever = await signedInSession(server, web, offline);
    expect(forever.expires).toBe(0);
    const client = webClient(server, web, forever, { format });
    expect(await client.call('users.getLoggedInUser', {})).toBe(offline.uid);
    expect(await client.call('auth.revokeExtendedPermission', { perm: 'offline_access' })).toBe(true);
    expect(((await client.call('users.getLoggedInUser', {}).catch((e: unknown) => e)) as RestClientError).code).toBe(102);
    const next = await signedInSession(server, web, offline);
    expect(next.expires).toBeGreaterThan(Date.now() / 1000);
  });

  it('works in a desktop session signed with its session secret', async () => {
    const desk = await server.createPerson();
    const session = await signedInSession(server, desktop, desk);
    await server.store.permissions.grant(desk.uid, desktop.appId, 'email');
    const client = desktopClient(server, desktop, session, { format, useSessionSecret: true });
    expect(await client.call('auth.revokeExtendedPermission', { perm: 'email' })).toBe(true);
    expect(await server.store.permissions.list(desk.uid, desktop.appId)).toEqual([]);
  });

  it.each([
    ['publish_everything', 'Invalid parameter (perm: unknown permission)'],
    ['', 'Invalid parameter (perm: missing)'],
  ])('refuses perm %j with error 100', async (perm, message) => {
    const error = (await server.client(web, { format }).call('auth.revokeExtendedPermission', { perm, uid: person.uid }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(100);
    expect(error.message).toBe(message);
  });

  it('refuses a person who does not use the app (error 200) and a call naming nobody (error 102)', async () => {
    const stranger = await server.createPerson();
    const client = server.client(web, { format });
    expect(((await client.call('auth.revokeExtendedPermission', { perm: 'email', uid: stranger.uid }).catch((e: unknown) => e)) as RestClientError).code).toBe(200);
    expect(((await client.call('auth.revokeExtendedPermission', { perm: 'email' }).catch((e: unknown) => e)) as RestClientError).code).toBe(102);
  });
});
