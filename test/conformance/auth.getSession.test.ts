import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { FORMATS, standardSetup, type TestServer } from '../support/test-server.js';

let server: TestServer;
let web: App;
let desktop: App;
let person: Person;

beforeAll(async () => {
  ({ server, web, desktop, person } = await standardSetup());
});
afterAll(() => server.close());

const NS = 'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';
const SESSION_KEY = /^3\.[A-Za-z0-9_-]{22}__\.86400\.(\d+)-(\d+)$/;

async function webToken(): Promise<string> {
  return server.services.sessions.issueToken(web, person.uid);
}

describe('auth.getSession: golden answers', () => {
  it('answers a web app with session_key, uid and expires, in that order, as seed 001 shows', async () => {
    const before = Date.now();
    const answer = await server.client(web).callRaw('auth.getSession', { auth_token: await webToken(), generate_session_secret: false });
    const match = new RegExp(
      `^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<auth_getSession_response ${NS.replace(/[.?]/g, '\\$&')}>\\n  <session_key>(\\S+)</session_key>\\n  <uid>${person.uid}</uid>\\n  <expires>(\\d+)</expires>\\n</auth_getSession_response>\\n$`,
    ).exec(answer.body);
    expect(match, answer.body).not.toBeNull();
    const [, sessionKey, expires] = match!;
    const keyParts = SESSION_KEY.exec(sessionKey!);
    expect(keyParts, sessionKey).not.toBeNull();
    expect(keyParts![1]).toBe(expires);
    expect(keyParts![2]).toBe(String(person.uid));
    // 24 hours from now, rounded up to a full hour (protocol.md §7.2).
    const expiresAt = Number(expires) * 1000;
    expect(expiresAt % 3_600_000).toBe(0);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 86_400_000);
    expect(expiresAt).toBeLessThanOrEqual(before + 86_400_000 + 3_600_000 + 5_000);
  });

  it('answers JSON with uid and expires as numbers, and no secret a web app did not ask for', async () => {
    const answer = await server.client(web).callRaw('auth.getSession', { auth_token: await webToken() }, { format: 'json' });
    expect(answer.body).toMatch(/^\{"session_key":"3\.[A-Za-z0-9_-]{22}__\.86400\.\d+-\d+","uid":\d+,"expires":\d+\}$/);
  });

  it('adds <secret> after <expires> for a desktop app', async () => {
    const token = await server.services.sessions.createToken(desktop);
    await server.services.sessions.bindToken(desktop, token, person.uid);
    const answer = await server.client(desktop).callRaw('auth.getSession', { auth_token: token });
    expect(answer.body).toMatch(/<expires>\d+<\/expires>\n {2}<secret>[0-9a-f]{32}<\/secret>\n<\/auth_getSession_response>\n$/);
  });
});

describe.each(FORMATS)('%s: auth.getSession', (format) => {
  it('gives a web app a secret only when generate_session_secret is set', async () => {
    const client = server.client(web, { format });
    expect((await client.call('auth.getSession', { auth_token: await webToken(), generate_session_secret: true })).secret).toMatch(/^[0-9a-f]{32}$/);
    expect((await client.call('auth.getSession', { auth_token: await webToken() })).secret).toBeUndefined();
  });

  it('exchanges a token once; the second exchange is error 100', async () => {
    const client = server.client(web, { format });
    const token = await webToken();
    const session = await client.call('auth.getSession', { auth_token: token });
    expect(session.uid).toBe(person.uid);
    const error = (await client.call('auth.getSession', { auth_token: token }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(100);
    expect(error.message).toBe('Invalid parameter (auth_token: unknown, expired, already used, or nobody has signed in with it)');
  });

  it('refuses a desktop token nobody has signed in with yet (error 100), and takes it once someone has', async () => {
    const client = server.client(desktop, { format });
    const token = await client.call('auth.createToken', {});
    expect((await client.call('auth.getSession', { auth_token: token }).catch((e: RestClientError) => e.code))).toBe(100);
    await server.services.sessions.bindToken(desktop, token, person.uid);
    expect((await client.call('auth.getSession', { auth_token: token })).uid).toBe(person.uid);
  });

  it("refuses another app's token, an unknown token and an expired token (error 100)", async () => {
    const client = server.client(web, { format });
    const otherAppsToken = await server.services.sessions.issueToken(desktop, person.uid);
    const expired = randomBytes(16).toString('hex');
    await server.store.authTokens.create({ token: expired, appId: web.appId, uid: person.uid, expiresAt: new Date(Date.now() - 1000) });
    for (const auth_token of [otherAppsToken, 'f'.repeat(32), expired]) {
      expect(await client.call('auth.getSession', { auth_token }).catch((e: RestClientError) => e.code)).toBe(100);
    }
    // The other app's token was not used up by the refused attempt.
    expect((await server.client(desktop, { format }).call('auth.getSession', { auth_token: otherAppsToken })).uid).toBe(person.uid);
  });

  it('does not use up the token on a call with a forged signature', async () => {
    const token = await webToken();
    const forged = await server.client(web, { format, secret: 'f'.repeat(32) }).call('auth.getSession', { auth_token: token }).catch((e: RestClientError) => e.code);
    expect(forged).toBe(104);
    expect((await server.client(web, { format }).call('auth.getSession', { auth_token: token })).uid).toBe(person.uid);
  });

  it('needs auth_token (error 100) and ignores a session_key sent along', async () => {
    const client = server.client(web, { format, sessionKey: 'not-a-session' });
    expect(await client.call('auth.getSession', { auth_token: '' }).catch((e: RestClientError) => e.message)).toBe('Invalid parameter (auth_token: missing)');
    expect((await client.call('auth.getSession', { auth_token: await webToken() })).uid).toBe(person.uid);
  });

  it('may not be signed with a session secret (error 15)', async () => {
    const first = await server.client(desktop, { format }).call('auth.getSession', {
      auth_token: await server.services.sessions.issueToken(desktop, person.uid),
    });
    const client = server.client(desktop, { format }).withSession({ sessionKey: first.session_key, secret: first.secret, useSessionSecret: true });
    const error = (await client.call('auth.getSession', { auth_token: 'x' }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(15);
  });
});
