/**
 * The pages in a real browser (Debian's chromium, headless, driven by playwright-core): the flows
 * a person clicks through, without any script on our side, and the layout on a phone-sized screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumSuite, hasChromium, launchChromium } from '../support/chromium.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { startAppCallbackServer, type AppCallbackServer } from '../support/app-callback-server.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { loginPath, PASSWORD, registerApp } from '../pages/page-kit.js';


describe.skipIf(!hasChromium)(chromiumSuite('login pages'), () => {
  let browser: Browser;
  let server: TestServer;
  let appServer: AppCallbackServer;
  let web: App;
  let desktop: App;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [browser, server, appServer] = await Promise.all([
      launchChromium(),
      startTestServer(),
      startAppCallbackServer(),
    ]);
    web = await registerApp(server, { name: 'Word Game', callbackUrl: `${appServer.origin}/callback/` });
    desktop = await registerApp(server, { name: 'Photo Uploader', type: 'desktop', callbackUrl: null });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await appServer?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(() => context.close());

  async function signIn(person: Person, password = PASSWORD): Promise<void> {
    await page.fill('input[name=email]', person.email);
    await page.fill('input[name=pass]', password);
    await page.click('button[type=submit]');
  }

  it('web: sign in, allow, and arrive on the callback URL with an auth_token', async () => {
    const person = await server.createPerson();
    await page.goto(`${server.url}${loginPath({ api_key: web.apiKey, v: '1.0', next: 'play.php?level=2' })}`);
    await expect(page.title()).resolves.toBe('Sign in to Word Game | Hearth');
    await signIn(person);
    await page.waitForSelector('button[name=grant]');
    expect(await page.textContent('h1')).toBe('Word Game would like to connect to your account');
    await page.click('button[name=grant]');
    await page.waitForURL(`${appServer.origin}/callback/**`);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/callback/play.php');
    expect(url.searchParams.get('level')).toBe('2');
    const token = url.searchParams.get('auth_token')!;
    expect(await server.store.authTokens.find(token)).toMatchObject({ uid: person.uid, appId: web.appId });
    expect(await page.textContent('h1')).toBe('Welcome back to the app');
  });

  it('web: a signed-in person who allowed the app goes straight through', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, web);
    await page.goto(`${server.url}${loginPath({ api_key: web.apiKey, v: '1.0' })}`);
    await signIn(person);
    await page.waitForURL(`${appServer.origin}/callback/**`);
    // A second visit: no form, no question.
    await page.goto(`${server.url}${loginPath({ api_key: web.apiKey, v: '1.0', next: 'again' })}`);
    expect(page.url()).toMatch(new RegExp(`^${appServer.origin}/callback/again\\?auth_token=[0-9a-f]{32}$`));
  });

  it('desktop: the token is bound and the page says the window may be closed', async () => {
    const person = await server.createPerson();
    const token = await server.services.sessions.createToken(desktop);
    await page.goto(`${server.url}${loginPath({ api_key: desktop.apiKey, v: '1.0', auth_token: token, popup: null })}`);
    await signIn(person);
    await page.click('button[name=grant]');
    await page.waitForSelector('text=You may close this window');
    expect(await page.textContent('main')).toContain('You are signed in to Photo Uploader. You may close this window and return to the application.');
    expect((await server.store.authTokens.find(token))?.uid).toBe(person.uid);
  });

  it('shows the wrong-password message and keeps the e-mail', async () => {
    const person = await server.createPerson();
    await page.goto(`${server.url}${loginPath({ api_key: web.apiKey, v: '1.0' })}`);
    await signIn(person, 'not the password');
    await page.waitForSelector('.notice.error');
    expect(await page.textContent('.notice.error')).toBe('The e-mail or password is not right.');
    expect(await page.inputValue('input[name=email]')).toBe(person.email);
    expect(await page.inputValue('input[name=pass]')).toBe('');
  });

  it("cancel: back to the app's cancel address without a token", async () => {
    const person = await server.createPerson();
    await page.goto(`${server.url}${loginPath({ api_key: web.apiKey, v: '1.0', cancel_url: `${appServer.origin}/declined` })}`);
    await signIn(person);
    await page.click('button[name=cancel]');
    await page.waitForURL(`${appServer.origin}/declined`);
    expect(page.url()).not.toContain('auth_token');
    expect(await server.services.grants.isAppUser(person.uid, web.appId)).toBe(false);
  });

  it('fits a 375-pixel-wide phone screen without sideways scrolling, styled and within the CSP', async () => {
    await page.setViewportSize({ width: 375, height: 667 });
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
    });
    const longName = await registerApp(server, { name: 'The Extraordinarily Long-Named Application For Checking How Titles Wrap' });
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, web);
    const widthOf = () => page.evaluate(() => document.documentElement.scrollWidth);

    await page.goto(`${server.url}${loginPath({ api_key: longName.apiKey, v: '1.0' })}`);
    expect(await widthOf(), 'sign-in form').toBeLessThanOrEqual(375);
    // The stylesheet applied (the page background is ours, not the browser's white).
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(238, 240, 244)');
    await signIn(person);
    await page.waitForSelector('button[name=grant]');
    expect(await widthOf(), 'authorization page').toBeLessThanOrEqual(375);
    await page.goto(`${server.url}/editapps.php`);
    expect(await widthOf(), 'applications page').toBeLessThanOrEqual(375);
    await page.goto(`${server.url}${loginPath({ api_key: 'f'.repeat(32), v: '1.0' })}`);
    expect(await widthOf(), 'error page').toBeLessThanOrEqual(375);
    const token = await server.services.sessions.createToken(desktop);
    await page.goto(`${server.url}${loginPath({ api_key: desktop.apiKey, v: '1.0', auth_token: token, popup: null })}`);
    expect(await widthOf(), 'desktop prompt').toBeLessThanOrEqual(375);
    expect(refusals).toEqual([]);
  });
});
