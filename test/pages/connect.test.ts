/**
 * Connect over HTTP, on both stores: the library's files, /extern/login_status.php, login.php's
 * Connect parameters and targets (the Connect URL host and the base domain), the session JSON
 * checked the way the PHP client checks the cookies made from it, and logout.php from the library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { originsFor } from '../../src/features/connect/pages/library-routes.js';
import { Browserless, pageText } from '../support/browserless.js';
import { validFbParams, type ConnectSessionJson as SessionJson } from '../support/connect-site.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { loginPath, registerApp, signedInBrowser } from './page-kit.js';

/** The cookies the library writes from a session JSON (docs/connect.md), as the site's server receives them. */
function cookiesFrom(app: App, session: SessionJson): Map<string, string> {
  const jar = new Map([
    [`${app.apiKey}_user`, session.uid],
    [`${app.apiKey}_session_key`, session.session_key],
    [`${app.apiKey}_expires`, String(session.expires)],
    [app.apiKey, session.sig],
  ]);
  if (session.secret !== undefined) jar.set(`${app.apiKey}_ss`, session.secret);
  if (session.base_domain !== undefined) jar.set(`base_domain_${app.apiKey}`, session.base_domain);
  return jar;
}

describe('connect: the PHP client’s cookie check, with the worked example', () => {
  const apiKey = '0123456789abcdef0123456789abcdef';
  const secret = 'fedcba9876543210fedcba9876543210';
  const cookies = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([name, value]) => [name === '' ? apiKey : `${apiKey}_${name}`, value]));

  it('accepts the example cookies, signed 5b140685…, and the infinite session both with and without _expires', () => {
    const example = cookies({
      user: '500000001',
      session_key: '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001',
      expires: '1262390400',
      ss: '9a8b7c6d5e4f30211203f4e5d6c7b8a9',
      '': '5b140685b1568dd06f9e890a325687b2',
    });
    example.set(`base_domain_${apiKey}`, 'example.com');
    expect(validFbParams(example, apiKey, secret)?.user).toBe('500000001');
    const infinite = { user: '500000001', session_key: '3.ZyXwVuTsRqPoNmLk__.0.0-500000001', ss: '9a8b7c6d5e4f30211203f4e5d6c7b8a9' };
    expect(validFbParams(cookies({ ...infinite, expires: '0', '': 'b93892911002a8caecf29f225b1e761e' }), apiKey, secret)).toBeDefined();
    expect(validFbParams(cookies({ ...infinite, '': '4952d954d6ea91e52b7f6f4fea4f3b36' }), apiKey, secret)).toBeDefined();
    example.set(`${apiKey}_extra`, 'x');
    expect(validFbParams(example, apiKey, secret)).toBeUndefined();
  });

  it('points the loader at the platform’s page and API hosts when it is asked by a static host', () => {
    expect(originsFor({ protocol: 'http', host: 'static.ak.connect.facebook.com' })).toEqual({ pages: 'http://www.facebook.com', api: 'http://api.facebook.com' });
    expect(originsFor({ protocol: 'https', host: 'ssl.connect.facebook.com:8443' })).toEqual({ pages: 'https://www.facebook.com:8443', api: 'https://api.facebook.com:8443' });
    expect(originsFor({ protocol: 'http', host: 'hearth.example:3000' })).toEqual({ pages: 'http://hearth.example:3000', api: 'http://hearth.example:3000' });
  });
});

const STORES = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

for (const { backend, skip } of STORES) {
  describe.skipIf(skip)(`${backend}: connect pages`, () => {
    let server: TestServer;
    let site: App;

    beforeAll(async () => {
      server = await startTestServer({ backend });
      site = await registerApp(server, { name: 'Run Around', callbackUrl: null });
      await server.services.appProperties.write(site, [
        ['connect_url', 'http://www.runaround.example/'],
        ['base_domain', 'runaround.example'],
      ]);
    });
    afterAll(() => server?.close());

    const statusPath = (params: Record<string, string>) => `/extern/login_status.php?${new URLSearchParams({ api_key: site.apiKey, extern: '2', locale: 'en_US', ...params })}`;
    const receiver = 'http://www.runaround.example/xd_receiver.htm';

    function packetOf(location: string | undefined): URLSearchParams {
      const url = new URL(location!);
      expect(url.href.startsWith(`${receiver}#fname=_parent&`), location).toBe(true);
      return new URLSearchParams(url.hash.slice(1));
    }

    it('serves the library and the receiver as cacheable JavaScript, with any query suffix', async () => {
      const browser = new Browserless(server.url);
      const loader = await browser.get('/js/api_lib/v0.4/FeatureLoader.js.php?2');
      expect(loader.status).toBe(200);
      expect(loader.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(loader.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(loader.body.startsWith(`var HEARTH_ORIGINS = {"pages":"${server.url}","api":"${server.url}"};`)).toBe(true);
      expect(loader.body).toContain('FB.Connect = {');
      const again = await fetch(`${server.url}/js/api_lib/v0.4/FeatureLoader.js.php`, { headers: { 'if-none-match': loader.headers.get('etag')! } });
      expect(again.status).toBe(304);
      for (const path of ['/js/api_lib/v0.4/XdCommReceiver.js', '/js/api_lib/v0.4/XdCommReceiver.debug.js?2']) {
        const script = await fetch(`${server.url}${path}`, { headers: { 'sec-fetch-dest': 'script' } });
        expect(script.status, path).toBe(200);
        expect(await script.text()).toContain('onReceiverLoaded');
      }
    });

    it('the permission dialog goes back to the site’s receiver, on its Connect URL host or base domain, and nowhere else', async () => {
      const person = await server.createPerson();
      await server.store.authorizations.authorize(person.uid, site.appId);
      const browser = await signedInBrowser(server, person);
      const dialog = (next: string) => browser.get(`/connect/prompt_permissions.php?${new URLSearchParams({ api_key: site.apiKey, v: '1.0', ext_perm: 'email', next })}`);
      const back = await browser.submit(await dialog(`${receiver}#fname=_opener`), { button: 'grant' });
      expect(back.status).toBe(302);
      expect(back.location).toBe(`${receiver}#fname=_opener`);
      // Granted already: straight back, to a host under the base domain too.
      const sub = await dialog('http://shop.runaround.example/xd.htm');
      expect(sub.status).toBe(302);
      expect(sub.location).toBe('http://shop.runaround.example/xd.htm');
      const elsewhere = await dialog('http://attacker.example/steal');
      expect(elsewhere.status).toBe(200);
      expect(elsewhere.location).toBeUndefined();
    });

    it('login_status.php: says who is there through the receiver, with the session JSON when connected', async () => {
      const nobody = await new Browserless(server.url).get(statusPath({ channel: receiver }));
      expect(nobody.status).toBe(302);
      expect(packetOf(nobody.location).get('state')).toBe('2');

      const person = await server.createPerson();
      const browser = await signedInBrowser(server, person);
      const notAllowed = await browser.get(statusPath({ channel: receiver }));
      expect(packetOf(notAllowed.location).get('state')).toBe('3');
      expect(packetOf(notAllowed.location).has('session')).toBe(false);

      await server.services.grants.authorize(person.uid, site);
      const connected = await browser.get(statusPath({ channel: receiver }));
      const packet = packetOf(connected.location);
      expect(packet.get('state')).toBe('1');
      const session = JSON.parse(packet.get('session')!) as SessionJson;
      expect(session).toMatchObject({ uid: String(person.uid), base_domain: 'runaround.example' });
      expect(validFbParams(cookiesFrom(site, session), site.apiKey, site.secret)?.user).toBe(String(person.uid));

      // The session the site holds is handed back while it lives; a later check does not pile up sessions.
      const again = await browser.get(statusPath({ channel: receiver, session_key: session.session_key }));
      expect((JSON.parse(packetOf(again.location).get('session')!) as SessionJson).session_key).toBe(session.session_key);
    });

    it('login_status.php: the three return URLs of later libraries', async () => {
      const urls = { ok_session: 'http://a.runaround.example/ok', no_session: 'http://a.runaround.example/none', no_user: 'http://a.runaround.example/nobody' };
      expect((await new Browserless(server.url).get(statusPath(urls))).location).toBe(urls.no_user);
      const person = await server.createPerson();
      const browser = await signedInBrowser(server, person);
      expect((await browser.get(statusPath(urls))).location).toBe(urls.no_session);
      await server.services.grants.authorize(person.uid, site);
      const ok = new URL((await browser.get(statusPath(urls))).location!);
      expect(`${ok.origin}${ok.pathname}`).toBe(urls.ok_session);
      expect(JSON.parse(ok.searchParams.get('session')!)).toMatchObject({ uid: String(person.uid) });
    });

    it('login_status.php: refuses what it cannot answer, with a page', async () => {
      const browser = new Browserless(server.url);
      const missing = await browser.get('/extern/login_status.php?channel=x');
      expect(missing.status).toBe(400);
      expect(pageText(missing.body)).toContain('api_key is missing');
      expect((await browser.get('/extern/login_status.php?api_key=nope&channel=x')).status).toBe(404);
      const outside = await browser.get(statusPath({ channel: 'http://evil.example/xd_receiver.htm' }));
      expect(outside.status).toBe(400);
      expect(pageText(outside.body)).toContain('outside Run Around');
      expect((await browser.get(statusPath({}))).status).toBe(400);
      expect((await browser.get(statusPath({ ok_session: receiver }))).status).toBe(400);
    });

    it('login.php: the library’s popup URL hands a base-domain session to the receiver on the Connect site', async () => {
      const person = await server.createPerson();
      await server.services.grants.authorize(person.uid, site);
      const browser = await signedInBrowser(server, person);
      const popup = loginPath({
        return_session: '1',
        fbconnect: '1',
        connect_display: 'popup',
        nochrome: '1',
        extern: '2',
        display: 'popup',
        api_key: site.apiKey,
        v: '1.0',
        next: `${receiver}?fb_login&fname=_opener`,
        cancel_url: `${receiver}#fname=_opener&cancel=login`,
        channel_url: receiver,
        locale: 'en_US',
      });
      const handOver = await browser.get(popup);
      expect(handOver.status).toBe(302);
      expect(handOver.location!.startsWith(`${receiver}?fb_login&fname=_opener&session=%7B`)).toBe(true);
      const session = JSON.parse(new URL(handOver.location!).searchParams.get('session')!) as SessionJson;
      expect(Object.keys(session)).toEqual(['session_key', 'uid', 'expires', 'secret', 'sig', 'base_domain']);
      expect(validFbParams(cookiesFrom(site, session), site.apiKey, site.secret)?.session_key).toBe(session.session_key);
      // Already allowed: no installed=1.
      expect(new URL(handOver.location!).searchParams.has('installed')).toBe(false);
    });

    it('login.php: perms asks like req_perms, and a channel_url or next off the site is refused', async () => {
      const person = await server.createPerson();
      await server.services.grants.authorize(person.uid, site);
      const browser = await signedInBrowser(server, person);
      const prompt = await browser.get(loginPath({ api_key: site.apiKey, v: '1.0', fbconnect: '1', return_session: '1', perms: 'email', next: receiver }));
      expect(prompt.status).toBe(200);
      expect(pageText(prompt.body)).toContain('e-mail');
      const offSite: Array<Record<string, string>> = [{ next: receiver, channel_url: 'http://evil.example/xd.htm' }, { next: 'http://runaround.example.evil.example/' }];
      for (const params of offSite) {
        const refused = await browser.get(loginPath({ api_key: site.apiKey, v: '1.0', fbconnect: '1', ...params }));
        expect(refused.status, JSON.stringify(params)).toBe(400);
        expect(pageText(refused.body)).toContain('next must be on the app');
      }
    });

    it('logout.php from the library: the site’s session ends with the sign-in, without asking, and back to the receiver', async () => {
      const person = await server.createPerson();
      await server.services.grants.authorize(person.uid, site);
      const browser = await signedInBrowser(server, person);
      const session = await server.services.sessions.createSession(site, person.uid, { withSecret: true });
      const next = `${receiver}#fname=_parent&logout=1`;
      const params = new URLSearchParams({ app_key: site.apiKey, session_key: session.sessionKey, extern: '2', next });

      // A key that is not a live session of the app: the usual question, nothing ends.
      const wrong = await browser.get(`/logout.php?${new URLSearchParams({ app_key: site.apiKey, session_key: 'nope', extern: '2', next })}`);
      expect(wrong.status).toBe(200);
      expect(pageText(wrong.body)).toContain('Sign out of Hearth?');

      const out = await browser.get(`/logout.php?${params}`);
      expect(out.status).toBe(302);
      expect(out.location).toBe(next);
      expect(await server.store.sessions.find(session.sessionKey)).toBeUndefined();
      expect(browser.cookie('hearth_login')).toBeUndefined();

      // From the site's frame without Hearth's sign-in cookie: the session named still ends.
      const other = await server.services.sessions.createSession(site, person.uid, { withSecret: true });
      const frame = await new Browserless(server.url).get(`/logout.php?${new URLSearchParams({ app_key: site.apiKey, session_key: other.sessionKey, extern: '2', next })}`);
      expect(frame.location).toBe(next);
      expect(await server.store.sessions.find(other.sessionKey)).toBeUndefined();
    });
  });
}
