/**
 * Session handling across methods, over HTTP against a real server: which secret may sign a call in
 * a session (protocol.md §4), call_id (§6), session errors (§7.3), the check order (§10), desktop
 * and web targeting (methods.md §0.2), auth.expireSession / auth.revokeAuthorization / auth.promoteSession,
 * token lifetime and offline_access (§7.2), and the desktop-https rule for auth.getSession.
 *
 * Calls that need exact control of `call_id`, `ss` and the secret are built here by hand (`send`);
 * the SDK client is only used where its PHP-client behaviour is the point.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSignature, type SessionInfo } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { signedInSession } from '../support/sessions.js';
import { FORMATS, startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { expectError, phpJson, post, type Answer, type Format, type Pairs } from './protocol-helpers.js';

let server: TestServer;
let web: App;
let otherWeb: App;
let desktop: App;
let ada: Person;
let charles: Person;

let people = 0;
/** A person written straight to the store (no password hashing: nobody signs in with it here). */
async function newPerson(target: TestServer = server): Promise<Person> {
  people += 1;
  return target.store.people.create({ email: `sessions${people}.${Date.now()}@example.org`, passwordHash: 'x', firstName: 'Test', lastName: `Person ${people}` });
}

beforeAll(async () => {
  server = await startTestServer();
  web = await server.createApp('web');
  otherWeb = await server.createApp('web');
  desktop = await server.createApp('desktop');
  ada = await newPerson();
  charles = await newPerson();
  await server.store.authorizations.authorize(charles.uid, web.appId);
  await server.store.authorizations.authorize(charles.uid, desktop.appId);
});
afterAll(() => server.close());

// ---------------------------------------------------------------------------------------------
// A hand-built signed call.

/** Ever-growing call_ids, so every session sees increasing values unless a test says otherwise. */
let lastCallId = 1_000;
function nextCallId(): string {
  lastCallId += 1;
  return String(lastCallId);
}

interface CallSpec {
  readonly app: App;
  /** Signs the call; the app's secret unless given. */
  readonly secret?: string;
  readonly sessionKey?: string;
  /** Sends `ss=1` in the query string, as the PHP client's use_session_secret() does. */
  readonly ss?: boolean;
  /** `null` sends no call_id; omitted, a fresh increasing one. */
  readonly callId?: string | null;
  readonly args?: Readonly<Record<string, string | number>>;
  /** Replaces the computed signature. */
  readonly sig?: string;
  readonly target?: TestServer;
}

/** POSTs a call PHP-style: method, session_key, api_key, v, ss in the query; arguments, call_id, format, sig in the body. */
async function send(method: string, format: Format, spec: CallSpec): Promise<Answer> {
  const query: Pairs = [
    ['method', `facebook.${method}`],
    ['api_key', spec.app.apiKey],
    ['v', '1.0'],
  ];
  if (spec.sessionKey !== undefined) query.push(['session_key', spec.sessionKey]);
  if (spec.ss) query.push(['ss', '1']);
  const body: Pairs = Object.entries(spec.args ?? {}).map(([key, value]): [string, string] => [key, String(value)]);
  const callId = spec.callId === undefined ? nextCallId() : spec.callId;
  if (callId !== null) body.push(['call_id', callId]);
  if (format === 'json') body.push(['format', 'JSON']);
  body.push(['sig', spec.sig ?? computeSignature([...query, ...body], spec.secret ?? spec.app.secret)]);
  return post(spec.target ?? server, query, body);
}

const ROOT = (method: string): string => `${method.replace('.', '_')}_response`;

/** A successful answer of `method` with this value, byte for byte in either format. */
function expectResult(answer: Answer, format: Format, method: string, value: boolean | number | string): void {
  expect(answer.status).toBe(200);
  let xml: string;
  let json: string;
  if (typeof value === 'boolean') {
    xml = value ? '1' : '0';
    // users.hasAppPermission answers the JSON numbers 1 / 0 (methods.md §0.3).
    json = method === 'users.hasAppPermission' ? xml : String(value);
  } else if (typeof value === 'number') {
    xml = String(value);
    json = String(value);
  } else {
    xml = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    json = phpJson(value);
  }
  const attributes = method === 'users.getLoggedInUser' ? ' list="true"' : '';
  expect(answer.body).toBe(format === 'xml' ? xmlScalarAnswer(ROOT(method), xml, attributes) : json);
}

const MSG = {
  102: 'Session key invalid or no longer valid',
  103: 'Call_id must be greater than previous',
  104: 'Incorrect signature',
  15: 'This method call must be signed with the application secret (You are probably calling a secure method using a session secret)',
  454: 'A session key must be specified when request is signed with a session secret',
  455: 'A session secret is not permitted to be used with this type of session key',
  240: 'Desktop applications cannot set FBML for other users',
  desktopNoSession: 'Session key invalid or no longer valid (desktop applications must call this method with a session_key)',
  needsSession: 'Session key invalid or no longer valid (this method needs a session_key)',
  desktopOtherUser: 'Permissions error (desktop applications may only act on the session user)',
  sessionSecretOtherUser: 'Permissions error (a call signed with a session secret may only act on the session user)',
  badToken: 'Invalid parameter (auth_token: unknown, expired, already used, or nobody has signed in with it)',
} as const;

const EXPIRED = /^Session key invalid or no longer valid \(session has expired at unix time (\d+); the current unix time is (\d+)\)$/;

/** Error 102 for an expired session, naming its expiry time and a current time taken during the call. */
async function expectExpired(call: () => Promise<Answer>, format: Format, expiresAt: Date): Promise<void> {
  const before = Math.floor(Date.now() / 1000);
  const answer = await call();
  const after = Math.floor(Date.now() / 1000);
  const { message } = expectError(answer, format, 102, EXPIRED);
  const [, expired, now] = EXPIRED.exec(message)!;
  expect(Number(expired)).toBe(Math.floor(expiresAt.getTime() / 1000));
  expect(Number(now)).toBeGreaterThanOrEqual(before);
  expect(Number(now)).toBeLessThanOrEqual(after);
}

/** A person-less web session from a real auth.getSession. */
function webSession(person: Person = ada, options: { generateSessionSecret?: boolean; authorize?: boolean } = {}): Promise<SessionInfo> {
  return signedInSession(server, web, person, options);
}

async function desktopSession(person: Person = ada): Promise<SessionInfo & { secret: string }> {
  const session = await signedInSession(server, desktop, person);
  expect(session.secret).toMatch(/^[0-9a-f]{32}$/);
  return session as SessionInfo & { secret: string };
}

// =============================================================================================
// 1. Web sessions

describe.each(FORMATS)('%s: web sessions', (format) => {
  it('users.getLoggedInUser answers the session uid when the app secret signs', async () => {
    const session = await webSession();
    expect(session.secret).toBeUndefined();
    expectResult(await send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key }), format, 'users.getLoggedInUser', ada.uid);
  });

  it('users.isAppUser without uid answers for the session user', async () => {
    const member = await webSession(ada);
    expectResult(await send('users.isAppUser', format, { app: web, sessionKey: member.session_key }), format, 'users.isAppUser', true);
    // The PHP client sends uid= (empty): the same as no uid.
    expectResult(await send('users.isAppUser', format, { app: web, sessionKey: member.session_key, args: { uid: '' } }), format, 'users.isAppUser', true);
    const outsider = await webSession(await newPerson(), { authorize: false });
    expectResult(await send('users.isAppUser', format, { app: web, sessionKey: outsider.session_key }), format, 'users.isAppUser', false);
  });

  it('a secret from generate_session_secret signs with ss=1, without ss (§4.2 decision), and the app secret still signs', async () => {
    const session = await webSession(ada, { generateSessionSecret: true });
    const secret = session.secret!;
    expect(secret).toMatch(/^[0-9a-f]{32}$/);
    for (const ss of [true, false]) {
      expectResult(await send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key, secret, ss }), format, 'users.getLoggedInUser', ada.uid);
      expectResult(await send('users.isAppUser', format, { app: web, sessionKey: session.session_key, secret, ss }), format, 'users.isAppUser', true);
    }
    expectResult(await send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key }), format, 'users.getLoggedInUser', ada.uid);
  });

  it('auth.promoteSession gives a secret (the same one again on a second call) that signs with ss=1 and without ss', async () => {
    const session = await webSession();
    const promoted = await send('auth.promoteSession', format, { app: web, sessionKey: session.session_key });
    const secret = format === 'json' ? (JSON.parse(promoted.body) as string) : /^<\?xml[^>]*>\n<auth_promoteSession_response [^>]*>([0-9a-f]{32})<\//.exec(promoted.body)?.[1];
    expect(secret, promoted.body).toMatch(/^[0-9a-f]{32}$/);
    expectResult(promoted, format, 'auth.promoteSession', secret!);
    expectResult(await send('auth.promoteSession', format, { app: web, sessionKey: session.session_key }), format, 'auth.promoteSession', secret!);
    for (const ss of [true, false]) {
      expectResult(await send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key, secret: secret!, ss }), format, 'users.getLoggedInUser', ada.uid);
    }
  });

  it('ss=1 without a session_key is error 454, also with session_key= (empty) as the PHP client sends it', async () => {
    const session = await webSession(ada, { generateSessionSecret: true });
    expectError(await send('users.isAppUser', format, { app: web, ss: true, secret: session.secret!, args: { uid: ada.uid } }), format, 454, MSG[454]);
    expectError(await send('users.isAppUser', format, { app: web, ss: true, sessionKey: '', secret: session.secret!, args: { uid: ada.uid } }), format, 454, MSG[454]);
    expectError(await send('users.getLoggedInUser', format, { app: web, ss: true }), format, 454, MSG[454]);
  });

  it('ss=1 on a session that has no secret is error 455', async () => {
    const session = await webSession();
    expectError(await send('users.getLoggedInUser', format, { app: web, ss: true, sessionKey: session.session_key }), format, 455, MSG[455]);
    expectError(await send('users.isAppUser', format, { app: web, ss: true, sessionKey: session.session_key, secret: 'f'.repeat(32) }), format, 455, MSG[455]);
  });

  it('ss=1 signed with the app secret instead of the session secret is error 104', async () => {
    const session = await webSession(ada, { generateSessionSecret: true });
    expectError(await send('users.getLoggedInUser', format, { app: web, ss: true, sessionKey: session.session_key }), format, 104, MSG[104]);
  });

  it('auth.promoteSession signed with the session secret is error 15, with ss=1 and without', async () => {
    const session = await webSession(ada, { generateSessionSecret: true });
    for (const ss of [true, false]) {
      expectError(await send('auth.promoteSession', format, { app: web, ss, sessionKey: session.session_key, secret: session.secret! }), format, 15, MSG[15]);
    }
  });

  it('a call signed with the session secret may not name another uid (200), but may name its own', async () => {
    const session = await webSession(ada, { generateSessionSecret: true });
    const secret = session.secret!;
    for (const ss of [true, false]) {
      const calls: Array<[string, Record<string, string | number>]> = [
        ['users.isAppUser', { uid: charles.uid }],
        ['users.hasAppPermission', { uid: charles.uid, ext_perm: 'email' }],
        ['profile.getFBML', { uid: charles.uid }],
        ['profile.setFBML', { uid: charles.uid, profile: '<b>Not yours</b>' }],
        ['auth.revokeAuthorization', { uid: charles.uid }],
      ];
      for (const [method, args] of calls) {
        expectError(await send(method, format, { app: web, ss, sessionKey: session.session_key, secret, args }), format, 200, MSG.sessionSecretOtherUser);
      }
      expectResult(await send('users.isAppUser', format, { app: web, ss, sessionKey: session.session_key, secret, args: { uid: ada.uid } }), format, 'users.isAppUser', true);
    }
    // Nothing happened to the other person; the app secret may name anyone (web apps act on any user by uid).
    expectResult(await send('users.isAppUser', format, { app: web, sessionKey: session.session_key, args: { uid: charles.uid } }), format, 'users.isAppUser', true);
    expect(await server.store.profiles.get(charles.uid, web.appId)).toBeUndefined();
  });
});

// =============================================================================================
// 2. Desktop sessions

describe.each(FORMATS)('%s: desktop sessions', (format) => {
  it('signs with the session secret with ss=1 and without ss (facebooker), and with the app secret (fallback)', async () => {
    const session = await desktopSession();
    for (const signing of [{ ss: true, secret: session.secret }, { ss: false, secret: session.secret }, { ss: false, secret: desktop.secret }]) {
      expectResult(await send('users.getLoggedInUser', format, { app: desktop, sessionKey: session.session_key, ...signing }), format, 'users.getLoggedInUser', ada.uid);
      expectResult(await send('users.isAppUser', format, { app: desktop, sessionKey: session.session_key, ...signing }), format, 'users.isAppUser', true);
    }
  });

  it('ss=1 with the app secret is error 104; a wrong secret without ss is 104', async () => {
    const session = await desktopSession();
    expectError(await send('users.getLoggedInUser', format, { app: desktop, ss: true, sessionKey: session.session_key }), format, 104, MSG[104]);
    expectError(await send('users.getLoggedInUser', format, { app: desktop, sessionKey: session.session_key, secret: 'f'.repeat(32) }), format, 104, MSG[104]);
  });

  it('naming another uid is error 200 for users.isAppUser / users.hasAppPermission and 240 for profile.getFBML / profile.setFBML', async () => {
    const session = await desktopSession();
    for (const signing of [{ ss: true, secret: session.secret }, { ss: false, secret: session.secret }, { ss: false, secret: desktop.secret }]) {
      const base = { app: desktop, sessionKey: session.session_key, ...signing };
      expectError(await send('users.isAppUser', format, { ...base, args: { uid: charles.uid } }), format, 200, MSG.desktopOtherUser);
      expectError(await send('users.hasAppPermission', format, { ...base, args: { uid: charles.uid, ext_perm: 'email' } }), format, 200, MSG.desktopOtherUser);
      expectError(await send('profile.getFBML', format, { ...base, args: { uid: charles.uid } }), format, 240, MSG[240]);
      expectError(await send('profile.setFBML', format, { ...base, args: { uid: charles.uid, profile: '<b>Not yours</b>' } }), format, 240, MSG[240]);
    }
    // Nothing was written for the other person.
    expect(await server.store.profiles.get(charles.uid, desktop.appId)).toBeUndefined();
  });

  it('naming its own uid is fine', async () => {
    const person = await newPerson();
    const session = await desktopSession(person);
    const base = { app: desktop, sessionKey: session.session_key, ss: true, secret: session.secret };
    const fbml = `<b>Hello ${format}</b>`;
    expectResult(await send('users.isAppUser', format, { ...base, args: { uid: person.uid } }), format, 'users.isAppUser', true);
    expectResult(await send('users.hasAppPermission', format, { ...base, args: { uid: person.uid, ext_perm: 'email' } }), format, 'users.hasAppPermission', false);
    expectResult(await send('profile.setFBML', format, { ...base, args: { uid: person.uid, profile: fbml } }), format, 'profile.setFBML', true);
    expectResult(await send('profile.getFBML', format, { ...base, args: { uid: person.uid } }), format, 'profile.getFBML', fbml);
    expectResult(await send('profile.getFBML', format, { ...base }), format, 'profile.getFBML', fbml);
  });

  it('without a session is error 102, with or without a uid', async () => {
    expectError(await send('users.isAppUser', format, { app: desktop, args: { uid: ada.uid } }), format, 102, MSG.desktopNoSession);
    expectError(await send('users.isAppUser', format, { app: desktop, sessionKey: '', args: { uid: '' } }), format, 102, MSG.desktopNoSession);
    expectError(await send('users.hasAppPermission', format, { app: desktop, args: { ext_perm: 'email' } }), format, 102, MSG.desktopNoSession);
    expectError(await send('profile.getFBML', format, { app: desktop }), format, 102, MSG.desktopNoSession);
    expectError(await send('users.getLoggedInUser', format, { app: desktop }), format, 102, MSG.needsSession);
  });
});

// =============================================================================================
// 3. Session errors

describe.each(FORMATS)('%s: session errors', (format) => {
  it('an unknown session key is error 102, however the call is signed', async () => {
    const sessionKey = '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001';
    expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey }), format, 102, MSG[102]);
    expectError(await send('users.isAppUser', format, { app: web, sessionKey, args: { uid: ada.uid } }), format, 102, MSG[102]);
    expectError(await send('users.getLoggedInUser', format, { app: desktop, sessionKey }), format, 102, MSG[102]);
    // With ss=1 the session is looked up before the signature (§10 step 6).
    expectError(await send('users.getLoggedInUser', format, { app: desktop, sessionKey, ss: true, secret: 'f'.repeat(32) }), format, 102, MSG[102]);
  });

  it('a session changed behind the server (by another instance) is judged on what the store holds now', async () => {
    const session = await webSession(ada);
    const call = (spec: Partial<CallSpec> = {}) => send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key, ...spec });
    // The server now remembers the session, without a secret.
    expectResult(await call(), format, 'users.getLoggedInUser', ada.uid);
    const secret = 'e'.repeat(32);
    expect(await server.store.sessions.setSecretIfAbsent(session.session_key, secret)).toBe(secret);
    expectResult(await call({ ss: true, secret }), format, 'users.getLoggedInUser', ada.uid);
    expectResult(await call({ secret }), format, 'users.getLoggedInUser', ada.uid);
    expect(await server.store.sessions.delete(session.session_key)).toBe(true);
    expectError(await call(), format, 102, MSG[102]);
  });

  it("another app's session is error 102", async () => {
    const foreign = await signedInSession(server, otherWeb, ada, { generateSessionSecret: true });
    expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey: foreign.session_key }), format, 102, MSG[102]);
    expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey: foreign.session_key, ss: true, secret: foreign.secret! }), format, 102, MSG[102]);
    const desktopForeign = await desktopSession();
    expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey: desktopForeign.session_key }), format, 102, MSG[102]);
    // Its own app still takes it.
    expectResult(await send('users.getLoggedInUser', format, { app: otherWeb, sessionKey: foreign.session_key }), format, 'users.getLoggedInUser', ada.uid);
  });

  it('an expired session is error 102 naming when it expired and the current time', async () => {
    const expiresAt = new Date(Date.now() - 1000);
    const webKey = `3.${randomBytes(16).toString('base64url').slice(0, 22)}__.86400.${Math.floor(expiresAt.getTime() / 1000)}-${ada.uid}`;
    await server.store.sessions.create({ sessionKey: webKey, appId: web.appId, uid: ada.uid, secret: 'a'.repeat(32), expiresAt });
    await expectExpired(() => send('users.getLoggedInUser', format, { app: web, sessionKey: webKey }), format, expiresAt);
    await expectExpired(() => send('users.isAppUser', format, { app: web, sessionKey: webKey, args: { uid: ada.uid } }), format, expiresAt);
    await expectExpired(() => send('users.getLoggedInUser', format, { app: web, sessionKey: webKey, ss: true, secret: 'a'.repeat(32) }), format, expiresAt);

    const desktopKey = `3.${randomBytes(16).toString('base64url').slice(0, 22)}__.86400.${Math.floor(expiresAt.getTime() / 1000)}-${ada.uid}`;
    await server.store.sessions.create({ sessionKey: desktopKey, appId: desktop.appId, uid: ada.uid, secret: 'b'.repeat(32), expiresAt });
    await expectExpired(() => send('users.getLoggedInUser', format, { app: desktop, sessionKey: desktopKey, ss: true, secret: 'b'.repeat(32) }), format, expiresAt);
    await expectExpired(() => send('users.getLoggedInUser', format, { app: desktop, sessionKey: desktopKey }), format, expiresAt);
  });

  // protocol.md §4.2 (desktop, session_key, no ss: "try the session secret first") and §10 steps 7–8:
  // the signature is checked with the expired session's own secret, then the session is refused with 102,
  // exactly as the same call with ss=1 is.
  it('an expired session signed with its session secret without ss is error 102, not 104 (§4.2, §10 steps 7–8)', async () => {
    const expiresAt = new Date(Date.now() - 1000);
    const sessionKey = `3.${randomBytes(16).toString('base64url').slice(0, 22)}__.86400.${Math.floor(expiresAt.getTime() / 1000)}-${ada.uid}`;
    await server.store.sessions.create({ sessionKey, appId: desktop.appId, uid: ada.uid, secret: 'c'.repeat(32), expiresAt });
    await expectExpired(() => send('users.getLoggedInUser', format, { app: desktop, sessionKey, secret: 'c'.repeat(32) }), format, expiresAt);
  });

  // Same defect for a web session: §4.2 decision row (web, no ss, the session secret matches → accept
  // as session-secret signed), then §10 step 8 → 102. Actual: 104.
  it('an expired web session signed with its session secret without ss is error 102, not 104 (§4.2 decision, §10 steps 7–8)', async () => {
    const expiresAt = new Date(Date.now() - 1000);
    const sessionKey = `3.${randomBytes(16).toString('base64url').slice(0, 22)}__.86400.${Math.floor(expiresAt.getTime() / 1000)}-${ada.uid}`;
    await server.store.sessions.create({ sessionKey, appId: web.appId, uid: ada.uid, secret: 'd'.repeat(32), expiresAt });
    await expectExpired(() => send('users.getLoggedInUser', format, { app: web, sessionKey, secret: 'd'.repeat(32) }), format, expiresAt);
  });

  it('a bad signature wins over a bad session (104, §10: signature before session)', async () => {
    const unknown = '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001';
    const expiresAt = new Date(Date.now() - 1000);
    const expired = `3.${randomBytes(16).toString('base64url').slice(0, 22)}__.86400.${Math.floor(expiresAt.getTime() / 1000)}-${ada.uid}`;
    await server.store.sessions.create({ sessionKey: expired, appId: web.appId, uid: ada.uid, secret: null, expiresAt });
    const foreign = await signedInSession(server, otherWeb, ada);
    for (const sessionKey of [unknown, expired, foreign.session_key]) {
      expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey, secret: 'f'.repeat(32) }), format, 104, MSG[104]);
      expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey, sig: '0'.repeat(32) }), format, 104, MSG[104]);
      expectError(await send('users.getLoggedInUser', format, { app: desktop, sessionKey, sig: '0'.repeat(32) }), format, 104, MSG[104]);
    }
  });

  it('a bad session wins over a bad call_id (102, §10: session before call_id)', async () => {
    const unknown = '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001';
    expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey: unknown, callId: null }), format, 102, MSG[102]);
    expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey: unknown, callId: 'abc' }), format, 102, MSG[102]);
  });

  it('after auth.expireSession the session is error 102 (web, app secret)', async () => {
    const session = await webSession();
    expectResult(await send('auth.expireSession', format, { app: web, sessionKey: session.session_key }), format, 'auth.expireSession', true);
    expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key }), format, 102, MSG[102]);
    expectError(await send('auth.expireSession', format, { app: web, sessionKey: session.session_key }), format, 102, MSG[102]);
    // The person keeps the app (methods.md auth.expireSession).
    expectResult(await send('users.isAppUser', format, { app: web, args: { uid: ada.uid } }), format, 'users.isAppUser', true);
  });

  it('after auth.expireSession signed with the session secret (ss=1) the session is error 102 (desktop)', async () => {
    const session = await desktopSession();
    expectResult(
      await send('auth.expireSession', format, { app: desktop, sessionKey: session.session_key, ss: true, secret: session.secret }),
      format,
      'auth.expireSession',
      true,
    );
    expectError(await send('users.getLoggedInUser', format, { app: desktop, sessionKey: session.session_key, ss: true, secret: session.secret }), format, 102, MSG[102]);
    expectError(await send('users.getLoggedInUser', format, { app: desktop, sessionKey: session.session_key }), format, 102, MSG[102]);
    // The secret is forgotten with the session (methods.md auth.expireSession), so a call signed with
    // it and no ss cannot be verified at all: 104 comes first (§10 step 7).
    expectError(await send('users.getLoggedInUser', format, { app: desktop, sessionKey: session.session_key, secret: session.secret }), format, 104, MSG[104]);
  });

  it('after auth.revokeAuthorization every session of that person is error 102 and users.isAppUser answers 0 (web)', async () => {
    const person = await newPerson();
    const first = await webSession(person);
    const second = await webSession(person);
    expectResult(await send('auth.revokeAuthorization', format, { app: web, sessionKey: first.session_key }), format, 'auth.revokeAuthorization', true);
    for (const session of [first, second]) {
      expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key }), format, 102, MSG[102]);
    }
    expectResult(await send('users.isAppUser', format, { app: web, args: { uid: person.uid } }), format, 'users.isAppUser', false);
  });

  it('after auth.revokeAuthorization signed with the session secret the desktop session is error 102 and users.isAppUser answers 0', async () => {
    const person = await newPerson();
    const session = await desktopSession(person);
    expectResult(
      await send('auth.revokeAuthorization', format, { app: desktop, sessionKey: session.session_key, ss: true, secret: session.secret }),
      format,
      'auth.revokeAuthorization',
      true,
    );
    expectError(await send('users.isAppUser', format, { app: desktop, sessionKey: session.session_key, ss: true, secret: session.secret }), format, 102, MSG[102]);
    expectError(await send('users.isAppUser', format, { app: desktop, sessionKey: session.session_key }), format, 102, MSG[102]);
    // A fresh session for the same person (without authorizing again) sees that the app was removed.
    const again = await signedInSession(server, desktop, person, { authorize: false });
    expectResult(await send('users.isAppUser', format, { app: desktop, sessionKey: again.session_key, ss: true, secret: again.secret! }), format, 'users.isAppUser', false);
  });
});

// =============================================================================================
// 4. call_id

describe.each(FORMATS)('%s: call_id', (format) => {
  it('missing or empty on a session call is error 103 "(call_id: missing)"', async () => {
    const session = await webSession();
    const missing = `${MSG[103]} (call_id: missing)`;
    expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key, callId: null }), format, 103, missing);
    expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key, callId: '' }), format, 103, missing);
    // A web app that passes uid along with its session still has the session's call_id checked (methods.md §0.2).
    expectError(await send('users.isAppUser', format, { app: web, sessionKey: session.session_key, callId: null, args: { uid: ada.uid } }), format, 103, missing);
    const desktopKeys = await desktopSession();
    expectError(await send('users.getLoggedInUser', format, { app: desktop, sessionKey: desktopKeys.session_key, ss: true, secret: desktopKeys.secret, callId: null }), format, 103, missing);
  });

  it('not a number is error 103 "(call_id: not a number)"', async () => {
    const session = await webSession();
    expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key, callId: 'abc' }), format, 103, `${MSG[103]} (call_id: not a number)`);
  });

  it('beyond 2^53 − 1 is error 100 and leaves the session usable; the largest exact one is taken', async () => {
    const session = await webSession();
    const call = (callId: string) => send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key, callId });
    const tooLarge = 'Invalid parameter (call_id: larger than 9007199254740991)';
    for (const callId of ['99999999999999999999', '9007199254740992', '99999999999999999999.5']) expectError(await call(callId), format, 100, tooLarge);
    // Not stored: a normal call_id still works afterwards.
    expectResult(await call('1262304000.1234'), format, 'users.getLoggedInUser', ada.uid);
    expectResult(await call('9007199254740991'), format, 'users.getLoggedInUser', ada.uid);
  });

  it('equal to or smaller than the previous one is error 103', async () => {
    const session = await webSession();
    const call = (callId: string) => send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key, callId });
    expectResult(await call('5000'), format, 'users.getLoggedInUser', ada.uid);
    expectError(await call('5000'), format, 103, MSG[103]);
    expectError(await call('4999'), format, 103, MSG[103]);
    expectError(await call('4999.9999'), format, 103, MSG[103]);
    expectError(await call('5000.0'), format, 103, MSG[103]);
    expectResult(await call('5000.0001'), format, 'users.getLoggedInUser', ada.uid);
  });

  it('compares numerically: 4- and 5-decimal floats, then whole seconds', async () => {
    const session = await webSession();
    const call = (callId: string) => send('users.isAppUser', format, { app: web, sessionKey: session.session_key, callId });
    // As strings, 1259178232.88111 < 1259178232.8812 < 1259178232.9 would be fine too, but
    // 1259178232.8811 then 1259178232.88111 shows more digits are not read as a larger fraction.
    for (const callId of ['1259178232.8811', '1259178232.88111', '1259178232.8812', '1259178232.9', '1259178233']) {
      expectResult(await call(callId), format, 'users.isAppUser', true);
    }
    expectError(await call('1259178232.99999'), format, 103, MSG[103]);
    // "10" > "9" only numerically.
    const other = await webSession();
    const callOther = (callId: string) => send('users.isAppUser', format, { app: web, sessionKey: other.session_key, callId });
    expectResult(await callOther('9'), format, 'users.isAppUser', true);
    expectResult(await callOther('10'), format, 'users.isAppUser', true);
    expectError(await callOther('9.5'), format, 103, MSG[103]);
  });

  it('integer milliseconds after seconds are fine; seconds after milliseconds are error 103 (§6)', async () => {
    const session = await webSession();
    const call = (callId: string) => send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key, callId });
    expectResult(await call('1262304000.1234'), format, 'users.getLoggedInUser', ada.uid);
    expectResult(await call('1262304000123'), format, 'users.getLoggedInUser', ada.uid);
    expectError(await call('1262304001.5'), format, 103, MSG[103]);
    expectResult(await call('1262304000124'), format, 'users.getLoggedInUser', ada.uid);
  });

  it('a call with a bad signature does not advance the counter', async () => {
    const session = await webSession();
    const base = { app: web, sessionKey: session.session_key };
    expectError(await send('users.getLoggedInUser', format, { ...base, callId: '1000000000000', secret: 'f'.repeat(32) }), format, 104, MSG[104]);
    expectError(await send('users.getLoggedInUser', format, { ...base, callId: '1000000000001', sig: '0'.repeat(32) }), format, 104, MSG[104]);
    expectResult(await send('users.getLoggedInUser', format, { ...base, callId: '5' }), format, 'users.getLoggedInUser', ada.uid);
    expectResult(await send('users.getLoggedInUser', format, { ...base, callId: '6' }), format, 'users.getLoggedInUser', ada.uid);
  });

  it('a refused call_id does not advance the counter either', async () => {
    const session = await webSession();
    const call = (callId: string) => send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key, callId });
    expectResult(await call('100'), format, 'users.getLoggedInUser', ada.uid);
    expectError(await call('50'), format, 103, MSG[103]);
    expectResult(await call('101'), format, 'users.getLoggedInUser', ada.uid);
  });

  it('calls without a session never check call_id', async () => {
    const web0 = { app: web, args: { uid: ada.uid } };
    for (const callId of [null, '', 'abc', '7', '7', '1']) {
      expectResult(await send('users.isAppUser', format, { ...web0, callId }), format, 'users.isAppUser', true);
      // The PHP client sends session_key= (empty) when it has no session.
      expectResult(await send('users.isAppUser', format, { ...web0, sessionKey: '', callId }), format, 'users.isAppUser', true);
    }
    const token = await send('auth.createToken', format, { app: desktop, callId: null });
    expect(token.status).toBe(200);
    expect(token.body).toMatch(format === 'json' ? /^"[0-9a-f]{32}"$/ : /<auth_createToken_response [^>]*>[0-9a-f]{32}<\/auth_createToken_response>\n$/);
    const authToken = await server.services.sessions.issueToken(web, ada.uid);
    const session = await send('auth.getSession', format, { app: web, callId: null, args: { auth_token: authToken } });
    expect(session.body).toContain(String(ada.uid));
    expect(session.body).not.toContain('error');
  });

  it('each session has its own counter', async () => {
    const a = await webSession();
    const b = await webSession();
    const d = await desktopSession();
    const onA = (callId: string) => send('users.getLoggedInUser', format, { app: web, sessionKey: a.session_key, callId });
    const onB = (callId: string) => send('users.getLoggedInUser', format, { app: web, sessionKey: b.session_key, callId });
    const onD = (callId: string) => send('users.getLoggedInUser', format, { app: desktop, sessionKey: d.session_key, ss: true, secret: d.secret, callId });
    expectResult(await onA('1000'), format, 'users.getLoggedInUser', ada.uid);
    expectResult(await onB('5'), format, 'users.getLoggedInUser', ada.uid);
    expectResult(await onD('5'), format, 'users.getLoggedInUser', ada.uid);
    expectError(await onA('999'), format, 103, MSG[103]);
    expectResult(await onB('6'), format, 'users.getLoggedInUser', ada.uid);
    expectError(await onD('5'), format, 103, MSG[103]);
    expectResult(await onD('6'), format, 'users.getLoggedInUser', ada.uid);
  });
});

// =============================================================================================
// 5. Concurrency: the check-and-store of call_id is atomic (§6)

describe.each(FORMATS)('%s: concurrent calls in one session', (format) => {
  it('20 calls with the same call_id at once: exactly one succeeds, 19 are error 103', async () => {
    const session = await desktopSession();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => send('users.getLoggedInUser', format, { app: desktop, sessionKey: session.session_key, ss: true, secret: session.secret, callId: '777' })),
    );
    const ok = answers.filter((answer) => !answer.body.includes('error_code'));
    expect(ok).toHaveLength(1);
    expectResult(ok[0]!, format, 'users.getLoggedInUser', ada.uid);
    const refused = answers.filter((answer) => answer.body.includes('error_code'));
    expect(refused).toHaveLength(19);
    for (const answer of refused) expectError(answer, format, 103, MSG[103]);
  });

  it('20 calls with increasing call_ids at once: some succeed, the rest are only ever 103, and the session keeps working', async () => {
    const session = await webSession();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => send('users.isAppUser', format, { app: web, sessionKey: session.session_key, callId: String(2000 + i) })),
    );
    const ok = answers.filter((answer) => !answer.body.includes('error_code'));
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const answer of ok) expectResult(answer, format, 'users.isAppUser', true);
    for (const answer of answers.filter((a) => a.body.includes('error_code'))) expectError(answer, format, 103, MSG[103]);
    // Nothing larger than 2019 was sent, so 2019 itself can never have been refused; it is now the stored value.
    expectResult(answers[19]!, format, 'users.isAppUser', true);
    expectError(await send('users.isAppUser', format, { app: web, sessionKey: session.session_key, callId: '2019' }), format, 103, MSG[103]);
    expectResult(await send('users.isAppUser', format, { app: web, sessionKey: session.session_key, callId: '2020' }), format, 'users.isAppUser', true);
  });
});

// =============================================================================================
// 8. Token lifetime and infinite sessions (protocol.md §7.2)

describe.each(FORMATS)('%s: tokens and offline_access', (format) => {
  it('a token past its expiry is error 100', async () => {
    for (const app of [web, desktop]) {
      const token = randomBytes(16).toString('hex');
      await server.store.authTokens.create({ token, appId: app.appId, uid: ada.uid, expiresAt: new Date(Date.now() - 1000) });
      expectError(await send('auth.getSession', format, { app, callId: null, args: { auth_token: token } }), format, 100, MSG.badToken);
    }
  });

  it('a token just before its expiry still works', async () => {
    const token = randomBytes(16).toString('hex');
    await server.store.authTokens.create({ token, appId: web.appId, uid: ada.uid, expiresAt: new Date(Date.now() + 60_000) });
    const answer = await send('auth.getSession', format, { app: web, callId: null, args: { auth_token: token } });
    expect(answer.body).toContain(`-${ada.uid}`);
    expect(answer.body).not.toContain('error_code');
  });

  it('after offline_access is granted, new sessions have expires 0 and a key ending .0.0-<uid>; promoteSession on them is 100', async () => {
    const person = await newPerson();
    await server.store.authorizations.authorize(person.uid, web.appId);
    await server.store.permissions.grant(person.uid, web.appId, 'offline_access');
    // Asking for a secret does not give one: that is only for sessions without offline_access (methods.md auth.getSession).
    const session = await webSession(person, { generateSessionSecret: true });
    expect(session.expires).toBe(0);
    expect(session.secret).toBeUndefined();
    expect(session.session_key).toMatch(new RegExp(`^3\\.[A-Za-z0-9_-]{22}__\\.0\\.0-${person.uid}$`));
    expectResult(await send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key }), format, 'users.getLoggedInUser', person.uid);
    expectError(
      await send('auth.promoteSession', format, { app: web, sessionKey: session.session_key }),
      format,
      100,
      'Invalid parameter (session_key: a session that never expires cannot be promoted)',
    );
    // Still no secret after the refused promotion: ss=1 is 455.
    expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key, ss: true }), format, 455, MSG[455]);
    // An infinite session still ends with auth.expireSession (methods.md: "temporary or infinite").
    expectResult(await send('auth.expireSession', format, { app: web, sessionKey: session.session_key }), format, 'auth.expireSession', true);
    expectError(await send('users.getLoggedInUser', format, { app: web, sessionKey: session.session_key }), format, 102, MSG[102]);
  });

  it('20 concurrent auth.getSession calls with one token: exactly one session, 19 × error 100', async () => {
    const token = await server.services.sessions.issueToken(web, ada.uid);
    const answers = await Promise.all(Array.from({ length: 20 }, () => send('auth.getSession', format, { app: web, callId: null, args: { auth_token: token } })));
    const ok = answers.filter((answer) => !answer.body.includes('error_code'));
    expect(ok).toHaveLength(1);
    expect(ok[0]!.body).toContain(`-${ada.uid}`);
    for (const answer of answers.filter((a) => a.body.includes('error_code'))) expectError(answer, format, 100, MSG.badToken);
  });

  it('a desktop session with offline_access never expires and still has its secret; promoteSession is 100 for desktop apps', async () => {
    const person = await newPerson();
    await server.store.authorizations.authorize(person.uid, desktop.appId);
    await server.store.permissions.grant(person.uid, desktop.appId, 'offline_access');
    const session = await desktopSession(person);
    expect(session.expires).toBe(0);
    expect(session.session_key).toMatch(new RegExp(`^3\\.[A-Za-z0-9_-]{22}__\\.0\\.0-${person.uid}$`));
    expectResult(await send('users.getLoggedInUser', format, { app: desktop, sessionKey: session.session_key, ss: true, secret: session.secret }), format, 'users.getLoggedInUser', person.uid);
    expectError(
      await send('auth.promoteSession', format, { app: desktop, sessionKey: session.session_key }),
      format,
      100,
      'Invalid parameter (api_key: auth.promoteSession is not available to desktop applications)',
    );
  });

  it('sessions made before offline_access was granted keep their expiry', async () => {
    const person = await newPerson();
    const before = await webSession(person);
    await server.store.permissions.grant(person.uid, web.appId, 'offline_access');
    expect(before.expires).toBeGreaterThan(Date.now() / 1000);
    expect(before.session_key).toMatch(new RegExp(`^3\\.[A-Za-z0-9_-]{22}__\\.86400\\.${before.expires}-${person.uid}$`));
    expect((await webSession(person)).expires).toBe(0);
  });
});

// =============================================================================================
// 7. Desktop apps and https (seed 001: desktop apps "must" call auth.getSession over https)

const TLS = {
  key: readFileSync(new URL('../fixtures/tls/key.pem', import.meta.url)),
  cert: readFileSync(new URL('../fixtures/tls/cert.pem', import.meta.url)),
};

/** fetch over node:https that accepts the self-signed test certificate. */
const insecureFetch = ((input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const headers: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, key) => {
    headers[key] = value;
  });
  const body = init?.body == null ? undefined : String(init.body);
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method: init?.method ?? 'GET', headers, rejectUnauthorized: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const answerHeaders = new Headers();
        for (const [key, value] of Object.entries(response.headers)) {
          if (value !== undefined) answerHeaders.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
        resolve(new Response(new Uint8Array(Buffer.concat(chunks)), { status: response.statusCode ?? 0, headers: answerHeaders }));
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}) as typeof fetch;

describe('desktop auth.getSession and https', () => {
  let plain: TestServer;
  let secure: TestServer;
  let lenient: TestServer;
  let desktopApp: App;
  let webApp: App;
  let lenientDesktop: App;
  let person: Person;

  beforeAll(async () => {
    // Two instances of one deployment over one store: plain http beside https (tlsServed on both).
    plain = await startTestServer({ tlsServed: true });
    secure = await startTestServer({ tlsServed: true, https: TLS, wrapStore: () => plain.store });
    lenient = await startTestServer({ tlsServed: true, desktopHttps: 'off' });
    desktopApp = await plain.createApp('desktop');
    webApp = await plain.createApp('web');
    lenientDesktop = await lenient.createApp('desktop');
    person = await newPerson(plain);
    await plain.store.authorizations.authorize(person.uid, desktopApp.appId);
    await plain.store.authorizations.authorize(person.uid, webApp.appId);
  });
  afterAll(async () => {
    await Promise.all([secure?.close(), lenient?.close()]);
    await plain?.close();
  });

  const secureClient = (app: App, format: Format) => secure.client(app, { format, serverUrl: secure.url.replace(/^http:/, 'https:'), fetch: insecureFetch });

  it.each(FORMATS)('%s: over plain http it is error 100 and the token is not used up; over https the same token works', async (format) => {
    const token = await plain.services.sessions.createToken(desktopApp);
    await plain.services.sessions.bindToken(desktopApp, token, person.uid);
    expectError(
      await send('auth.getSession', format, { target: plain, app: desktopApp, callId: null, args: { auth_token: token } }),
      format,
      100,
      'Invalid parameter (api_key: desktop applications must call auth.getSession over https)',
    );
    expect((await plain.store.authTokens.find(token))?.uid).toBe(person.uid);

    const session = await secureClient(desktopApp, format).call('auth.getSession', { auth_token: token });
    expect(session.uid).toBe(person.uid);
    expect(session.secret).toMatch(/^[0-9a-f]{32}$/);
    // Later calls of the session may use plain http.
    expectResult(
      await send('users.getLoggedInUser', format, { target: plain, app: desktopApp, sessionKey: session.session_key, ss: true, secret: session.secret! }),
      format,
      'users.getLoggedInUser',
      person.uid,
    );
    // And the token is now used up.
    expect(await secureClient(desktopApp, format).call('auth.getSession', { auth_token: token }).catch((e: { code: number }) => e.code)).toBe(100);
  });

  it.each(FORMATS)('%s: auth.createToken is fine over plain http', async (format) => {
    const answer = await send('auth.createToken', format, { target: plain, app: desktopApp, callId: null });
    expect(answer.body).toMatch(format === 'json' ? /^"[0-9a-f]{32}"$/ : /<auth_createToken_response [^>]*>[0-9a-f]{32}<\/auth_createToken_response>\n$/);
  });

  it.each(FORMATS)('%s: web apps may call auth.getSession over plain http', async (format) => {
    const token = await plain.services.sessions.issueToken(webApp, person.uid);
    const session = await plain.client(webApp, { format }).call('auth.getSession', { auth_token: token });
    expect(session.uid).toBe(person.uid);
  });

  it.each(FORMATS)("%s: with desktopHttps 'off', desktop apps may call auth.getSession over plain http", async (format) => {
    const lenientPerson = await newPerson(lenient);
    const token = await lenient.services.sessions.createToken(lenientDesktop);
    await lenient.services.sessions.bindToken(lenientDesktop, token, lenientPerson.uid);
    const session = await lenient.client(lenientDesktop, { format }).call('auth.getSession', { auth_token: token });
    expect(session.uid).toBe(lenientPerson.uid);
    expect(session.secret).toMatch(/^[0-9a-f]{32}$/);
  });
});
