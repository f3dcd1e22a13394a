/**
 * /code_gen.php on both stores: a link without or with an unknown api_key, the sign-in form for a
 * visitor and the way back, the authorization step for a person who has not allowed the app, the
 * Generate button's CSRF token, and a second code replacing the first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText, type PageResponse } from '../support/browserless.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { formNames, registerApp, signedInBrowser, submitSignIn } from './page-kit.js';

const STORES = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

/** What the page shows the code in: six of the 32 symbols. */
function shownCode(page: PageResponse): string | undefined {
  return /<code id="auth_code">([A-HJ-NP-Z2-9]{6})<\/code>/.exec(page.body)?.[1];
}

describe.each(STORES)('$backend: /code_gen.php', ({ backend, skip }) => {
  let server: TestServer;
  let program: App;
  let path: string;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    program = await registerApp(server, { name: 'Photo Uploader', type: 'desktop', callbackUrl: null });
    path = `/code_gen.php?api_key=${program.apiKey}&v=1.0`;
  });
  afterAll(async () => {
    await server?.services.notifier.settled();
    await server?.close();
  });

  /** A person who allowed the program, and a browser signed in as them. */
  async function user(): Promise<{ person: Person; browser: Browserless }> {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, program);
    return { person, browser: await signedInBrowser(server, person) };
  }

  const storedCode = async (person: Person) => (await server.store.sessionCodes.findFor(program.appId, person.uid, new Date()))?.code;

  it.skipIf(skip)('says what is wrong with a link without api_key (400) or with an unknown one (404)', async () => {
    const browser = new Browserless(server.url);
    const missing = await browser.get('/code_gen.php?v=1.0');
    expect(missing.status).toBe(400);
    expect(pageText(missing.body)).toContain('The link does not say which application the code is for (api_key is missing)');
    const unknown = await browser.get(`/code_gen.php?api_key=${'0'.repeat(32)}&v=1.0`);
    expect(unknown.status).toBe(404);
    expect(pageText(unknown.body)).toContain(`No application is registered here with the api_key “${'0'.repeat(32)}”`);
    expect(formNames(unknown)).not.toContain('pass');
  });

  it.skipIf(skip)('signs a visitor in on the page, asks to allow the program, then shows Generate and the code', async () => {
    const person = await server.createPerson();
    const browser = new Browserless(server.url);
    const form = await browser.get(path);
    expect(form.status).toBe(200);
    expect(pageText(form.body)).toContain('Sign in to get a code for Photo Uploader');
    const signedIn = await submitSignIn(browser, form, person);
    expect(signedIn.location).toBe(`${server.url}${path}`);

    const step = await browser.get(signedIn.location!);
    expect(pageText(step.body)).toContain('Photo Uploader would like to connect to your account');
    expect(formNames(step)).toEqual(expect.arrayContaining(['grant', 'cancel']));
    const allowed = await browser.submit(step, { button: 'grant' });
    expect(allowed.status).toBe(303);
    expect(await server.services.grants.isAppUser(person.uid, program.appId)).toBe(true);

    const generate = await browser.get(allowed.location!);
    expect(pageText(generate.body)).toContain('Get a code for Photo Uploader');
    expect(formNames(generate)).toContain('generate');
    expect(shownCode(generate)).toBeUndefined();
    expect(await storedCode(person)).toBeUndefined();
    const shown = await browser.submit(generate, { button: 'generate' });
    expect(shown.status).toBe(200);
    const code = shownCode(shown);
    expect(code).toBeDefined();
    expect(pageText(shown.body)).toContain('Copy this code and paste it into Photo Uploader to finish.');
    expect(await storedCode(person)).toBe(code);
  });

  it.skipIf(skip)('a wrong password keeps the visitor on the form (401), with no code made', async () => {
    const person = await server.createPerson();
    const browser = new Browserless(server.url);
    const wrong = await browser.submit(await browser.get(path), { fields: { email: person.email, pass: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(pageText(wrong.body)).toContain('The e-mail or password is not right.');
  });

  it.skipIf(skip)('makes no code for a person who has not allowed the program, even on a forged Generate', async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const step = await browser.get(path);
    expect(formNames(step)).not.toContain('generate');
    const forged = await browser.post('/code_gen.php', { api_key: program.apiKey, v: '1.0', generate: '1', csrf_token: browser.cookie('hearth_csrf')! });
    expect(forged.status).toBe(303);
    expect(await storedCode(person)).toBeUndefined();
    const cancelled = await browser.submit(step, { button: 'cancel' });
    expect(pageText(cancelled.body)).toContain('You did not allow Photo Uploader to use your account, so no code was made.');
    expect(await server.services.grants.isAppUser(person.uid, program.appId)).toBe(false);
  });

  it.skipIf(skip)('refuses a Generate without the CSRF token (403), or with another one, and makes no code', async () => {
    const { person, browser } = await user();
    const page = await browser.get(path);
    for (const csrf_token of [undefined, 'f'.repeat(43)]) {
      const fields: Record<string, string> = { api_key: program.apiKey, v: '1.0', generate: '1', ...(csrf_token ? { csrf_token } : {}) };
      const refused = await browser.post('/code_gen.php', fields);
      expect(refused.status).toBe(403);
      expect(pageText(refused.body)).toContain('This form has expired.');
    }
    expect(await storedCode(person)).toBeUndefined();
    expect(shownCode(await browser.submit(page, { button: 'generate' }))).toBeDefined();
  });

  it.skipIf(skip)('a second Generate replaces the first code: only the newer one gives a session', async () => {
    const { person, browser } = await user();
    const page = await browser.get(path);
    const first = shownCode(await browser.submit(page, { button: 'generate' }))!;
    const secondPage = await browser.submit(page, { button: 'generate' });
    expect(formNames(secondPage)).toContain('generate');
    const second = shownCode(secondPage)!;
    expect(await storedCode(person)).toBe(second);
    const client = server.client(program);
    if (first !== second) expect(await client.call('auth.getSession', { auth_token: first }).catch((error: RestClientError) => error.code)).toBe(100);
    expect(await client.call('auth.getSession', { auth_token: second })).toMatchObject({ uid: person.uid, expires: 0 });
  });

  it.skipIf(skip)('"Not you?" shows the sign-in form; the other person signing in gets the page as themselves', async () => {
    const { browser } = await user();
    const other = await server.createPerson('Grace Hopper');
    await server.services.grants.authorize(other.uid, program);
    const notYou = /<a href="([^"]*skipcookie=1[^"]*)">Not you\?<\/a>/.exec((await browser.get(path)).body)?.[1];
    expect(notYou).toBeDefined();
    const form = await browser.get(notYou!.replaceAll('&amp;', '&'));
    expect(formNames(form)).toContain('pass');
    const signedIn = await submitSignIn(browser, form, other);
    expect(signedIn.location).toBe(`${server.url}${path}`);
    const shown = await browser.submit(await browser.get(path), { button: 'generate' });
    expect(pageText(shown.body)).toContain('Signed in as Grace Hopper');
    expect(await storedCode(other)).toBe(shownCode(shown));
  });

  it.skipIf(skip)('a GET never makes a code, and the page cannot be framed', async () => {
    const { person, browser } = await user();
    const page = await browser.get(path);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');
    await browser.get(`${path}&generate=1`);
    expect(await storedCode(person)).toBeUndefined();
  });
});
