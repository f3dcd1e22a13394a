import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText, parseForms, type PageResponse } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import type { ConnectSessionJson as SessionJson } from '../support/connect-site.js';
import { formNames, loginPath, registerApp, signedInBrowser, submitSignIn } from './page-kit.js';

let server: TestServer;
let web: App;
let site: App;
let desktop: App;

beforeAll(async () => {
  server = await startTestServer();
  web = await registerApp(server, { name: 'Word Game' });
  site = await registerApp(server, { name: 'Connect Site', callbackUrl: 'http://site.example.org/' });
  desktop = await registerApp(server, { name: 'Photo Uploader', type: 'desktop', callbackUrl: null });
});
afterAll(async () => {
  await server.services.notifier.settled();
  await server.close();
});

function listed(page: PageResponse): string[] {
  return [...page.body.matchAll(/<li data-permission="([a-z_]+)">/g)].map((match) => match[1]!);
}

function granted(person: Person, app: App): Promise<string[]> {
  return server.services.permissions.granted(person.uid, app).then((names) => names.sort());
}

const DESKTOP_DONE = 'You are signed in to Photo Uploader. You may close this window and return to the application.';

describe('login.php?req_perms: web', () => {
  it('signs in, allows the app, asks for the permissions on one page, then hands over the token', async () => {
    const person = await server.createPerson();
    const browser = new Browserless(server.url);
    const params = { api_key: web.apiKey, v: '1.0', next: 'play.php', req_perms: 'email,offline_access' };
    const signedIn = await submitSignIn(browser, await browser.get(loginPath(params)), person);

    const allow = await browser.get(signedIn.location!);
    expect(pageText(allow.body)).toContain('Word Game would like to connect to your account');
    expect(pageText(allow.body)).toContain('Next, Word Game will ask for 2 more permissions.');
    const prompt = await browser.submit(allow, { button: 'grant' });
    expect(prompt.status).toBe(200);
    expect(await server.services.grants.isAppUser(person.uid, web.appId)).toBe(true);
    expect(listed(prompt)).toEqual(['email', 'offline_access']);
    expect(pageText(prompt.body)).toContain("If you don’t allow them, you still go on to Word Game, without these permissions.");
    expect(formNames(prompt)).toEqual(expect.arrayContaining(['grant', 'cancel', 'csrf_token', 'step']));
    // The prompt carries the whole login request, so the hand-over can follow.
    expect(parseForms(prompt.body)[0]!.fields).toEqual(expect.arrayContaining([['req_perms', 'email,offline_access'], ['next', 'play.php']]));

    const handOver = await browser.submit(prompt, { button: 'grant' });
    expect(handOver.status).toBe(302);
    expect(handOver.location).toMatch(/^http:\/\/app\.example\.org\/callback\/play\.php\?auth_token=[0-9a-f]{32}$/);
    expect(await granted(person, web)).toEqual(['email', 'offline_access']);
  });

  it("Don't allow on the prompt still hands over the token, without the permissions", async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, web);
    const browser = await signedInBrowser(server, person);
    const prompt = await browser.get(loginPath({ api_key: web.apiKey, v: '1.0', req_perms: 'email', cancel_url: 'http://app.example.org/declined' }));
    expect(listed(prompt)).toEqual(['email']);
    expect(pageText(prompt.body)).toContain('Word Game is asking for a permission');
    const handOver = await browser.submit(prompt, { button: 'cancel' });
    expect(handOver.status).toBe(302);
    // The person allowed the app; only the permission was declined, so this is not the cancel address.
    expect(handOver.location).toMatch(/^http:\/\/app\.example\.org\/callback\/\?auth_token=[0-9a-f]{32}$/);
    expect(await granted(person, web)).toEqual([]);
    expect(await server.services.grants.isAppUser(person.uid, web.appId)).toBe(true);
  });

  it("Don't allow on the authorization step still goes to the cancel address, with nothing granted", async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const allow = await browser.get(loginPath({ api_key: web.apiKey, v: '1.0', req_perms: 'email', cancel_url: 'http://app.example.org/declined' }));
    const cancelled = await browser.submit(allow, { button: 'cancel' });
    expect(cancelled.location).toBe('http://app.example.org/declined');
    expect(await granted(person, web)).toEqual([]);
    expect(await server.services.grants.isAppUser(person.uid, web.appId)).toBe(false);
  });

  it('asks only for what is missing, and not at all once everything is granted', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, web);
    await server.services.permissions.grant(person.uid, web, ['publish_stream']);
    const browser = await signedInBrowser(server, person);
    const prompt = await browser.get(loginPath({ api_key: web.apiKey, v: '1.0', req_perms: 'status_update,sms' }));
    expect(listed(prompt)).toEqual(['sms']);
    await browser.submit(prompt, { button: 'grant' });
    const straight = await browser.get(loginPath({ api_key: web.apiKey, v: '1.0', req_perms: 'status_update,sms' }));
    expect(straight.status).toBe(302);
    expect(straight.location).toMatch(/auth_token=[0-9a-f]{32}$/);
  });

  it('refuses unknown names before anyone signs in', async () => {
    const page = await new Browserless(server.url).get(loginPath({ api_key: web.apiKey, v: '1.0', req_perms: 'email,read_minds' }));
    expect(page.status).toBe(400);
    expect(pageText(page.body)).toContain('Word Game asked for a permission that Hearth does not know: “read_minds” (in req_perms)');
    expect(parseForms(page.body)).toEqual([]);
    const signedIn = await signedInBrowser(server, await server.createPerson());
    expect((await signedIn.get(loginPath({ api_key: web.apiKey, v: '1.0', req_perms: 'read_minds' }))).status).toBe(400);
  });

  it('asks for nothing when req_perms names nothing', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, web);
    const browser = await signedInBrowser(server, person);
    for (const reqPerms of ['', ',', ' , ']) {
      const response = await browser.get(loginPath({ api_key: web.apiKey, v: '1.0', req_perms: reqPerms }));
      expect(response.status, JSON.stringify(reqPerms)).toBe(302);
    }
  });

  it('refuses a permission-step Allow without the CSRF token', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, web);
    const browser = await signedInBrowser(server, person);
    const forged = await browser.post('/login.php', { api_key: web.apiKey, v: '1.0', req_perms: 'email', grant: '1', step: 'permissions' });
    expect(forged.status).toBe(403);
    expect(await granted(person, web)).toEqual([]);
  });

  it('asks to allow the app again if it was removed while the prompt was open', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, web);
    const browser = await signedInBrowser(server, person);
    const prompt = await browser.get(loginPath({ api_key: web.apiKey, v: '1.0', req_perms: 'email' }));
    await server.services.grants.revoke(person.uid, web, 'person');
    const again = await browser.submit(prompt, { button: 'grant' });
    expect(again.status).toBe(200);
    expect(pageText(again.body)).toContain('Word Game would like to connect to your account');
    expect(await granted(person, web)).toEqual([]);
  });
});

describe('login.php?req_perms: desktop', () => {
  function desktopLogin(token: string, reqPerms: string): string {
    return loginPath({ api_key: desktop.apiKey, v: '1.0', auth_token: token, req_perms: reqPerms, popup: null });
  }

  it('binds the token only after the permission prompt, for a person new to the program', async () => {
    const person = await server.createPerson();
    const token = await server.services.sessions.createToken(desktop);
    const browser = new Browserless(server.url);
    const signedIn = await submitSignIn(browser, await browser.get(desktopLogin(token, 'photo_upload,offline_access')), person);
    const allow = await browser.get(signedIn.location!);
    const prompt = await browser.submit(allow, { button: 'grant' });
    expect(listed(prompt)).toEqual(['photo_upload', 'offline_access']);
    expect(prompt.body).toContain('<body class="compact">');
    expect((await server.store.authTokens.find(token))?.uid).toBeNull();

    const done = await browser.submit(prompt, { button: 'grant' });
    expect(done.status).toBe(200);
    expect(pageText(done.body)).toContain(DESKTOP_DONE);
    expect((await server.store.authTokens.find(token))?.uid).toBe(person.uid);
    expect(await granted(person, desktop)).toEqual(['offline_access', 'photo_upload']);
    // The program's session, made after the grant, never expires.
    const session = await server.client(desktop).call('auth.getSession', { auth_token: token });
    expect(Number(session.expires)).toBe(0);
  });

  it('asks a person who typed their password (token bound at sign-in) for the permissions before the end page', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, desktop);
    const token = await server.services.sessions.createToken(desktop);
    const browser = new Browserless(server.url);
    const signedIn = await submitSignIn(browser, await browser.get(desktopLogin(token, 'offline_access')), person);
    const prompt = await browser.get(signedIn.location!);
    expect(listed(prompt)).toEqual(['offline_access']);
    const done = await browser.submit(prompt, { button: 'cancel' });
    expect(pageText(done.body)).toContain(DESKTOP_DONE);
    expect((await server.store.authTokens.find(token))?.uid).toBe(person.uid);
    expect(await granted(person, desktop)).toEqual([]);
  });

  it('asks a signed-in person to confirm first, and binds nothing on the prompt before that', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, desktop);
    const token = await server.services.sessions.createToken(desktop);
    const browser = await signedInBrowser(server, person);
    const confirm = await browser.get(desktopLogin(token, 'sms'));
    expect(pageText(confirm.body)).toContain('Continue to Photo Uploader?');
    expect(listed(confirm)).toEqual([]);
    const prompt = await browser.submit(confirm, { button: 'grant' });
    expect(listed(prompt)).toEqual(['sms']);
    expect((await server.store.authTokens.find(token))?.uid).toBeNull();
    const done = await browser.submit(prompt, { button: 'grant' });
    expect(pageText(done.body)).toContain(DESKTOP_DONE);
    expect(await granted(person, desktop)).toEqual(['sms']);
  });

  it('Cancel on the confirmation binds nothing and asks nothing', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, desktop);
    const token = await server.services.sessions.createToken(desktop);
    const browser = await signedInBrowser(server, person);
    const confirm = await browser.get(desktopLogin(token, 'sms'));
    const cancelled = await browser.submit(confirm, { button: 'cancel' });
    expect(pageText(cancelled.body)).toContain('You did not allow Photo Uploader');
    expect((await server.store.authTokens.find(token))?.uid).toBeNull();
    expect(await granted(person, desktop)).toEqual([]);
  });
});

describe('login.php?req_perms: Connect', () => {

  function sessionOf(location: string | undefined): SessionJson {
    return JSON.parse(new URL(location!).searchParams.get('session')!) as SessionJson;
  }

  const connectLogin = (reqPerms: string) => loginPath({ api_key: site.apiKey, v: '1.0', fbconnect: '1', return_session: '1', next: 'http://site.example.org/in', req_perms: reqPerms });

  it('a session made after offline_access was granted never expires (expires 0, no temporary secret)', async () => {
    const person = await server.createPerson();
    const browser = new Browserless(server.url);
    const signedIn = await submitSignIn(browser, await browser.get(connectLogin('offline_access,email')), person);
    const allow = await browser.get(signedIn.location!);
    const prompt = await browser.submit(allow, { button: 'grant' });
    expect(listed(prompt)).toEqual(['offline_access', 'email']);
    const handOver = await browser.submit(prompt, { button: 'grant' });
    expect(handOver.status).toBe(302);
    expect(handOver.location!.startsWith('http://site.example.org/in?session=')).toBe(true);
    const session = sessionOf(handOver.location);
    expect(Object.keys(session)).toEqual(['session_key', 'uid', 'expires', 'sig']);
    expect(session.expires).toBe(0);
    expect(session.uid).toBe(String(person.uid));
    const base = `expires=0session_key=${session.session_key}user=${person.uid}`;
    expect(session.sig).toBe(createHash('md5').update(base + site.secret).digest('hex'));
    expect((await server.store.sessions.find(session.session_key))?.expiresAt).toBeNull();
  });

  it("Don't allow gives an ordinary session that expires", async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, site);
    const browser = await signedInBrowser(server, person);
    const prompt = await browser.get(connectLogin('offline_access'));
    const handOver = await browser.submit(prompt, { button: 'cancel' });
    const session = sessionOf(handOver.location);
    expect(session.expires).toBeGreaterThan(Date.now() / 1000);
    expect(session.secret).toMatch(/^[0-9a-f]{32}$/);
    expect(await granted(person, site)).toEqual([]);
  });
});
