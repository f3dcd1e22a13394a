import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordHasher } from '../../src/features/people/password-hashing.js';
import { SIGN_IN_POLICY } from '../../src/features/sign-in/sign-in-service.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, cookieAttributes, pageText } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { hiddenValue, loginPath, registerApp } from './page-kit.js';

let server: TestServer;
let app: App;
let addresses = 0;
const FREE_ATTEMPTS = SIGN_IN_POLICY.freeAttempts;

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

/** `count` sign-in attempts for `person` from the sign-in form of `browser`, all sent at once. */
async function burst(browser: Browserless, person: Person, passwords: readonly string[]): Promise<number[]> {
  const form = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
  const answers = await Promise.all(passwords.map((pass) => browser.submit(form, { fields: { email: person.email, pass } })));
  return answers.map((answer) => answer.status);
}

describe('sign-in: attempts sent at once', () => {
  it(`judge no more than ${FREE_ATTEMPTS} passwords of a burst of 100, so the right one at its end is not let in`, async () => {
    const person = await server.createPerson();
    const passwords = [...Array.from({ length: 99 }, (_, index) => `wrong ${index}`), 'correct horse'];
    const statuses = await burst(browserFromNewAddress(), person, passwords);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(FREE_ATTEMPTS);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(100 - FREE_ATTEMPTS);
    expect(statuses.at(-1)).toBe(429);
  });

  it('count per address too: a burst over many accounts from one address is slowed down', async () => {
    const people = await Promise.all(Array.from({ length: 3 }, () => server.createPerson()));
    const browser = browserFromNewAddress();
    const form = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) => browser.submit(form, { fields: { email: people[index % 3]!.email, pass: `guess ${index}` } })),
    );
    expect(answers.filter((answer) => answer.status === 401).length).toBeLessThanOrEqual(FREE_ATTEMPTS);
  });
});

describe('sign-in: the owner is not locked out by someone else', () => {
  it('a browser that signed in before still gets in with the right password while the account is slowed down elsewhere', async () => {
    const person = await server.createPerson();
    const own = browserFromNewAddress();
    let page = await own.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    expect((await own.submit(page, { fields: { email: person.email, pass: 'correct horse' } })).status).toBe(303);
    expect(own.cookie('hearth_browser')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    own.forget('hearth_login');

    // Someone else types wrong passwords for them, from several addresses, until they are slowed down.
    for (let round = 0; round < 3; round++) await burst(browserFromNewAddress(), person, Array.from({ length: 10 }, (_, index) => `wrong ${index}`));
    const stranger = browserFromNewAddress();
    expect(await burst(stranger, person, ['correct horse'])).toEqual([429]);

    page = await own.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    const back = await own.submit(page, { fields: { email: person.email, pass: 'correct horse' } });
    expect(back.status).toBe(303);
    expect(own.cookie('hearth_login')).toBeDefined();
  });

  it('that browser has a budget of its own: wrong passwords typed there are slowed down there', async () => {
    const person = await server.createPerson();
    const own = browserFromNewAddress();
    let page = await own.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    await own.submit(page, { fields: { email: person.email, pass: 'correct horse' } });
    own.forget('hearth_login');
    page = await own.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    const statuses = [];
    for (let attempt = 0; attempt <= FREE_ATTEMPTS; attempt++) statuses.push((await own.submit(page, { fields: { email: person.email, pass: `wrong ${attempt}` } })).status);
    expect(statuses).toEqual([...Array.from({ length: FREE_ATTEMPTS }, () => 401), 429]);
    // Counted there only: a new browser of the person's may still try.
    expect(await burst(browserFromNewAddress(), person, ['correct horse'])).toEqual([303]);
  });

  it("a known-browser cookie of someone else's does not lift the slow-down", async () => {
    const [owner, victim] = await Promise.all([server.createPerson(), server.createPerson()]);
    const attacker = browserFromNewAddress();
    let page = await attacker.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    expect((await attacker.submit(page, { fields: { email: owner.email, pass: 'correct horse' } })).status).toBe(303);
    attacker.forget('hearth_login');
    page = await attacker.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    const statuses = await burst(attacker, victim, Array.from({ length: 20 }, (_, index) => `wrong ${index}`));
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(FREE_ATTEMPTS);
  });
});

describe('sign-in: password hashes made at an older cost', () => {
  it('are made again at the current cost once the password is known to be right', async () => {
    const person = await server.createPerson();
    const weak = await new PasswordHasher({ cost: { N: 1024, r: 8, p: 1 } }).hash('correct horse');
    await server.store.people.update(person.uid, { passwordHash: weak }, new Date());
    const browser = browserFromNewAddress();
    const form = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    expect((await browser.submit(form, { fields: { email: person.email, pass: 'correct horse' } })).status).toBe(303);
    const stored = (await server.store.people.findByUid(person.uid))!.passwordHash;
    expect(stored.split('$')[1]).toBe('4096');
    expect((await server.store.people.findByUid(person.uid))!.profileUpdatedAt).toEqual(person.profileUpdatedAt);
  });
});
