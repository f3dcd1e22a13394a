import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, standardSetup, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let web: App;
let desktop: App;
let person: Person;

beforeAll(async () => {
  ({ server, web, desktop, person } = await standardSetup());
});
afterAll(() => server.close());

describe('auth.promoteSession: golden answers', () => {
  it('answers the secret as inline XML text, as seed 000 shows, and as a JSON string', async () => {
    const client = webClient(server, web, await signedInSession(server, web, person));
    const xml = await client.callRaw('auth.promoteSession', {});
    const secret = /<auth_promoteSession_response [^>]+>([0-9a-f]{32})</.exec(xml.body)?.[1];
    expect(secret, xml.body).toBeDefined();
    expect(xml.body).toBe(xmlScalarAnswer('auth_promoteSession_response', secret!));
    expect((await client.callRaw('auth.promoteSession', {}, { format: 'json' })).body).toBe(`"${secret}"`);
  });
});

describe.each(FORMATS)('%s: auth.promoteSession', (format) => {
  it('returns the same secret on a second call, and that secret signs ss=1 calls of the session', async () => {
    const session = await signedInSession(server, web, person);
    const client = webClient(server, web, session, { format });
    const secret = await client.call('auth.promoteSession', {});
    expect(await client.call('auth.promoteSession', {})).toBe(secret);
    const clientSide = server.client(web, { format }).withSession({ sessionKey: session.session_key, secret, useSessionSecret: true });
    expect(await clientSide.call('users.getLoggedInUser', {})).toBe(person.uid);
  });

  it('returns the secret issued by generate_session_secret, if there is one', async () => {
    const session = await signedInSession(server, web, person, { generateSessionSecret: true });
    expect(await webClient(server, web, session, { format }).call('auth.promoteSession', {})).toBe(session.secret);
  });

  it('may not be signed with the session secret (error 15)', async () => {
    const session = await signedInSession(server, web, person, { generateSessionSecret: true });
    const clientSide = server.client(web, { format }).withSession({ sessionKey: session.session_key, secret: session.secret, useSessionSecret: true });
    expect(((await clientSide.call('auth.promoteSession', {}).catch((e: unknown) => e)) as RestClientError).code).toBe(15);
  });

  it('refuses desktop apps (error 100) and calls without a session (error 102)', async () => {
    const desktopSession = await signedInSession(server, desktop, person);
    const desktopCall = server.client(desktop, { format }).withSession({ sessionKey: desktopSession.session_key });
    const refused = (await desktopCall.call('auth.promoteSession', {}).catch((e: unknown) => e)) as RestClientError;
    expect(refused.code).toBe(100);
    expect(refused.message).toBe('Invalid parameter (api_key: auth.promoteSession is not available to desktop applications)');
    expect(((await server.client(web, { format }).call('auth.promoteSession', {}).catch((e: unknown) => e)) as RestClientError).code).toBe(102);
  });

  it('refuses a session that never expires (error 100)', async () => {
    const offline = await server.createPerson();
    await server.store.authorizations.authorize(offline.uid, web.appId);
    await server.store.permissions.grant(offline.uid, web.appId, 'offline_access');
    const session = await signedInSession(server, web, offline);
    expect(session.expires).toBe(0);
    const error = (await webClient(server, web, session, { format }).call('auth.promoteSession', {}).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(100);
  });
});
