import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENDED_PERMISSIONS, LEGACY_PERMISSIONS } from '../../src/features/grants/extended-permissions.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText, parseForms, type PageResponse } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { formNames, hiddenValue, registerApp, signedInBrowser, submitSignIn } from './page-kit.js';

let server: TestServer;
let app: App;
let program: App;

const CALLBACK = 'http://app.example.org/callback/';

beforeAll(async () => {
  server = await startTestServer();
  app = await registerApp(server, { name: 'Word Game' });
  program = await registerApp(server, { name: 'Photo Uploader', type: 'desktop', callbackUrl: null });
});
afterAll(async () => {
  await server.services.notifier.settled();
  await server.close();
});

/** `/authorize.php?…` (or another of its paths). */
function promptPath(params: Readonly<Record<string, string | null>>, path = '/authorize.php'): string {
  const query = Object.entries(params)
    .map(([name, value]) => (value === null ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`))
    .join('&');
  return `${path}?${query}`;
}

/** A person who uses `target`, and a browser signed in as them. */
async function member(target: App = app): Promise<{ person: Person; browser: Browserless }> {
  const person = await server.createPerson();
  await server.services.grants.authorize(person.uid, target);
  return { person, browser: await signedInBrowser(server, person) };
}

function granted(person: Person, target: App = app): Promise<string[]> {
  return server.services.permissions.granted(person.uid, target);
}

/** The permissions a prompt lists, by name. */
function listed(page: PageResponse): string[] {
  return [...page.body.matchAll(/<li data-permission="([a-z_]+)">/g)].map((match) => match[1]!);
}

describe('authorize.php: each permission', () => {
  it.each([...EXTENDED_PERMISSIONS, ...LEGACY_PERMISSIONS])('%s can be granted through the page', async (permission) => {
    const { person, browser } = await member();
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, v: '1.0', ext_perm: permission, next: 'done.php' }));
    expect(prompt.status).toBe(200);
    expect(listed(prompt)).toEqual([permission]);
    expect(pageText(prompt.body)).toContain('Word Game is asking for a permission');
    expect(formNames(prompt)).toEqual(expect.arrayContaining(['grant', 'cancel', 'csrf_token']));

    const back = await browser.submit(prompt, { button: 'grant' });
    expect(back.status).toBe(302);
    expect(back.location).toBe(`${CALLBACK}done.php`);
    expect(await granted(person)).toEqual([permission]);
    expect(await server.services.grants.hasPermission(person.uid, app.appId, permission)).toBe(true);
  });

  it('describes every permission in a sentence of its own, naming the app where it matters', async () => {
    const { browser } = await member();
    const all = [...EXTENDED_PERMISSIONS, ...LEGACY_PERMISSIONS].join(',');
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, v: '1.0', ext_perm: all }));
    expect(listed(prompt)).toEqual([...EXTENDED_PERMISSIONS, ...LEGACY_PERMISSIONS]);
    const sentences = [...prompt.body.matchAll(/<li data-permission="[a-z_]+">([^<]+)<\/li>/g)].map((match) => match[1]!);
    expect(new Set(sentences).size).toBe(14);
    const text = pageText(prompt.body);
    expect(text).toContain('Word Game is asking for 14 permissions');
    expect(text).toContain('Reach your information even when you are not using Word Game');
    expect(text).toContain('Send you e-mail');
  });
});

describe('authorize.php: lists and aliases', () => {
  it('offline_access makes the session the app already holds never expire, same key; revoking it ends that session', async () => {
    const { person, browser } = await member();
    const held = await server.services.sessions.createSession(app, person.uid, { withSecret: false });
    const other = await server.services.sessions.createSession(program, person.uid, { withSecret: false });
    expect(held.expiresAt).not.toBeNull();
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, v: '1.0', ext_perm: 'offline_access', next: 'done.php' }));
    expect((await browser.submit(prompt, { button: 'grant' })).status).toBe(302);
    expect((await server.store.sessions.find(held.sessionKey))?.expiresAt).toBeNull();
    // Another app's session is not this grant's business.
    expect((await server.store.sessions.find(other.sessionKey))?.expiresAt).toEqual(other.expiresAt);
    const client = server.client(app).withSession({ sessionKey: held.sessionKey });
    expect(String(await client.call('users.getLoggedInUser', {}))).toBe(String(person.uid));
    expect(await client.call('users.hasAppPermission', { ext_perm: 'offline_access' })).toBe(true);

    await client.call('auth.revokeExtendedPermission', { perm: 'offline_access' });
    expect(await server.store.sessions.find(held.sessionKey)).toBeUndefined();
  });

  it('takes a comma list and grants all of it with one Allow', async () => {
    const { person, browser } = await member();
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, v: '1.0', ext_perm: 'email, offline_access,read_stream,email' }));
    expect(listed(prompt)).toEqual(['email', 'offline_access', 'read_stream']);
    expect(pageText(prompt.body)).toContain('Word Game is asking for 3 permissions');
    const back = await browser.submit(prompt, { button: 'grant' });
    expect(back.status).toBe(302);
    expect(back.location).toBe(CALLBACK);
    expect((await granted(person)).sort()).toEqual(['email', 'offline_access', 'read_stream']);
  });

  it('answers on its Connect-era paths too, and reads perms (the XFBML tag) when there is no ext_perm', async () => {
    for (const path of ['/prompt_permission.php', '/prompt_permissions.php', '/connect/prompt_permissions.php']) {
      const { person, browser } = await member();
      const prompt = await browser.get(promptPath({ api_key: app.apiKey, v: '1.0', perms: 'email,sms', fbconnect: 'true', extern: '1', display: 'wap' }, path));
      expect(prompt.status, path).toBe(200);
      expect(listed(prompt)).toEqual(['email', 'sms']);
      const form = parseForms(prompt.body)[0]!;
      expect(form.action).toBe(path);
      expect(form.fields.map(([name]) => name)).not.toEqual(expect.arrayContaining(['fbconnect', 'extern']));
      expect((await browser.submit(prompt, { button: 'grant' })).status).toBe(302);
      expect((await granted(person)).sort()).toEqual(['email', 'sms']);
    }
  });

  it('prefers ext_perm over perms', async () => {
    const { browser } = await member();
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email', perms: 'sms' }));
    expect(listed(prompt)).toEqual(['email']);
  });

  it('asks only for what is not granted yet, and publish_stream counts for the five it covers', async () => {
    const { person, browser } = await member();
    await server.services.permissions.grant(person.uid, app, ['email', 'publish_stream']);
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email,status_update,sms,share_item' }));
    expect(listed(prompt)).toEqual(['sms']);
    await browser.submit(prompt, { button: 'grant' });
    expect((await granted(person)).sort()).toEqual(['email', 'publish_stream', 'sms']);
  });

  it('sends a person who granted everything asked for straight to next, without a page', async () => {
    const { person, browser } = await member();
    await server.services.permissions.grant(person.uid, app, ['email', 'publish_stream']);
    const response = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email,photo_upload', next: 'http://app.example.org/already' }));
    expect(response.status).toBe(302);
    expect(response.location).toBe('http://app.example.org/already');
  });

  it('is compact in a pop-up', async () => {
    const { browser } = await member();
    for (const extra of [{ popup: null }, { display: 'popup' }] as Array<Record<string, string | null>>) {
      const prompt = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email', ...extra }));
      expect(prompt.body).toContain('<body class="compact">');
    }
  });
});

describe('authorize.php: refusals, before anyone signs in', () => {
  const anonymous = () => new Browserless(server.url);

  it('names unknown permissions (400), each once, with the names it knows for the developer', async () => {
    const page = await anonymous().get(promptPath({ api_key: app.apiKey, v: '1.0', ext_perm: 'email,publish_everything,Email,publish_everything' }));
    expect(page.status).toBe(400);
    const text = pageText(page.body);
    expect(text).toContain('Word Game asked for permissions that Hearth does not know: “publish_everything”, “Email” (in ext_perm)');
    expect(text).toContain('the names Hearth knows are: email, read_stream, publish_stream, offline_access');
    expect(parseForms(page.body)).toEqual([]);
  });

  it('names perms when the list came from there', async () => {
    const page = await anonymous().get(promptPath({ api_key: app.apiKey, perms: 'nope' }, '/connect/prompt_permissions.php'));
    expect(page.status).toBe(400);
    expect(pageText(page.body)).toContain('a permission that Hearth does not know: “nope” (in perms)');
  });

  it('refuses a request that names no permission', async () => {
    const cases: Array<Record<string, string>> = [{ api_key: app.apiKey, v: '1.0' }, { api_key: app.apiKey, ext_perm: '' }, { api_key: app.apiKey, ext_perm: ' , ,' }];
    for (const params of cases) {
      const page = await anonymous().get(promptPath(params));
      expect(page.status, JSON.stringify(params)).toBe(400);
      expect(pageText(page.body)).toContain('Word Game did not say which permission it asks for (ext_perm is missing)');
    }
  });

  it('refuses a missing api_key (400) and an unknown one (404)', async () => {
    const missing = await anonymous().get(promptPath({ ext_perm: 'email' }));
    expect(missing.status).toBe(400);
    expect(pageText(missing.body)).toContain('api_key is missing');
    const unknown = await anonymous().get(promptPath({ api_key: 'f'.repeat(32), ext_perm: 'email' }));
    expect(unknown.status).toBe(404);
    expect(pageText(unknown.body)).toContain('No application is registered here');
  });

  it('checks the names before the sign-in form, also for a signed-in person', async () => {
    const { browser } = await member();
    const page = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email,bogus' }));
    expect(page.status).toBe(400);
  });
});

describe('authorize.php: not signed in', () => {
  it('shows the sign-in form carrying the request, then comes back to the prompt', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, app);
    const browser = new Browserless(server.url);
    const params = { api_key: app.apiKey, v: '1.0', ext_perm: 'email', next: 'after.php', cancel: 'http://app.example.org/no' };
    const form = await browser.get(promptPath(params));
    expect(form.status).toBe(200);
    expect(pageText(form.body)).toContain('Sign in to continue to Word Game');
    expect(formNames(form)).toEqual(expect.arrayContaining(['email', 'pass', 'persistent', 'csrf_token']));
    const fields = parseForms(form.body)[0]!.fields;
    expect(fields).toEqual(expect.arrayContaining([['api_key', app.apiKey], ['ext_perm', 'email'], ['next', 'after.php'], ['next_cancel', 'http://app.example.org/no']]));
    // The cancel address travels as next_cancel: a field named cancel would read as the Don't allow button.
    expect(fields.map(([name]) => name)).not.toContain('cancel');

    const signedIn = await submitSignIn(browser, form, person);
    const back = new URL(signedIn.location!);
    expect(back.pathname).toBe('/authorize.php');
    expect(Object.fromEntries(back.searchParams)).toEqual({ api_key: app.apiKey, v: '1.0', ext_perm: 'email', next: 'after.php', next_cancel: 'http://app.example.org/no' });
    const prompt = await browser.get(signedIn.location!);
    expect(listed(prompt)).toEqual(['email']);
    expect(await granted(person)).toEqual([]);
    const done = await browser.submit(prompt, { button: 'grant' });
    expect(done.location).toBe(`${CALLBACK}after.php`);
    expect(await granted(person)).toEqual(['email']);
  });

  it('keeps the e-mail and says so after a wrong password', async () => {
    const person = await server.createPerson();
    const browser = new Browserless(server.url);
    const form = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email' }));
    const wrong = await browser.submit(form, { fields: { email: person.email, pass: 'not it' } });
    expect(wrong.status).toBe(401);
    expect(pageText(wrong.body)).toContain('The e-mail or password is not right.');
    expect(hiddenValue(wrong, 'email')).toBe(person.email);
    expect(hiddenValue(wrong, 'ext_perm')).toBe('email');
  });

  it('shows the form again with skipcookie (the "Not you?" link)', async () => {
    const { browser } = await member();
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email' }));
    const notYou = /<a href="([^"]+)">Not you\?<\/a>/.exec(prompt.body)![1]!.replaceAll('&amp;', '&');
    expect(notYou).toBe(`/authorize.php?api_key=${app.apiKey}&ext_perm=email&skipcookie=1`);
    const form = await browser.get(notYou);
    expect(formNames(form)).toContain('pass');
  });
});

describe('authorize.php: a person who has not allowed the app', () => {
  it('asks to allow the app first, then for the permission; Allow on the first grants no permission', async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const first = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email,offline_access', next: 'welcome.php' }));
    expect(first.status).toBe(200);
    const text = pageText(first.body);
    expect(text).toContain('Word Game would like to connect to your account');
    expect(text).toContain('Next, Word Game will ask for 2 more permissions.');
    expect(listed(first)).toEqual([]);

    const second = await browser.submit(first, { button: 'grant' });
    expect(second.status).toBe(200);
    expect(await server.services.grants.isAppUser(person.uid, app.appId)).toBe(true);
    expect(await granted(person)).toEqual([]);
    expect(listed(second)).toEqual(['email', 'offline_access']);

    const done = await browser.submit(second, { button: 'grant' });
    expect(done.location).toBe(`${CALLBACK}welcome.php`);
    expect((await granted(person)).sort()).toEqual(['email', 'offline_access']);
  });

  it("Don't allow on the first step goes to the cancel address: not an app user, nothing granted", async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const first = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email', next_cancel: 'http://app.example.org/declined' }));
    const back = await browser.submit(first, { button: 'cancel' });
    expect(back.status).toBe(302);
    expect(back.location).toBe('http://app.example.org/declined');
    expect(await server.services.grants.isAppUser(person.uid, app.appId)).toBe(false);
    expect(await granted(person)).toEqual([]);
  });

  it('does not take a forged permission-step Allow from someone who is not an app user', async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const response = await browser.post('/authorize.php', { api_key: app.apiKey, ext_perm: 'email', grant: '1', step: 'permissions', csrf_token: browser.cookie('hearth_csrf')! });
    expect(response.status).toBe(200);
    expect(pageText(response.body)).toContain('Word Game would like to connect to your account');
    expect(await server.services.grants.isAppUser(person.uid, app.appId)).toBe(false);
    expect(await granted(person)).toEqual([]);
  });
});

describe("authorize.php: Don't allow", () => {
  async function cancelWith(params: Record<string, string>): Promise<{ response: PageResponse; person: Person }> {
    const { person, browser } = await member();
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email,offline_access', ...params }));
    expect(listed(prompt)).toEqual(['email', 'offline_access']);
    return { response: await browser.submit(prompt, { button: 'cancel' }), person };
  }

  it('grants nothing and goes to next_cancel', async () => {
    const { response, person } = await cancelWith({ next: 'yes.php', next_cancel: 'no.php' });
    expect(response.status).toBe(302);
    expect(response.location).toBe(`${CALLBACK}no.php`);
    expect(await granted(person)).toEqual([]);
    expect(await server.services.grants.isAppUser(person.uid, app.appId)).toBe(true);
  });

  it('takes cancel (the PHP mobile lib) and cancel_url (the mobile lib) as the cancel address', async () => {
    expect((await cancelWith({ cancel: 'http://app.example.org/mobile-no' })).response.location).toBe('http://app.example.org/mobile-no');
    expect((await cancelWith({ cancel_url: 'http://app.example.org/url-no' })).response.location).toBe('http://app.example.org/url-no');
    expect((await cancelWith({ next_cancel: 'a', cancel_url: 'b', cancel: 'c' })).response.location).toBe(`${CALLBACK}a`);
  });

  it('goes to the callback URL without a cancel address', async () => {
    expect((await cancelWith({ next: 'yes.php' })).response.location).toBe(CALLBACK);
  });
});

describe('authorize.php: where next and next_cancel may lead', () => {
  const cases: Array<[string, string]> = [
    ['page.php?x=1', `${CALLBACK}page.php?x=1`],
    ['http://app.example.org/elsewhere', 'http://app.example.org/elsewhere'],
    ['http://evil.example/', CALLBACK],
    ['https://app.example.org/', CALLBACK],
    ['http://app.example.org.evil.example/', CALLBACK],
    ['http://app.example.org@evil.example/', CALLBACK],
    ['javascript:alert(document.cookie)', CALLBACK],
    ['data:text/html,hi', CALLBACK],
    ['//evil.example/', 'http://app.example.org/callback///evil.example/'],
    ['\\\\evil.example\\x', 'http://app.example.org/callback///evil.example/x'],
  ];

  it.each(cases)('next=%s after Allow', async (next, expected) => {
    const { browser } = await member();
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email', next }));
    const response = await browser.submit(prompt, { button: 'grant' });
    expect(response.status).toBe(302);
    expect(response.location).toBe(expected);
  });

  it.each(cases)("next_cancel=%s after Don't allow", async (nextCancel, expected) => {
    const { browser } = await member();
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email', next_cancel: nextCancel }));
    const response = await browser.submit(prompt, { button: 'cancel' });
    expect(response.status).toBe(302);
    expect(response.location).toBe(expected);
  });

  it('never sends an already-granted person off the app either', async () => {
    const { person, browser } = await member();
    await server.services.permissions.grant(person.uid, app, ['email']);
    const response = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email', next: 'http://evil.example/' }));
    expect(response.location).toBe(CALLBACK);
  });

  it("may lead to this server's login_success page (programs reading the final URL)", async () => {
    const { browser } = await member();
    const next = `${server.url}/connect/login_success.html`;
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email', next }));
    expect((await browser.submit(prompt, { button: 'grant' })).location).toBe(next);
  });
});

describe('authorize.php: an app without a callback URL', () => {
  it('ends on a page after Allow, listing what was granted', async () => {
    const { person, browser } = await member(program);
    const prompt = await browser.get(promptPath({ api_key: program.apiKey, ext_perm: 'photo_upload,offline_access', next: 'http://evil.example/' }));
    const done = await browser.submit(prompt, { button: 'grant' });
    expect(done.status).toBe(200);
    const text = pageText(done.body);
    expect(text).toContain('Photo Uploader has your permission');
    expect(text).toContain('Upload photos for you');
    expect(text).toContain('You may close this window');
    expect((await granted(person, program)).sort()).toEqual(['offline_access', 'photo_upload']);
    // Asked again, with everything granted: the same page at once.
    const again = await browser.get(promptPath({ api_key: program.apiKey, ext_perm: 'offline_access' }));
    expect(again.status).toBe(200);
    expect(pageText(again.body)).toContain('Photo Uploader has your permission');
  });

  it("ends on a page after Don't allow", async () => {
    const { person, browser } = await member(program);
    const prompt = await browser.get(promptPath({ api_key: program.apiKey, ext_perm: 'photo_upload' }));
    const done = await browser.submit(prompt, { button: 'cancel' });
    expect(done.status).toBe(200);
    expect(pageText(done.body)).toContain('You did not give Photo Uploader the permission it asked for. Nothing changed.');
    expect(await granted(person, program)).toEqual([]);
  });
});

describe('authorize.php: forms', () => {
  it('refuses an Allow without the CSRF token, or with another browser’s', async () => {
    const { person, browser } = await member();
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email' }));
    const forged = await browser.post('/authorize.php', { api_key: app.apiKey, ext_perm: 'email', grant: '1', step: 'permissions' });
    expect(forged.status).toBe(403);
    expect(pageText(forged.body)).toContain('This form has expired. Go back and try again.');
    expect(forged.body).toContain(`href="/authorize.php?api_key=${app.apiKey}&amp;ext_perm=email"`);
    const other = new Browserless(server.url);
    await other.get(promptPath({ api_key: app.apiKey, ext_perm: 'email' }));
    const mismatched = await browser.submit(prompt, { button: 'grant', fields: { csrf_token: other.cookie('hearth_csrf')! } });
    expect(mismatched.status).toBe(403);
    expect(await granted(person)).toEqual([]);
  });

  it('sends a browser signed out meanwhile back to the start', async () => {
    const { browser } = await member();
    const prompt = await browser.get(promptPath({ api_key: app.apiKey, ext_perm: 'email' }));
    await browser.submit(await browser.get('/logout.php'), { button: 'signout' });
    const response = await browser.submit(prompt, { button: 'grant' });
    expect(response.status).toBe(303);
    expect(response.location).toBe(`${server.url}/authorize.php?api_key=${app.apiKey}&ext_perm=email`);
  });

  it('never answers 500 to odd parameters', async () => {
    const { browser } = await member();
    const odd = ['', '%', 'a'.repeat(3000), 'http://[::1', '\u00e9', ',,,', 'email,,email'];
    for (const value of odd) {
      for (const name of ['api_key', 'ext_perm', 'perms', 'next', 'next_cancel', 'cancel', 'cancel_url', 'display']) {
        const response = await browser.get(`/authorize.php?api_key=${app.apiKey}&ext_perm=email&${name}=${encodeURIComponent(value)}`);
        expect(response.status, `${name}=${value}`).toBeLessThan(500);
      }
    }
    expect(server.logs.filter((line) => line.level === 50)).toEqual([]);
  });
});

describe('authorize.php: HTML escaping', () => {
  const NAME = '<script>alert(1)</script> & "quotes"';
  const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;';

  it('escapes the app name, the carried parameters and unknown names', async () => {
    const hostile = await registerApp(server, { name: NAME });
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, hostile);
    const browser = await signedInBrowser(server, person);
    const pages = [
      await new Browserless(server.url).get(promptPath({ api_key: hostile.apiKey, ext_perm: 'offline_access', next: '"><script>x</script>' })),
      await browser.get(promptPath({ api_key: hostile.apiKey, ext_perm: 'offline_access', next: '"><script>x</script>' })),
      await browser.get(promptPath({ api_key: hostile.apiKey, ext_perm: '<script>y</script>' })),
    ];
    for (const page of pages) {
      expect(page.body).not.toContain('<script>');
      expect(page.body).toContain(ESCAPED);
    }
    expect(pages[1]!.body).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(pages[1]!.body).toContain(`not using ${ESCAPED}`);
    expect(pages[2]!.body).toContain('“&lt;script&gt;y&lt;/script&gt;”');
  });
});
