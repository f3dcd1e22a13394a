import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS } from '../../src/services/sign-in-service.js';
import type { App } from '../../src/store/store.js';
import { Browserless, cookieAttributes, pageText } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { hiddenValue, loginPath, registerApp } from './page-kit.js';

let server: TestServer;
let app: App;
let addresses = 0;

// Failures are also counted per address; each test signs in from its own (forwarded) address.
beforeAll(async () => {
  server = await startTestServer({ trustProxy: ['127.0.0.1'] });
  app = await registerApp(server, { name: 'Word Game' });
});
afterAll(() => server.close());

function browserFromNewAddress(): Browserless {
  return new Browserless(server.url, { 'x-forwarded-for': `198.51.100.${++addresses}` });
}

describe('sign-in: the cookie', () => {
  it('is Secure when the page was reached over https (here: through a trusted proxy)', async () => {
    const person = await server.createPerson();
    const browser = new Browserless(server.url, { 'x-forwarded-for': `198.51.100.${++addresses}`, 'x-forwarded-proto': 'https' });
    const form = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    expect(cookieAttributes(form, 'hearth_csrf')?.has('secure')).toBe(true);
    const signedIn = await browser.submit(form, { fields: { email: person.email, pass: 'correct horse' } });
    expect(signedIn.status).toBe(303);
    const cookie = cookieAttributes(signedIn, 'hearth_login')!;
    expect([...cookie.keys()].sort()).toEqual(['httponly', 'path', 'samesite', 'secure']);
  });

  it('is a random 32-byte CSRF token, HttpOnly and SameSite=Lax, reused across forms', async () => {
    const browser = browserFromNewAddress();
    const first = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    const csrf = cookieAttributes(first, 'hearth_csrf')!;
    expect(csrf.get('samesite')).toBe('Lax');
    expect(csrf.has('httponly')).toBe(true);
    expect(Buffer.from(browser.cookie('hearth_csrf')!, 'base64url')).toHaveLength(32);
    const second = await browser.get('/editapps.php');
    expect(second.setCookies).toEqual([]);
    expect(hiddenValue(second, 'csrf_token')).toBe(browser.cookie('hearth_csrf'));
  });
});

describe('sign-in: wrong passwords', () => {
  it('shows the form again with the message and the e-mail kept, and sets no sign-in cookie', async () => {
    const person = await server.createPerson();
    const browser = browserFromNewAddress();
    const form = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0', next: 'x' }));
    const wrong = await browser.submit(form, { fields: { email: person.email, pass: 'wrong horse' } });
    expect(wrong.status).toBe(401);
    expect(pageText(wrong.body)).toContain('The e-mail or password is not right.');
    expect(wrong.body).toContain(`value="${person.email}"`);
    expect(hiddenValue(wrong, 'next')).toBe('x');
    expect(browser.cookie('hearth_login')).toBeUndefined();
    // The form still works afterwards.
    const right = await browser.submit(wrong, { fields: { email: person.email, pass: 'correct horse' } });
    expect(right.status).toBe(303);
  });

  it('says the same for an e-mail nobody has', async () => {
    const browser = browserFromNewAddress();
    const form = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    const wrong = await browser.submit(form, { fields: { email: 'nobody@example.org', pass: 'whatever' } });
    expect(wrong.status).toBe(401);
    expect(pageText(wrong.body)).toContain('The e-mail or password is not right.');
  });

  it(`slows down after ${FREE_ATTEMPTS} failures: 429 with the seconds to wait, even for the right password`, async () => {
    const person = await server.createPerson();
    const browser = browserFromNewAddress();
    let page = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    for (let attempt = 0; attempt < FREE_ATTEMPTS; attempt++) {
      page = await browser.submit(page, { fields: { email: person.email, pass: `wrong ${attempt}` } });
      expect(page.status).toBe(401);
    }
    const slowed = await browser.submit(page, { fields: { email: person.email, pass: 'correct horse' } });
    expect(slowed.status).toBe(429);
    const seconds = Number(slowed.headers.get('retry-after'));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(pageText(slowed.body)).toContain(`Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and try again.`);
    expect(browser.cookie('hearth_login')).toBeUndefined();
  });
});
