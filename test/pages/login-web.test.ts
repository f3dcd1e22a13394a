import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { startAppCallbackServer, type AppCallbackServer } from '../support/app-callback-server.js';
import { Browserless, cookieAttributes, pageText, parseForms } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectValidFbSig, formNames, hiddenValue, loginPath, registerApp, signedInBrowser, submitSignIn } from './page-kit.js';

let server: TestServer;
let appServer: AppCallbackServer;
let app: App;

beforeAll(async () => {
  server = await startTestServer();
  appServer = await startAppCallbackServer();
  app = await registerApp(server, { name: 'Word Game', postAuthorizeUrl: `${appServer.origin}/post-authorize` });
});
afterAll(async () => {
  await server.services.notifier.settled();
  await server.close();
  await appServer.close();
});

/** A person who already allowed `target` and a browser signed in as them. */
async function memberBrowser(target: App): Promise<{ person: Person; browser: Browserless }> {
  const person = await server.createPerson();
  await server.services.grants.authorize(person.uid, target);
  return { person, browser: await signedInBrowser(server, person) };
}

function tokenOf(location: string | undefined): string {
  const token = new URL(location ?? 'http://none/').searchParams.get('auth_token');
  expect(token, `auth_token on ${location}`).toMatch(/^[0-9a-f]{32}$/);
  return token!;
}

describe('web: login.php sign-in form', () => {
  it('names the app and carries every login parameter, but not unknown ones', async () => {
    const browser = new Browserless(server.url);
    const page = await browser.get(
      loginPath({ api_key: app.apiKey, v: '1.0', next: 'page.php?x=1', popup: null, req_perms: 'email,offline_access', canvas: '', unknown: 'x' }),
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(pageText(page.body)).toContain('Sign in to continue to Word Game');
    expect(formNames(page)).toEqual(expect.arrayContaining(['email', 'pass', 'persistent', 'csrf_token']));
    const fields = parseForms(page.body)[0]!.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        ['api_key', app.apiKey],
        ['v', '1.0'],
        ['next', 'page.php?x=1'],
        ['popup', ''],
        ['req_perms', 'email,offline_access'],
        ['canvas', ''],
      ]),
    );
    expect(fields.map(([name]) => name)).not.toContain('unknown');
    expect(hiddenValue(page, 'csrf_token')).toBe(browser.cookie('hearth_csrf'));
    expect(page.body).toContain('<body class="compact">');
  });

  it('leaves out the "Keep me signed in" box with hide_checkbox', async () => {
    const page = await new Browserless(server.url).get(loginPath({ api_key: app.apiKey, v: '1.0', hide_checkbox: '0' }));
    expect(page.status).toBe(200);
    expect(formNames(page)).not.toContain('persistent');
  });
});

describe('web: login.php flow', () => {
  it('signs in, asks to allow the app once, and sends the browser to callback URL + next + auth_token', async () => {
    const person = await server.createPerson();
    const browser = new Browserless(server.url);
    const form = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0', next: 'page.php?x=1' }));
    const signedIn = await submitSignIn(browser, form, person);
    expect(signedIn.location).toBe(`${server.url}${loginPath({ api_key: app.apiKey, v: '1.0', next: 'page.php?x=1' })}`);
    const cookie = cookieAttributes(signedIn, 'hearth_login')!;
    expect([...cookie.keys()].sort()).toEqual(['httponly', 'path', 'samesite']);
    expect(cookie.get('path')).toBe('/');
    expect(cookie.get('samesite')).toBe('Lax');

    const prompt = await browser.get(signedIn.location!);
    expect(prompt.status).toBe(200);
    const text = pageText(prompt.body);
    expect(text).toContain('Word Game would like to connect to your account');
    expect(text).toMatch(/name and profile picture.*friends list/);
    expect(text).toContain(`Signed in as ${person.firstName} ${person.lastName}`);
    expect(formNames(prompt)).toEqual(expect.arrayContaining(['grant', 'cancel', 'csrf_token']));

    const handOver = await browser.submit(prompt, { button: 'grant' });
    expect(handOver.status).toBe(302);
    expect(handOver.location).toMatch(/^http:\/\/app\.example\.org\/callback\/page\.php\?x=1&auth_token=[0-9a-f]{32}$/);
    const token = await server.store.authTokens.find(tokenOf(handOver.location));
    expect(token).toMatchObject({ appId: app.appId, uid: person.uid });
    expect(await server.services.grants.isAppUser(person.uid, app.appId)).toBe(true);
  });

  it('pings the post-authorize URL, signed with the app secret, when a person allows the app', async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const prompt = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    expect((await browser.submit(prompt, { button: 'grant' })).status).toBe(302);
    const ping = await appServer.waitFor((request) => request.url === '/post-authorize' && request.body.includes(`fb_sig_user=${person.uid}`));
    expect(ping.method).toBe('POST');
    const params = expectValidFbSig(ping.body, app);
    expect(params).toMatchObject({ fb_sig_authorize: '1', fb_sig_added: '1', fb_sig_api_key: app.apiKey, fb_sig_user: String(person.uid) });
  });

  it('keeps the sign-in cookie for thirty days with "Keep me signed in"', async () => {
    const person = await server.createPerson();
    const browser = new Browserless(server.url);
    const form = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    const signedIn = await submitSignIn(browser, form, person, { persistent: '1' });
    expect(cookieAttributes(signedIn, 'hearth_login')!.get('max-age')).toBe(String(30 * 86_400));
  });

  it('does not ask a signed-in person who allowed the app again: straight to the app with a new token', async () => {
    const { person, browser } = await memberBrowser(app);
    const first = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    const second = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    for (const response of [first, second]) {
      expect(response.status).toBe(302);
      expect(response.location).toMatch(/^http:\/\/app\.example\.org\/callback\/\?auth_token=[0-9a-f]{32}$/);
      expect(await server.store.authTokens.find(tokenOf(response.location))).toMatchObject({ uid: person.uid, appId: app.appId });
    }
    expect(tokenOf(first.location)).not.toBe(tokenOf(second.location));
  });

  it('shows the form again with skipcookie, and the new sign-in replaces the old one', async () => {
    const { browser } = await memberBrowser(app);
    const oldCookie = browser.cookie('hearth_login');
    const form = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0', skipcookie: '' }));
    expect(form.status).toBe(200);
    expect(formNames(form)).toContain('pass');
    expect(hiddenValue(form, 'skipcookie')).toBe('');

    const other = await server.createPerson('Grace Hopper');
    const signedIn = await submitSignIn(browser, form, other);
    expect(signedIn.location).toBe(`${server.url}${loginPath({ api_key: app.apiKey, v: '1.0' })}`);
    expect(browser.cookie('hearth_login')).not.toBe(oldCookie);
    expect(await server.services.signIn.personFromCookie(oldCookie)).toBeUndefined();
    const prompt = await browser.get(signedIn.location!);
    expect(pageText(prompt.body)).toContain('Signed in as Grace Hopper');
  });

  it('treats canvas like the web flow (there are no canvas pages yet)', async () => {
    const { browser } = await memberBrowser(app);
    const response = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0', canvas: '1', next: 'game.php' }));
    expect(response.status).toBe(302);
    expect(response.location).toMatch(/^http:\/\/app\.example\.org\/callback\/game\.php\?auth_token=/);
  });
});

describe('web: where next may lead', () => {
  const CALLBACK = 'http://app.example.org/callback/';
  const cases: Array<[string, string]> = [
    ['page.php?x=1', `${CALLBACK}page.php?x=1&auth_token=`],
    ['?state=abc', `${CALLBACK}?state=abc&auth_token=`],
    ['page#section', `${CALLBACK}page?auth_token=`],
    ['http://app.example.org/elsewhere?y=2', 'http://app.example.org/elsewhere?y=2&auth_token='],
    ['http://evil.example/', `${CALLBACK}?auth_token=`],
    ['https://app.example.org/', `${CALLBACK}?auth_token=`],
    ['http://app.example.org.evil.example/', `${CALLBACK}?auth_token=`],
    ['http://app.example.org@evil.example/', `${CALLBACK}?auth_token=`],
    ['javascript:alert(document.cookie)', `${CALLBACK}?auth_token=`],
    ['data:text/html,hi', `${CALLBACK}?auth_token=`],
    ['//evil.example/', 'http://app.example.org/callback///evil.example/?auth_token='],
    ['@evil.example', 'http://app.example.org/callback/@evil.example?auth_token='],
    ['\\\\evil.example\\x', 'http://app.example.org/callback///evil.example/x?auth_token='],
  ];

  it.each(cases)('next=%s', async (next, expected) => {
    const { browser } = await memberBrowser(app);
    const response = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0', next }));
    expect(response.status).toBe(302);
    expect(response.location!.startsWith(expected), `${response.location} starts with ${expected}`).toBe(true);
    expect(new URL(response.location!).origin).toBe('http://app.example.org');
    if (next === 'page#section') expect(response.location).toMatch(/#section$/);
  });

  // A callback URL without a path: plain concatenation would change the host, so the origin check must catch it.
  const bare: Array<[string, string]> = [
    ['@evil.example', 'http://app.example.org/?auth_token='],
    ['.evil.example', 'http://app.example.org/?auth_token='],
    [':8080/', 'http://app.example.org/?auth_token='],
    ['//evil.example', 'http://app.example.org//evil.example?auth_token='],
    ['\\@evil.example', 'http://app.example.org/@evil.example?auth_token='],
    ['/page.php', 'http://app.example.org/page.php?auth_token='],
  ];

  it.each(bare)('callback URL http://app.example.org, next=%s', async (next, expected) => {
    const bareApp = await registerApp(server, { callbackUrl: 'http://app.example.org' });
    const { browser } = await memberBrowser(bareApp);
    const response = await browser.get(loginPath({ api_key: bareApp.apiKey, v: '1.0', next }));
    expect(response.status).toBe(302);
    expect(response.location!.startsWith(expected), `${response.location} starts with ${expected}`).toBe(true);
    expect(new URL(response.location!).origin).toBe('http://app.example.org');
  });
});

describe('web: cancel', () => {
  async function cancelWith(params: Record<string, string>): Promise<{ location: string | undefined; person: Person; status: number }> {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const prompt = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0', ...params }));
    const response = await browser.submit(prompt, { button: 'cancel' });
    return { location: response.location, person, status: response.status };
  }

  it('goes to cancel_url on the app, with no token, and the app stays unauthorized', async () => {
    const { location, person, status } = await cancelWith({ cancel_url: 'http://app.example.org/declined' });
    expect(status).toBe(302);
    expect(location).toBe('http://app.example.org/declined');
    expect(await server.services.grants.isAppUser(person.uid, app.appId)).toBe(false);
  });

  it('takes next_cancel, relative to the callback URL, when there is no cancel_url', async () => {
    expect((await cancelWith({ next_cancel: 'declined.php' })).location).toBe('http://app.example.org/callback/declined.php');
  });

  it('falls back to the callback URL when the cancel address leaves the app', async () => {
    for (const target of ['http://evil.example/', 'javascript:alert(1)']) {
      expect((await cancelWith({ cancel_url: target })).location).toBe('http://app.example.org/callback/');
    }
  });
});

describe('web: refusals', () => {
  it('answers 400 naming api_key when it is missing', async () => {
    const page = await new Browserless(server.url).get('/login.php?v=1.0');
    expect(page.status).toBe(400);
    expect(pageText(page.body)).toContain('api_key is missing');
  });

  it('answers 404 naming the unknown api_key', async () => {
    const page = await new Browserless(server.url).get(loginPath({ api_key: 'ffffffffffffffffffffffffffffffff', v: '1.0' }));
    expect(page.status).toBe(404);
    expect(pageText(page.body)).toContain('No application is registered here with the api_key “ffffffffffffffffffffffffffffffff”');
  });

  it('does not take an app_id for an api_key', async () => {
    const page = await new Browserless(server.url).get(loginPath({ api_key: String(app.appId), v: '1.0' }));
    expect(page.status).toBe(404);
  });

  it('tells the operator to set a callback URL when a web app has none', async () => {
    const bare = await registerApp(server, { name: 'No Callback', callbackUrl: null });
    const page = await new Browserless(server.url).get(loginPath({ api_key: bare.apiKey, v: '1.0' }));
    expect(page.status).toBe(400);
    expect(pageText(page.body)).toContain(`No Callback has no callback URL`);
    expect(pageText(page.body)).toContain(`hearth app update ${bare.appId} --callback-url URL`);
  });

  it('refuses a form posted without the CSRF token, or with another browser\'s', async () => {
    const person = await server.createPerson();
    const browser = new Browserless(server.url);
    const form = await browser.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    const missing = await browser.post('/login.php', { api_key: app.apiKey, v: '1.0', email: person.email, pass: 'correct horse' });
    expect(missing.status).toBe(403);
    expect(pageText(missing.body)).toContain('This form has expired. Go back and try again.');
    expect(parseForms(missing.body)).toEqual([]);
    expect(missing.body).toContain(`href="/login.php?api_key=${app.apiKey}&amp;v=1.0"`);

    const other = new Browserless(server.url);
    await other.get(loginPath({ api_key: app.apiKey, v: '1.0' }));
    const mismatched = await browser.submit(form, { fields: { email: person.email, pass: 'correct horse', csrf_token: other.cookie('hearth_csrf')! } });
    expect(mismatched.status).toBe(403);
    expect(browser.cookie('hearth_login')).toBeUndefined();

    // A POST from another site carries the cookie (SameSite=Lax lets top-level POSTs through only in old browsers) but not the field.
    const signedIn = await signedInBrowser(server, person);
    const forged = await signedIn.post('/login.php', { api_key: app.apiKey, v: '1.0', grant: '1' });
    expect(forged.status).toBe(403);
    expect(await server.services.grants.isAppUser(person.uid, app.appId)).toBe(false);
  });
});

describe('web: HTML escaping', () => {
  const NAME = '<script>alert(1)</script> & "quotes"';
  const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;';

  it('escapes the app name on the sign-in form, the prompt and the error pages', async () => {
    const hostile = await registerApp(server, { name: NAME });
    const noCallback = await registerApp(server, { name: NAME, callbackUrl: null });
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const pages = [
      await new Browserless(server.url).get(loginPath({ api_key: hostile.apiKey, v: '1.0', next: '"><script>x</script>' })),
      await browser.get(loginPath({ api_key: hostile.apiKey, v: '1.0' })),
      await browser.get(loginPath({ api_key: noCallback.apiKey, v: '1.0' })),
    ];
    for (const page of pages) {
      expect(page.body).not.toContain('<script>');
      expect(page.body).toContain(ESCAPED);
    }
    expect(pages[0]!.body).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    const unknown = await new Browserless(server.url).get(loginPath({ api_key: '<b>key</b>', v: '1.0' }));
    expect(unknown.body).toContain('&lt;b&gt;key&lt;/b&gt;');
  });
});
