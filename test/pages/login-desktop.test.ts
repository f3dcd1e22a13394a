import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { Browserless, pageText } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { formNames, loginPath, registerApp, signedInBrowser, submitSignIn } from './page-kit.js';

let server: TestServer;
let desktop: App;
let otherDesktop: App;

const DONE = 'You are signed in to Photo Uploader. You may close this window and return to the application.';

beforeAll(async () => {
  server = await startTestServer();
  desktop = await registerApp(server, { name: 'Photo Uploader', type: 'desktop', callbackUrl: null });
  otherDesktop = await registerApp(server, { name: 'Other Program', type: 'desktop', callbackUrl: null });
});
afterAll(() => server.close());

function desktopLogin(token: string, extra: Record<string, string | null> = {}): string {
  return loginPath({ api_key: desktop.apiKey, v: '1.0', auth_token: token, ...extra });
}

describe('desktop: login.php binds the auth_token', () => {
  it('signs in, asks to allow the program, binds the token and says the window may be closed', async () => {
    const person = await server.createPerson();
    const token = await server.services.sessions.createToken(desktop);
    const browser = new Browserless(server.url);
    const form = await browser.get(desktopLogin(token, { popup: null }));
    expect(form.status).toBe(200);
    expect(pageText(form.body)).toContain('go back to Photo Uploader on your computer');
    const signedIn = await submitSignIn(browser, form, person);
    const prompt = await browser.get(signedIn.location!);
    expect(formNames(prompt)).toContain('grant');
    expect((await server.store.authTokens.find(token))?.uid).toBeNull();

    const done = await browser.submit(prompt, { button: 'grant' });
    expect(done.status).toBe(200);
    expect(pageText(done.body)).toContain(DONE);
    expect(done.body).toContain('<body class="compact">');
    expect(await server.store.authTokens.find(token)).toMatchObject({ uid: person.uid, appId: desktop.appId });
  });

  it('binds at sign-in for a person who allowed the program before: no second question', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, desktop);
    const token = await server.services.sessions.createToken(desktop);
    const browser = new Browserless(server.url);
    const signedIn = await submitSignIn(browser, await browser.get(desktopLogin(token)), person);
    expect((await server.store.authTokens.find(token))?.uid).toBe(person.uid);
    const done = await browser.get(signedIn.location!);
    expect(done.status).toBe(200);
    expect(pageText(done.body)).toContain(DONE);
  });

  it('asks an already signed-in person to confirm before binding a token from a link', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, desktop);
    const browser = await signedInBrowser(server, person);
    const token = await server.services.sessions.createToken(desktop);
    const confirm = await browser.get(desktopLogin(token));
    expect(confirm.status).toBe(200);
    expect(pageText(confirm.body)).toContain('Continue to Photo Uploader?');
    expect((await server.store.authTokens.find(token))?.uid).toBeNull();
    const done = await browser.submit(confirm, { button: 'grant' });
    expect(pageText(done.body)).toContain(DONE);
    expect((await server.store.authTokens.find(token))?.uid).toBe(person.uid);
  });

  it('binds nothing on cancel and says the program was not allowed', async () => {
    const person = await server.createPerson();
    const token = await server.services.sessions.createToken(desktop);
    const browser = await signedInBrowser(server, person);
    const prompt = await browser.get(desktopLogin(token));
    const cancelled = await browser.submit(prompt, { button: 'cancel' });
    expect(cancelled.status).toBe(200);
    expect(pageText(cancelled.body)).toContain('You did not allow Photo Uploader to use your account');
    expect((await server.store.authTokens.find(token))?.uid).toBeNull();
    expect(await server.services.grants.isAppUser(person.uid, desktop.appId)).toBe(false);
  });
});

describe('desktop: tokens that cannot be bound', () => {
  const EXPIRED = 'This sign-in link has expired';

  it('refuses an unknown token before anyone signs in', async () => {
    const page = await new Browserless(server.url).get(desktopLogin('0123456789abcdef0123456789abcdef'));
    expect(page.status).toBe(400);
    expect(pageText(page.body)).toContain(EXPIRED);
    expect(formNames(page)).not.toContain('pass');
  });

  it('refuses an expired token', async () => {
    const token = await server.services.sessions.createToken(desktop, new Date(Date.now() - 2 * 3_600_000));
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const page = await browser.get(desktopLogin(token));
    expect(page.status).toBe(400);
    expect(pageText(page.body)).toContain(EXPIRED);
  });

  it("refuses another app's token and binds nothing", async () => {
    const token = await server.services.sessions.createToken(otherDesktop);
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, desktop);
    const browser = await signedInBrowser(server, person);
    expect((await browser.get(desktopLogin(token))).status).toBe(400);
    expect((await server.store.authTokens.find(token))?.uid).toBeNull();
  });

  it("refuses a token someone else already signed in with, even on a forged Allow", async () => {
    const token = await server.services.sessions.createToken(desktop);
    const owner = await server.createPerson();
    expect(await server.services.sessions.bindToken(desktop, token, owner.uid)).toBe(true);
    const intruder = await server.createPerson();
    const browser = await signedInBrowser(server, intruder);
    const page = await browser.get(desktopLogin(token));
    expect(page.status).toBe(400);
    expect(pageText(page.body)).toContain(EXPIRED);
    const csrf = browser.cookie('hearth_csrf')!;
    const forced = await browser.post('/login.php', { api_key: desktop.apiKey, v: '1.0', auth_token: token, grant: '1', csrf_token: csrf });
    expect(forced.status).toBe(400);
    expect((await server.store.authTokens.find(token))?.uid).toBe(owner.uid);
    expect(await server.services.grants.isAppUser(intruder.uid, desktop.appId)).toBe(false);
  });

  it('refuses a desktop app without auth_token', async () => {
    const page = await new Browserless(server.url).get(loginPath({ api_key: desktop.apiKey, v: '1.0' }));
    expect(page.status).toBe(400);
    expect(pageText(page.body)).toContain('auth_token is missing');
  });
});
