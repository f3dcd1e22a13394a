import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/db/store-errors.js';
import type { App } from '../../src/features/apps/records.js';
import type { Store } from '../../src/features/feature.js';
import { Browserless, pageText } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { loginPath, registerApp, signedInBrowser } from './page-kit.js';

let server: TestServer;
let app: App;
let desktop: App;

beforeAll(async () => {
  server = await startTestServer({ bodyLimit: 4096 });
  app = await registerApp(server, { name: 'Word Game' });
  desktop = await registerApp(server, { name: 'Photo Uploader', type: 'desktop', callbackUrl: null });
});
afterAll(() => server.close());

const CSP = "default-src 'none'; style-src 'self'; img-src https: http: data:; frame-ancestors 'none'; base-uri 'none'";

describe('pages: frame and headers', () => {
  it('serve HTML with a viewport, the stylesheet and the security headers', async () => {
    const page = await new Browserless(server.url).get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.body).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page.body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page.body).toMatch(/<link rel="stylesheet" href="\/hearth\.css\?v=[0-9a-f]{12}">/);
    expect(page.body).not.toMatch(/<script|style="/);
  });

  it('send the same headers with redirects that carry tokens', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, app);
    const browser = await signedInBrowser(server, person);
    const redirect = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('referrer-policy')).toBe('no-referrer');
    expect(redirect.headers.get('cache-control')).toBe('no-store');
  });

  it('serve the stylesheet with long caching for the versioned link and a validator', async () => {
    const browser = new Browserless(server.url);
    const page = await browser.get('/connect/login_success.html');
    const href = /href="(\/hearth\.css\?v=[0-9a-f]+)"/.exec(page.body)![1]!;
    const css = await browser.get(href);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(css.body).toContain('.card');
    const unversioned = await browser.get('/hearth.css');
    expect(unversioned.headers.get('cache-control')).toBe('public, max-age=300');
    const again = await fetch(`${server.url}/hearth.css`, { headers: { 'if-none-match': css.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('make pop-ups compact with popup or display=popup', async () => {
    for (const extra of [{ popup: '1' }, { display: 'popup' }] as Array<Record<string, string>>) {
      const page = await new Browserless(server.url).get(loginPath({ api_key: app.apiKey, v: '1.0', ...extra }));
      expect(page.body).toContain('<body class="compact">');
      expect(page.body).not.toContain('<footer>');
    }
    const full = await new Browserless(server.url).get(loginPath({ api_key: app.apiKey, v: '1.0', display: 'page' }));
    expect(full.body).toContain('<body>');
  });
});

describe('pages: requests that cannot be read', () => {
  it('answer 400 pages for a query or a form that is not valid UTF-8', async () => {
    const browser = new Browserless(server.url);
    for (const path of ['/login.php?api_key=%ff', '/logout.php?next=%C3%28', '/editapps.php?x=%00']) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(400);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(pageText(page.body)).toContain('This request could not be read');
    }
    const body = await browser.request('POST', '/login.php', 'api_key=%ff', 'application/x-www-form-urlencoded');
    expect(body.status).toBe(400);
    expect(pageText(body.body)).toContain('could not read the form');
  });

  it('answer 400 for a body that is not a form, and 413 for one over the limit', async () => {
    const browser = new Browserless(server.url);
    const json = await browser.request('POST', '/login.php', '{"api_key":"x"}', 'application/json');
    expect(json.status).toBe(400);
    expect(json.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const large = await browser.request('POST', '/editapps.php', `x=${'a'.repeat(8192)}`, 'application/x-www-form-urlencoded');
    expect(large.status).toBe(413);
    expect(pageText(large.body)).toContain('This form is too large');
  });

  it('never answer 500 to odd parameters', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, app);
    const signedIn = await signedInBrowser(server, person);
    const anonymous = new Browserless(server.url);
    const odd = ['', '%', '%%', '+', 'a'.repeat(3000), '\u00e9', '../..', 'http://', 'http://[::1', 'https://app.example.org:99999/', '\t', '{}'];
    const names = ['api_key', 'next', 'auth_token', 'cancel_url', 'next_cancel', 'display', 'session_key', 'app_key', 'connect_next', 'remove', 'removed'];
    const paths: string[] = [];
    for (const value of odd) {
      for (const name of names) paths.push(`/login.php?api_key=${app.apiKey}&${name}=${encodeURIComponent(value)}&fbconnect`);
      paths.push(`/login.php?api_key=${desktop.apiKey}&auth_token=${encodeURIComponent(value)}`);
      paths.push(`/logout.php?app_key=${encodeURIComponent(value)}&connect_next&next=${encodeURIComponent(value)}&session_key=${encodeURIComponent(value)}`);
      paths.push(`/editapps.php?removed=${encodeURIComponent(value)}`);
    }
    paths.push('/login.php?api_key&api_key=&v', '/login.php?&&&=&=x', `/login.php?api_key=${app.apiKey}&api_key=other`);
    for (const browser of [anonymous, signedIn]) {
      for (const path of paths) {
        const response = await browser.get(path);
        expect(response.status, path).toBeLessThan(500);
      }
      for (const fields of [{ grant: '1' }, { cancel: '1' }, { email: '', pass: '' }, { remove: '1' }] as Array<Record<string, string>>) {
        for (const path of ['/login.php', `/login.php?api_key=${app.apiKey}`, '/editapps.php', '/logout.php']) {
          const response = await browser.post(path, { ...fields, csrf_token: browser.cookie('hearth_csrf') ?? 'x', api_key: app.apiKey });
          expect(response.status, `${path} ${JSON.stringify(fields)}`).toBeLessThan(500);
        }
      }
    }
    expect(server.logs.filter((line) => line.level === 50)).toEqual([]);
  });
});

describe('pages: a store that cannot be reached', () => {
  it('answers a 503 page, not a 500', async () => {
    let failing = false;
    const wrapStore = (store: Store): Store => {
      const findByApiKey = store.apps.findByApiKey.bind(store.apps);
      store.apps.findByApiKey = async (key) => {
        if (failing) throw new StoreUnavailableError('database is locked');
        return findByApiKey(key);
      };
      return store;
    };
    const flaky = await startTestServer({ wrapStore });
    try {
      const flakyApp = await registerApp(flaky);
      failing = true;
      const page = await new Browserless(flaky.url).get(loginPath({ api_key: flakyApp.apiKey, v: '1.0' }));
      expect(page.status).toBe(503);
      expect(pageText(page.body)).toContain('Hearth cannot reach its data right now');
    } finally {
      await flaky.close();
    }
  });
});

describe('pages: requests another site makes a browser send', () => {
  it('a page loaded as an image or script of another page is refused, and changes nothing', async () => {
    const person = await server.createPerson();
    const signedIn = await signedInBrowser(server, person);
    await server.services.grants.authorize(person.uid, app);
    // The same browser, as an <img> of another page would make it ask.
    const browser = new Browserless(server.url, { 'sec-fetch-dest': 'image' });
    browser.setCookie('hearth_login', signedIn.cookie('hearth_login')!);
    for (const path of ['/logout.php', loginPath({ api_key: app.apiKey, v: '1.0' }), '/friends.php']) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(403);
      expect(pageText(page.body)).toContain('Hearth’s pages open only as pages, not as images or scripts of another page.');
    }
    expect(await server.services.signIn.personFromCookie(signedIn.cookie('hearth_login'))).toBeDefined();
    const asDocument = new Browserless(server.url, { 'sec-fetch-dest': 'document' });
    expect((await asDocument.get(loginPath({ api_key: app.apiKey, v: '1.0' }))).status).toBe(200);
    const style = await new Browserless(server.url, { 'sec-fetch-dest': 'style' }).get('/hearth.css');
    expect(style.status).toBe(200);
  });

  it("a POST from another site's page is refused, even with a token; our own origin, null and none are judged by the token", async () => {
    const person = await server.createPerson();
    const own = new URL(server.url).origin;
    for (const [origin, status] of [
      ['http://evil.example', 403],
      // What browsers send for forms of a page with Referrer-Policy: no-referrer, as ours are.
      ['null', 303],
      [`${own.replace('127.0.0.1', 'localhost')}`, 403],
      [own, 303],
    ] as const) {
      const browser = new Browserless(server.url, { origin });
      const form = await browser.get('/editapps.php');
      const answer = await browser.submit(form, { fields: { email: person.email, pass: 'correct horse' } });
      expect(answer.status, origin).toBe(status);
      if (status === 403) expect(pageText(answer.body)).toContain('This form came from another site');
    }
  });
});

describe('pages and API over https', () => {
  it('say Strict-Transport-Security, and only over https', async () => {
    const proxied = await startTestServer({ trustProxy: ['127.0.0.1'] });
    try {
      const over = (proto: string) => ({ 'x-forwarded-proto': proto });
      const secure = await new Browserless(proxied.url, over('https')).get('/editapps.php');
      expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000');
      const api = await fetch(`${proxied.url}/restserver.php`, { headers: over('https') });
      expect(api.headers.get('strict-transport-security')).toBe('max-age=31536000');
      const plain = await new Browserless(proxied.url, over('http')).get('/editapps.php');
      expect(plain.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await proxied.close();
    }
  });
});
