/**
 * The permission prompt and the profile page in a real browser (Debian's chromium, headless,
 * driven by playwright-core, as login-flows.test.ts): granting and declining on authorize.php,
 * req_perms during sign-in, editing the profile, and the layout on a phone-sized screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumSuite, hasChromium, launchChromium } from '../support/chromium.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { startAppCallbackServer, type AppCallbackServer } from '../support/app-callback-server.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { loginPath, PASSWORD, registerApp } from '../pages/page-kit.js';


describe.skipIf(!hasChromium)(chromiumSuite('permissions and profile'), () => {
  let browser: Browser;
  let server: TestServer;
  let appServer: AppCallbackServer;
  let web: App;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [browser, server, appServer] = await Promise.all([
      launchChromium(),
      startTestServer(),
      startAppCallbackServer(),
    ]);
    web = await registerApp(server, { name: 'Word Game', callbackUrl: `${appServer.origin}/callback/` });
  });
  afterAll(async () => {
    await server?.services.notifier.settled();
    await browser?.close();
    await server?.close();
    await appServer?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(() => context.close());

  async function signIn(person: Person): Promise<void> {
    await page.fill('input[name=email]', person.email);
    await page.fill('input[name=pass]', PASSWORD);
    await page.click('button[type=submit]');
  }

  function promptUrl(params: Record<string, string>): string {
    return `${server.url}/authorize.php?${new URLSearchParams({ api_key: web.apiKey, v: '1.0', ...params })}`;
  }

  async function member(): Promise<Person> {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, web);
    return person;
  }

  it('authorize.php: sign in, read what the app asks for, allow, and land on next', async () => {
    const person = await member();
    await page.goto(promptUrl({ ext_perm: 'email,offline_access', next: 'granted.php', next_cancel: 'declined.php' }));
    await expect(page.title()).resolves.toBe('Sign in to Word Game | Hearth');
    await signIn(person);
    await page.waitForSelector('button[name=grant]');
    expect(await page.textContent('h1')).toBe('Word Game is asking for 2 permissions');
    expect(await page.locator('li[data-permission]').allTextContents()).toEqual([
      'Send you e-mail',
      'Reach your information even when you are not using Word Game',
    ]);
    await page.click('button[name=grant]');
    await page.waitForURL(`${appServer.origin}/callback/granted.php`);
    expect(await page.textContent('h1')).toBe('Welcome back to the app');
    expect((await server.services.permissions.granted(person.uid, web)).sort()).toEqual(['email', 'offline_access']);
  });

  it("authorize.php: Don't allow goes to next_cancel and grants nothing", async () => {
    const person = await member();
    await page.goto(promptUrl({ ext_perm: 'read_stream', next: 'granted.php', next_cancel: 'declined.php' }));
    await signIn(person);
    await page.click('button[name=cancel]');
    await page.waitForURL(`${appServer.origin}/callback/declined.php`);
    expect(await server.services.permissions.granted(person.uid, web)).toEqual([]);
  });

  it('login.php?req_perms: sign in, allow the app, allow the permissions, arrive with an auth_token', async () => {
    const person = await server.createPerson();
    await page.goto(`${server.url}${loginPath({ api_key: web.apiKey, v: '1.0', next: 'play.php', req_perms: 'email,publish_stream' })}`);
    await signIn(person);
    await page.waitForSelector('button[name=grant]');
    expect(await page.textContent('h1')).toBe('Word Game would like to connect to your account');
    await page.click('button[name=grant]');
    await page.waitForSelector('li[data-permission]');
    expect(await page.textContent('h1')).toBe('Word Game is asking for 2 permissions');
    await page.click('button[name=grant]');
    await page.waitForURL(`${appServer.origin}/callback/**`);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/callback/play.php');
    expect(await server.store.authTokens.find(url.searchParams.get('auth_token')!)).toMatchObject({ uid: person.uid, appId: web.appId });
    expect((await server.services.permissions.granted(person.uid, web)).sort()).toEqual(['email', 'publish_stream']);
    expect(await server.services.grants.hasPermission(person.uid, web.appId, 'status_update')).toBe(true);
  });

  it('editprofile.php: sign in on the page, change everything, and see it saved', async () => {
    const person = await server.createPerson('Ada Lovelace');
    await page.goto(`${server.url}/editprofile.php`);
    await signIn(person);
    await page.waitForSelector('input[name=name]');
    expect(await page.inputValue('input[name=name]')).toBe('Ada Lovelace');
    await page.fill('input[name=name]', 'Augusta Ada King');
    await page.fill('input[name=picture_url]', 'https://pics.example/ada.png');
    await page.selectOption('select[name=sex]', 'female');
    await page.fill('input[name=birthday]', 'December 10, 1815');
    await page.selectOption('select[name=locale]', 'en_GB');
    await page.selectOption('select[name=timezone]', '0');
    await page.click('button:has-text("Save changes")');
    await page.waitForSelector('.notice.success');
    expect(await page.textContent('.notice.success')).toBe('Your profile is saved.');
    expect(new URL(page.url()).search).toBe('?saved=1');
    expect(await page.inputValue('input[name=name]')).toBe('Augusta Ada King');
    expect(await page.inputValue('select[name=timezone]')).toBe('0');
    expect(await server.store.people.findByUid(person.uid)).toMatchObject({
      firstName: 'Augusta',
      lastName: 'Ada King',
      pictureUrl: 'https://pics.example/ada.png',
      sex: 'female',
      birthday: 'December 10, 1815',
      locale: 'en_GB',
      timezone: 0,
    });

    // A one-word name comes back with the message and what was typed.
    await page.fill('input[name=name]', 'Ada');
    await page.click('button:has-text("Save changes")');
    await page.waitForSelector('.field-error');
    expect(await page.textContent('#name-error')).toBe('Give your first and last name, such as “Ada Lovelace”.');
    expect(await page.inputValue('input[name=name]')).toBe('Ada');
    expect((await server.store.people.findByUid(person.uid))!.firstName).toBe('Augusta');

    // The applications page is one click away.
    await page.click('nav.tabs >> text=Your applications');
    await page.waitForURL(`${server.url}/editapps.php`);
  });

  it('fits a 375-pixel-wide phone screen without sideways scrolling, within the CSP', async () => {
    await page.setViewportSize({ width: 375, height: 667 });
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refusals.push(message.text());
    });
    const widthOf = () => page.evaluate(() => document.documentElement.scrollWidth);
    const longName = await registerApp(server, { name: 'The Extraordinarily Long-Named Application For Checking How Titles Wrap' });
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, longName);

    await page.goto(`${server.url}/authorize.php?api_key=${longName.apiKey}&ext_perm=${['email', 'publish_stream', 'offline_access', 'read_mailbox'].join(',')}`);
    expect(await widthOf(), 'sign-in form').toBeLessThanOrEqual(375);
    await signIn(person);
    await page.waitForSelector('li[data-permission]');
    expect(await widthOf(), 'permission prompt').toBeLessThanOrEqual(375);
    await page.goto(`${server.url}/authorize.php?api_key=${longName.apiKey}&ext_perm=email,nonsense_${'x'.repeat(60)}`);
    expect(await widthOf(), 'unknown permission page').toBeLessThanOrEqual(375);
    await page.goto(`${server.url}/editprofile.php`);
    expect(await widthOf(), 'profile page').toBeLessThanOrEqual(375);
    // The account tabs stay on one line.
    const tops = await page.locator('nav.tabs a').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    await page.fill('input[name=name]', 'Onewordnamethatisratherlongindeedandshouldwrapnicely');
    await page.fill('input[name=birthday]', 'sometime');
    await page.click('button:has-text("Save changes")');
    await page.waitForSelector('.field-error');
    expect(await widthOf(), 'profile page with errors').toBeLessThanOrEqual(375);
    expect(refusals).toEqual([]);
  });
});
