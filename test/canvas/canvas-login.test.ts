/**
 * login.php with `canvas`, and add.php / install.php: a person who has authorized the app is sent
 * straight to the canvas page `next` names, however the app's client wrote it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import type { Browserless } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { signedInBrowser } from '../pages/page-kit.js';
import { canvasApp } from './canvas-kit.js';

describe('login.php with canvas', () => {
  let server: TestServer;
  let app: App;
  let person: Person;
  let browser: Browserless;
  beforeAll(async () => {
    server = await startTestServer();
    app = await canvasApp(server, 'http://app.example.com/fb/');
    person = await server.createPerson();
    await server.services.grants.authorize(person.uid, app);
    browser = await signedInBrowser(server, person);
  });
  afterAll(() => server?.close());

  const landing = async (next: string | undefined, path = '/login.php') => {
    const query = new URLSearchParams({ api_key: app.apiKey, v: '1.0', canvas: '1', ...(next === undefined ? {} : { next }) });
    const response = await browser.get(`${path}?${query}`);
    expect(response.status).toBe(302);
    return response.location!;
  };
  const canvas = () => `${server.url}/apps/${app.canvasName}/`;

  it('sends next written as the callback URL, a canvas URL or a path to that canvas page', async () => {
    expect(await landing('http://app.example.com/fb/step.php?to=5')).toBe(`${canvas()}step.php?to=5`);
    expect(await landing(`http://apps.facebook.com/${app.canvasName}/step.php?to=5`)).toBe(`${canvas()}step.php?to=5`);
    expect(await landing(`${server.url}/apps/${app.canvasName}/a/b?c=d`)).toBe(`${canvas()}a/b?c=d`);
    expect(await landing('/step.php?to=5')).toBe(`${canvas()}step.php?to=5`);
    expect(await landing('step.php')).toBe(`${canvas()}step.php`);
  });

  it('goes to the canvas root for no next or one elsewhere, and strips stale signed parameters, auth_token and installed', async () => {
    expect(await landing(undefined)).toBe(canvas());
    expect(await landing('http://evil.example.org/phish')).toBe(canvas());
    expect(await landing('http://app.example.com/fb/?fb_sig_in_iframe=1&to=5&fb_sig=abc&auth_token=t&installed=1&fb_sig_user=1')).toBe(`${canvas()}?to=5`);
  });

  it('without next, goes to the post-authorize redirect URL when the app set one', async () => {
    await server.services.appProperties.write(app, [['post_authorize_redirect_url', 'http://app.example.com/fb/welcome.php']]);
    try {
      expect(await landing(undefined)).toBe(`${canvas()}welcome.php`);
    } finally {
      await server.services.appProperties.write(app, [['post_authorize_redirect_url', '']]);
    }
  });

  it('add.php and install.php hand over to login.php with canvas, keeping api_key and next', async () => {
    for (const path of ['/add.php', '/install.php']) {
      const response = await browser.get(`${path}?api_key=${app.apiKey}&next=step.php`);
      expect(response.status).toBe(302);
      const target = new URL(response.location!);
      expect(target.pathname).toBe('/login.php');
      expect(Object.fromEntries(target.searchParams)).toEqual({ api_key: app.apiKey, next: 'step.php', v: '1.0', canvas: '1' });
      expect((await browser.get(target.pathname + target.search)).location).toBe(`${canvas()}step.php`);
    }
  });

  it('an app without canvas pages goes on as a web app: its callback URL with an auth_token', async () => {
    const plain = await server.services.apps.register({ name: 'Plain', type: 'web', callbackUrl: 'http://plain.example.com/cb/' });
    await server.services.grants.authorize(person.uid, plain);
    const response = await browser.get(`/login.php?api_key=${plain.apiKey}&v=1.0&canvas=1&next=x.php`);
    expect(response.location).toMatch(/^http:\/\/plain\.example\.com\/cb\/x\.php\?auth_token=[0-9a-f]{32}$/);
  });
});
