import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { Browserless, cookieAttributes, pageText, type PageResponse } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { formNames, registerApp, signedInBrowser } from './page-kit.js';

let server: TestServer;
let app: App;

beforeAll(async () => {
  server = await startTestServer();
  app = await registerApp(server, { name: 'Word Game', callbackUrl: 'http://app.example.org/callback/' });
});
afterAll(() => server.close());

function logoutPath(params: Record<string, string>): string {
  return `/logout.php?${new URLSearchParams(params)}`;
}

/** Opens the link as a browser would and presses Sign out on the confirmation page. */
async function signOutThrough(browser: Browserless, path: string): Promise<PageResponse> {
  const confirm = await browser.get(path);
  expect(confirm.status).toBe(200);
  expect(pageText(confirm.body)).toContain('Sign out of Hearth?');
  return browser.submit(confirm, { button: 'signout' });
}

describe('logout.php: a GET changes nothing', () => {
  it('asks "Sign out of Hearth?" and leaves the sign-in and the session as they were', async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const cookie = browser.cookie('hearth_login');
    const session = await server.services.sessions.createSession(app, person.uid, { withSecret: false });
    const page = await browser.get(logoutPath({ app_key: app.apiKey, session_key: session.sessionKey }));
    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain(`Sign out of Hearth? You are signed in as ${person.firstName} ${person.lastName}. Word Game sent you here to sign out.`);
    expect(cookieAttributes(page, 'hearth_login')).toBeUndefined();
    expect(await server.services.signIn.personFromCookie(cookie)).toBeDefined();
    expect(await server.store.sessions.find(session.sessionKey)).toBeDefined();
  });

  it('as an image of another page (no token), it cannot sign anyone out', async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const cookie = browser.cookie('hearth_login');
    for (const answer of [await browser.get('/logout.php'), await browser.post('/logout.php', { confirm: '1' }), await browser.post('/logout.php', { csrf_token: 'x'.repeat(43) })]) {
      expect(pageText(answer.body)).toContain('Sign out of Hearth?');
    }
    expect(await server.services.signIn.personFromCookie(cookie)).toBeDefined();
  });
});

describe('logout.php: Sign out', () => {
  it("ends the sign-in, clears the cookie and expires the person's session with the app", async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const cookie = browser.cookie('hearth_login');
    const session = await server.services.sessions.createSession(app, person.uid, { withSecret: false });
    const page = await signOutThrough(browser, logoutPath({ app_key: app.apiKey, session_key: session.sessionKey }));
    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain('You are signed out');
    expect(cookieAttributes(page, 'hearth_login')?.get('max-age')).toBe('0');
    expect(await server.services.signIn.personFromCookie(cookie)).toBeUndefined();
    expect(await server.store.sessions.find(session.sessionKey)).toBeUndefined();
    expect(formNames(await browser.get('/editapps.php'))).toContain('pass');
  });

  it("leaves another person's session alone, and sessions of other apps", async () => {
    const person = await server.createPerson();
    const other = await server.createPerson();
    const otherApp = await registerApp(server, { name: 'Other' });
    const theirs = await server.services.sessions.createSession(app, other.uid, { withSecret: false });
    const mineElsewhere = await server.services.sessions.createSession(otherApp, person.uid, { withSecret: false });
    for (const session of [theirs, mineElsewhere]) {
      const browser = await signedInBrowser(server, person);
      expect((await signOutThrough(browser, logoutPath({ app_key: app.apiKey, session_key: session.sessionKey }))).status).toBe(200);
      expect(await server.store.sessions.find(session.sessionKey)).toBeDefined();
    }
  });

  it('for a browser that is not signed in: nothing to confirm, no session expired', async () => {
    const person = await server.createPerson();
    const session = await server.services.sessions.createSession(app, person.uid, { withSecret: false });
    const page = await new Browserless(server.url).get(logoutPath({ api_key: app.apiKey, session_key: session.sessionKey }));
    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain('You are signed out');
    expect(await server.store.sessions.find(session.sessionKey)).toBeDefined();
  });

  it('returns to next on the app with connect_next, and only there', async () => {
    const person = await server.createPerson();
    const back = await signOutThrough(await signedInBrowser(server, person), logoutPath({ app_key: app.apiKey, connect_next: '1', next: 'http://app.example.org/bye' }));
    expect(back.status).toBe(303);
    expect(back.location).toBe('http://app.example.org/bye');
    expect(back.headers.get('cache-control')).toBe('no-store');
    // Not signed in: straight on, with nothing to confirm.
    const browser = new Browserless(server.url);
    const straight = await browser.get(logoutPath({ app_key: app.apiKey, connect_next: '1', next: 'http://app.example.org/bye' }));
    expect([straight.status, straight.location]).toEqual([302, 'http://app.example.org/bye']);
    // Text without a scheme is appended to the callback URL (as for login.php), so it stays on the app.
    const relative = await browser.get(logoutPath({ app_key: app.apiKey, connect_next: '1', next: '//evil.example' }));
    expect(relative.location).toBe('http://app.example.org/callback///evil.example');
    for (const next of ['http://evil.example/', 'http://app.example.org@evil.example/', 'javascript:alert(1)']) {
      const page = await signOutThrough(await signedInBrowser(server, person), logoutPath({ app_key: app.apiKey, connect_next: '1', next }));
      expect(page.status, next).toBe(200);
      expect(pageText(page.body)).toContain('You are signed out');
    }
    const withoutFlag = await browser.get(logoutPath({ app_key: app.apiKey, next: 'http://app.example.org/bye' }));
    expect(withoutFlag.status).toBe(200);
  });

  it('after the confirmation of a POST with confirm=1, as the Firefox toolbar sent it', async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const cookie = browser.cookie('hearth_login');
    const confirm = await browser.post('/logout.php', { confirm: '1' });
    const page = await browser.submit(confirm, { button: 'signout' });
    expect(page.status).toBe(200);
    expect(await server.services.signIn.personFromCookie(cookie)).toBeUndefined();
  });
});
