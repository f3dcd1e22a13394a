import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestClientError } from '../../sdk/index.js';
import { EXTENDED_PERMISSIONS } from '../../src/features/grants/extended-permissions.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let web: App;
let granter: Person;
let publisher: Person;
let outsider: Person;

beforeAll(async () => {
  server = await startTestServer();
  web = await server.createApp('web');
  [granter, publisher, outsider] = await Promise.all([server.createPerson(), server.createPerson(), server.createPerson()]);
  for (const person of [granter, publisher]) await server.store.authorizations.authorize(person.uid, web.appId);
  await server.store.permissions.grant(granter.uid, web.appId, 'email');
  await server.store.permissions.grant(granter.uid, web.appId, 'offline_access');
  await server.store.permissions.grant(publisher.uid, web.appId, 'publish_stream');
  // A grant left behind for someone who is not (or no longer) a user of the app counts for nothing.
  await server.store.permissions.grant(outsider.uid, web.appId, 'email');
});
afterAll(() => server.close());

describe('users.hasAppPermission: golden answers', () => {
  it('answers the exact XML of seed 002', async () => {
    const answer = await server.client(web).callRaw('users.hasAppPermission', { ext_perm: 'email', uid: granter.uid });
    expect(answer.body).toBe(xmlScalarAnswer('users_hasAppPermission_response', '1'));
  });

  it('answers the JSON numbers 1 and 0, not booleans', async () => {
    const client = server.client(web);
    expect((await client.callRaw('users.hasAppPermission', { ext_perm: 'email', uid: granter.uid }, { format: 'json' })).body).toBe('1');
    expect((await client.callRaw('users.hasAppPermission', { ext_perm: 'sms', uid: granter.uid }, { format: 'json' })).body).toBe('0');
  });
});

describe.each(FORMATS)('%s: users.hasAppPermission', (format) => {
  it.each(EXTENDED_PERMISSIONS)('answers for %s exactly what was granted', async (permission) => {
    const expected = permission === 'email' || permission === 'offline_access';
    expect(await server.client(web, { format }).call('users.hasAppPermission', { ext_perm: permission, uid: granter.uid })).toBe(expected);
  });

  it.each(['status_update', 'photo_upload', 'video_upload', 'create_note', 'share_item'])('counts publish_stream as granting %s', async (permission) => {
    expect(await server.client(web, { format }).call('users.hasAppPermission', { ext_perm: permission, uid: publisher.uid })).toBe(true);
  });

  it('does not stretch publish_stream to unrelated permissions', async () => {
    expect(await server.client(web, { format }).call('users.hasAppPermission', { ext_perm: 'email', uid: publisher.uid })).toBe(false);
  });

  it('accepts the legacy names create_listing and read_mailbox', async () => {
    const client = server.client(web, { format });
    expect(await client.call('users.hasAppPermission', { ext_perm: 'create_listing', uid: granter.uid })).toBe(false);
    expect(await client.call('users.hasAppPermission', { ext_perm: 'read_mailbox', uid: granter.uid })).toBe(false);
  });

  it("answers for the session's person, also when signed with a promoted session secret", async () => {
    // publisher's sessions expire (granter granted offline_access, and such sessions cannot be promoted).
    const session = await signedInSession(server, web, publisher);
    const secret = await webClient(server, web, session, { format }).call('auth.promoteSession', {});
    const clientSide = server.client(web, { format }).withSession({ sessionKey: session.session_key, secret, useSessionSecret: true });
    expect(await clientSide.call('users.hasAppPermission', { ext_perm: 'status_update' })).toBe(true);
    expect(await clientSide.call('users.hasAppPermission', { ext_perm: 'sms' })).toBe(false);
  });

  it('answers 0 for a person who has not authorized the app', async () => {
    expect(await server.client(web, { format }).call('users.hasAppPermission', { ext_perm: 'email', uid: outsider.uid })).toBe(false);
  });

  it.each([
    ['publish_everything', 'Invalid parameter (ext_perm: unknown permission)'],
    ['EMAIL', 'Invalid parameter (ext_perm: unknown permission)'],
    ['', 'Invalid parameter (ext_perm: missing)'],
  ])('refuses ext_perm %j with error 100 naming the parameter', async (permission, message) => {
    const error = await server.client(web, { format }).call('users.hasAppPermission', { ext_perm: permission, uid: granter.uid }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestClientError);
    expect((error as RestClientError).code).toBe(100);
    expect((error as RestClientError).message).toBe(message);
  });
});
