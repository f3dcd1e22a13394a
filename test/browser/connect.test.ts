/**
 * Facebook Connect in Chromium, on both stores: a site of its own (another port, another host
 * name) loads Hearth's Connect library, a person signs in through its login button's popup and
 * allows the site, and the site's server then sees them through the cookies the library wrote,
 * checked as the PHP client checks them; the page calls the API with the session secret, renders
 * fb:name, and logging out clears the cookies and ends the session.
 */
import type { Page } from 'playwright-core';
import { beforeAll, afterAll, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { browserSuiteOnBothStores } from '../support/browser-suite.js';
import { startConnectSite, type ConnectSiteServer } from '../support/connect-site.js';
import { PASSWORD, registerApp } from '../pages/page-kit.js';

browserSuiteOnBothStores('connect: a site signs a person in and its server sees them', (world) => {
  let site: ConnectSiteServer;
  let app: App;
  let person: Person;

  beforeAll(async () => {
    app = await registerApp(world.server, { name: 'Run Around', callbackUrl: null });
    site = await startConnectSite({ hearthUrl: world.server.url, apiKey: app.apiKey, secret: app.secret });
    await world.server.services.appProperties.write(app, [['connect_url', `${site.origin}/`]]);
    person = await world.server.createPerson('Mary Runner');
  });
  afterAll(() => site?.close());

  async function callApi(page: Page, method: string, params: Record<string, unknown>): Promise<[unknown, unknown]> {
    return page.evaluate(
      ([name, args]) =>
        new Promise<[unknown, unknown]>((resolve) => {
          const fb = (window as unknown as { FB: { Facebook: { apiClient: { callMethod(m: string, p: unknown, cb: (r: unknown, e: unknown) => void): void } } } }).FB;
          fb.Facebook.apiClient.callMethod(name, args, (result, error) => resolve([result, error]));
        }),
      [method, params] as const,
    );
  }

  it('signs in through the login button, the server reads the cookies, the API answers, logout clears them', async () => {
    const page = await world.newPage({ javaScript: true });
    await page.goto(`${site.origin}/`);
    await expect.poll(() => page.textContent('#server-view')).toBe('Nobody is signed in');
    const button = page.locator('fb\\:login-button a.hearth-login');
    await button.waitFor();
    expect(await button.textContent()).toBe('Connect with Hearth');

    const [popup] = await Promise.all([page.context().waitForEvent('page'), button.click()]);
    await popup.waitForSelector('input[name=email]');
    expect(new URL(popup.url()).pathname).toBe('/login.php');
    await popup.fill('input[name=email]', person.email);
    await popup.fill('input[name=pass]', PASSWORD);
    await popup.click('button[type=submit]');
    // The receiver hands the session to the site's page and closes the popup; onlogin reloads the page.
    const closed = popup.waitForEvent('close');
    await popup.click('button[name=grant]', { noWaitAfter: true });
    await closed;
    await expect.poll(() => page.textContent('#server-view'), { timeout: 5_000 }).toBe(`Signed in as uid ${person.uid}`);

    const cookies = new Map((await page.context().cookies(site.origin)).map((cookie) => [cookie.name, cookie]));
    const sessionKey = cookies.get(`${app.apiKey}_session_key`)?.value;
    expect(cookies.get(`${app.apiKey}_user`)?.value).toBe(String(person.uid));
    expect(cookies.get(`${app.apiKey}_ss`)?.value).toMatch(/^[0-9a-f]{32}$/);
    expect(cookies.get(`${app.apiKey}_expires`)?.value).toMatch(/^\d+$/);
    expect([...cookies.keys()].filter((name) => name.startsWith(`${app.apiKey}_`)).sort()).toEqual(
      ['expires', 'session_key', 'ss', 'user'].map((name) => `${app.apiKey}_${name}`),
    );
    expect(cookies.get(`${app.apiKey}_user`)?.domain).toBe('localhost');
    expect(await world.server.store.sessions.find(decodeURIComponent(sessionKey!))).toMatchObject({ uid: person.uid, appId: app.appId });

    // XFBML from the API, and the API called with the session secret from the page.
    await expect.poll(() => page.textContent('#greeting')).toBe('Mary Runner');
    const [info, error] = await callApi(page, 'users.getInfo', { uids: [person.uid], fields: ['name', 'first_name'] });
    expect(error).toBeNull();
    expect(info).toEqual([{ uid: person.uid, name: 'Mary Runner', first_name: 'Mary' }]);
    const [, refused] = await callApi(page, 'admin.getAppProperties', { properties: ['application_name'] });
    expect(refused).toMatchObject({ error_code: 15 });

    // Logout: the site's cookies go, Hearth ends the session, the button offers to connect again.
    await page.click('fb\\:login-button a.hearth-logout');
    await expect.poll(async () => (await page.context().cookies(site.origin)).filter((cookie) => cookie.name.startsWith(app.apiKey)).length).toBe(0);
    await expect.poll(async () => world.server.store.sessions.find(decodeURIComponent(sessionKey!))).toBeUndefined();
    await page.reload();
    await expect.poll(() => page.textContent('#server-view')).toBe('Nobody is signed in');
    await page.locator('fb\\:login-button a.hearth-login').waitFor();
  });
});
