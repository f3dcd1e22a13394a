import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let web: App;
let desktop: App;
let member: Person;
let stranger: Person;

beforeAll(async () => {
  server = await startTestServer();
  web = await server.createApp('web');
  desktop = await server.createApp('desktop');
  member = await server.createPerson('Ada Lovelace');
  stranger = await server.createPerson('Charles Babbage');
  await server.store.authorizations.authorize(member.uid, web.appId);
});
afterAll(() => server.close());

describe('users.isAppUser: golden answers', () => {
  it('answers the exact XML of seed 003 for a person who authorized the app', async () => {
    const answer = await server.client(web).callRaw('users.isAppUser', { uid: member.uid });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    expect(answer.body).toBe(xmlScalarAnswer('users_isAppUser_response', '1'));
  });

  it('answers 0 in XML and false in JSON for a person who did not', async () => {
    const client = server.client(web);
    expect((await client.callRaw('users.isAppUser', { uid: stranger.uid })).body).toBe(xmlScalarAnswer('users_isAppUser_response', '0'));
    expect((await client.callRaw('users.isAppUser', { uid: stranger.uid }, { format: 'JSON' })).body).toBe('false');
  });

  it('answers true in JSON, and wraps it for a JSONP callback', async () => {
    const client = server.client(web);
    expect((await client.callRaw('users.isAppUser', { uid: member.uid }, { format: 'json' })).body).toBe('true');
    const jsonp = await client.callRaw('users.isAppUser', { uid: member.uid }, { format: 'json', callback: 'cb' });
    expect(jsonp.body).toBe('cb(true);');
    expect(jsonp.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('wraps the XML document as one JSON string for a JSONP callback without format', async () => {
    const answer = await server.client(web).callRaw('users.isAppUser', { uid: member.uid }, { callback: 'cb' });
    expect(answer.body).toBe(
      'cb("<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>\\n<users_isAppUser_response xmlns=\\"http:\\/\\/api.facebook.com\\/1.0\\/\\" xmlns:xsi=\\"http:\\/\\/www.w3.org\\/2001\\/XMLSchema-instance\\" xsi:schemaLocation=\\"http:\\/\\/api.facebook.com\\/1.0\\/ http:\\/\\/api.facebook.com\\/1.0\\/facebook.xsd\\">1<\\/users_isAppUser_response>\\n");',
    );
  });
});

describe.each(FORMATS)('%s: users.isAppUser', (format) => {
  it('decodes to booleans through the client', async () => {
    const client = server.client(web, { format });
    expect(await client.call('users.isAppUser', { uid: member.uid })).toBe(true);
    expect(await client.call('users.isAppUser', { uid: stranger.uid })).toBe(false);
  });

  it('answers false for a well-formed uid that belongs to nobody', async () => {
    expect(await server.client(web, { format }).call('users.isAppUser', { uid: 999_999_999 })).toBe(false);
  });

  it('only counts an authorization for the calling app', async () => {
    const other = await server.createApp('web');
    expect(await server.client(other, { format }).call('users.isAppUser', { uid: member.uid })).toBe(false);
  });

  it.each(['abc', '-5', '0', '1.5', '99999999999999999999'])('refuses uid %s with error 110', async (uid) => {
    const error = await server
      .client(web, { format })
      .call('users.isAppUser', { uid: uid as unknown as number })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestClientError);
    expect((error as RestClientError).code).toBe(110);
    expect((error as RestClientError).message).toBe('Invalid user id (uid: not a positive integer)');
  });

  it('needs a uid or a session from a web app (error 102), treating uid= as absent as the PHP client sends it', async () => {
    const error = await server.client(web, { format }).call('users.isAppUser', { uid: '' as unknown as number }).catch((e: unknown) => e);
    expect((error as RestClientError).code).toBe(102);
  });

  it('requires a session from a desktop app even when it passes a uid (error 102)', async () => {
    const error = await server.client(desktop, { format }).call('users.isAppUser', { uid: member.uid }).catch((e: unknown) => e);
    expect((error as RestClientError).code).toBe(102);
  });

  it("answers for the session's person when a web app passes a session_key and no uid", async () => {
    const session = await signedInSession(server, web, member);
    expect(await webClient(server, web, session, { format }).call('users.isAppUser', {})).toBe(true);
  });

  it('answers a desktop app in its session, signed with the session secret', async () => {
    const person = await server.createPerson();
    const session = await signedInSession(server, desktop, person);
    expect(await desktopClient(server, desktop, session, { format, useSessionSecret: true }).call('users.isAppUser', {})).toBe(true);
    const other = (await desktopClient(server, desktop, session, { format }).call('users.isAppUser', { uid: member.uid }).catch((e: unknown) => e)) as RestClientError;
    expect(other.code).toBe(200);
  });

  it('refuses a session key that no sign-in issued (error 102)', async () => {
    const client = server.client(web, { format, sessionKey: '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001' });
    const error = await client.call('users.isAppUser', { uid: member.uid }).catch((e: unknown) => e);
    expect((error as RestClientError).code).toBe(102);
  });
});
