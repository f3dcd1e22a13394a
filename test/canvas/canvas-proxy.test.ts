/**
 * Canvas pages through a real Hearth server on both stores, against an app server of the test's
 * own: what reaches the app for each kind of viewer, POST and query forwarding, the addresses,
 * the cookie jar, what each kind of answer becomes, and iframe pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText } from '../support/browserless.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { signedInBrowser } from '../pages/page-kit.js';
import { canvasApp, developerBrowser, phpValidatesFbSig, startScriptedAppServer, type ScriptedAppServer } from './canvas-kit.js';

const STORES = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

for (const { backend, skip } of STORES) {
  describe.skipIf(skip)(`${backend}: canvas pages`, () => {
    let server: TestServer;
    let appServer: ScriptedAppServer;
    let app: App;
    let person: Person;
    let friend: Person;
    beforeAll(async () => {
      [server, appServer] = await Promise.all([startTestServer({ backend }), startScriptedAppServer()]);
      app = await canvasApp(server, `${appServer.origin}/fb/`);
      [person, friend] = await Promise.all([server.createPerson('Ada Lovelace'), server.createPerson('Charles Babbage')]);
      await server.services.friends.addDirectly(person.uid, friend.uid);
    });
    afterAll(async () => {
      await server?.close();
      await appServer?.close();
    });
    const base = () => `/apps/${app.canvasName}/`;
    const last = () => appServer.received.at(-1)!;
    const lastParams = () => Object.fromEntries(last().fields);

    it('a visitor: POST to the callback URL with the logged-out set, signed as the PHP client checks it, and the page rendered in the chrome', async () => {
      const page = await new Browserless(server.url).get(base());
      expect(page.status).toBe(200);
      expect(pageText(page.body)).toContain('The app at /fb/');
      expect(pageText(page.body)).toContain('Hearth Demo');
      expect(last().method).toBe('POST');
      expect(last().url).toBe('/fb/');
      expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
      const params = lastParams();
      expect(phpValidatesFbSig(params, app.secret)).toBe(true);
      expect(params).toMatchObject({ fb_sig_in_canvas: '1', fb_sig_request_method: 'GET', fb_sig_logged_out_facebook: '1', fb_sig_added: '0', fb_sig_api_key: app.apiKey, fb_sig_app_id: String(app.appId) });
      expect(params.fb_sig_user).toBeUndefined();
      expect(Number(params.fb_sig_time)).toBeCloseTo(Date.now() / 1000, -1);
      expect(params.fb_sig_time).toMatch(/^\d{10}\.\d{4}$/);
    });

    it('a person who has not authorized the app: added=0, no user, no session, not logged out', async () => {
      const browser = await signedInBrowser(server, person);
      await browser.get(base());
      const params = lastParams();
      expect(phpValidatesFbSig(params, app.secret)).toBe(true);
      expect(params.fb_sig_added).toBe('0');
      expect(params.fb_sig_logged_out_facebook).toBeUndefined();
      expect(params.fb_sig_user).toBeUndefined();
      expect(params.fb_sig_session_key).toBeUndefined();
    });

    it('an app user: user, friends, a session key the app can call the API with, its expiry, permissions; no session secret on FBML', async () => {
      await server.services.grants.authorize(person.uid, app);
      const browser = await signedInBrowser(server, person);
      await browser.get(base());
      const params = lastParams();
      expect(phpValidatesFbSig(params, app.secret)).toBe(true);
      expect(params).toMatchObject({ fb_sig_added: '1', fb_sig_user: String(person.uid), fb_sig_friends: String(friend.uid), fb_sig_ext_perms: '' });
      expect(params.fb_sig_ss).toBeUndefined();
      expect(Number(params.fb_sig_expires)).toBeGreaterThan(Date.now() / 1000);
      const uid = await server.client(app).withSession({ sessionKey: params.fb_sig_session_key! }).call('users.getLoggedInUser', {});
      expect(String(uid)).toBe(String(person.uid));
      // The next page view reuses the session rather than making one per view.
      await browser.get(base());
      expect(lastParams().fb_sig_session_key).toBe(params.fb_sig_session_key);
    });

    it('after offline_access is granted, the same session key comes with fb_sig_expires=0 and offline_access in ext_perms', async () => {
      const user = await server.createPerson();
      await server.services.grants.authorize(user.uid, app);
      const browser = await signedInBrowser(server, user);
      await browser.get(base());
      const before = lastParams();
      expect(Number(before.fb_sig_expires)).toBeGreaterThan(0);
      await server.services.permissions.grant(user.uid, app, ['offline_access']);
      await browser.get(base());
      const after = lastParams();
      expect(phpValidatesFbSig(after, app.secret)).toBe(true);
      expect(after).toMatchObject({ fb_sig_session_key: before.fb_sig_session_key, fb_sig_expires: '0', fb_sig_ext_perms: 'offline_access' });
    });

    it('forwards a form POST (fields first, then the signed set, request_method=POST), dropping every field the app would take for the platform’s', async () => {
      const browser = new Browserless(server.url);
      await browser.post(`${base()}step.php?to=5`, [
        ['message', 'hello there'],
        ['ids[]', '1'],
        ['ids[]', '2'],
        ['fb_sig_user', '1'],
        ['fb.sig_added', '1'],
        ['fb_sig', 'forged'],
        ['fb_post_sig_user', '1'],
      ]);
      expect(last().url).toBe('/fb/step.php?to=5');
      const fields = last().fields;
      expect(fields.slice(0, 3)).toEqual([['message', 'hello there'], ['ids[]', '1'], ['ids[]', '2']]);
      expect(fields.filter(([name]) => name === 'fb_sig_user' || name === 'fb.sig_added' || name === 'fb_post_sig_user')).toEqual([]);
      const params = Object.fromEntries(fields);
      expect(params.fb_sig_request_method).toBe('POST');
      expect(phpValidatesFbSig(params, app.secret)).toBe(true);
    });

    it('passes path and query through byte for byte, without the platform’s parameters or fb_force_mode', async () => {
      const browser = new Browserless(server.url);
      await browser.get(`${base()}a/b/?x=1&y=%2F%20&fb_sig_user=7&fb%5Fsig_added=1&fb_force_mode=fbml&z`);
      expect(last().url).toBe('/fb/a/b/?x=1&y=%2F%20&z');
    });

    it('answers 301 to the name with a slash (keeping the query), and the same page at /NAME/', async () => {
      const browser = new Browserless(server.url);
      const bare = await browser.get(`/apps/${app.canvasName}?to=5`);
      expect(bare.status).toBe(301);
      expect(bare.location).toBe(`${server.url}/apps/${app.canvasName}/?to=5`);
      const upper = await browser.get(`/apps/${app.canvasName!.toUpperCase()}/x.php`);
      expect(upper.status).toBe(200);
      expect(last().url).toBe('/fb/x.php');
      const top = await browser.get(`/${app.canvasName}/y.php`);
      expect(top.status).toBe(200);
      expect(last().url).toBe('/fb/y.php');
      expect((await browser.get(`/${app.canvasName}`)).status).toBe(301);
    });

    it('says there is no such application for an unknown name, and leaves other paths to Hearth’s own 404', async () => {
      const browser = new Browserless(server.url);
      const before = appServer.received.length;
      const unknown = await browser.get('/apps/nosuchcanvas/');
      expect(unknown.status).toBe(404);
      expect(pageText(unknown.body)).toContain('No such application');
      const top = await browser.get('/nosuchcanvas/page.php');
      expect(top.status).toBe(404);
      expect(pageText(top.body)).toContain('Hearth has no page at this address');
      expect((await browser.get('/apps/no.dots/')).status).toBe(404);
      expect(appServer.received.length).toBe(before);
    });

    it('keeps the cookies the app sets, per viewer, and sends them back on the next requests', async () => {
      appServer.answer = (request, response) => {
        response.setHeader('set-cookie', ['PHPSESSID=abc123; path=/', 'deep=1; Path=/fb/deep/', 'gone=1; Max-Age=0']);
        response.writeHead(200, { 'content-type': 'text/html' }).end('<p>cookies set</p>');
      };
      const visitor = new Browserless(server.url);
      const first = await visitor.get(`${base()}`);
      expect(first.status).toBe(200);
      expect(visitor.cookie('hearth_canvas')).toMatch(/^[0-9a-f]{32}$/);
      appServer.answer = (request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>again</p>');
      await visitor.get(`${base()}deep/page.php`);
      expect(last().headers.cookie).toBe('deep=1; PHPSESSID=abc123');
      await visitor.get(`${base()}other.php`);
      expect(last().headers.cookie).toBe('PHPSESSID=abc123');
      // Another browser has a jar of its own.
      await new Browserless(server.url).get(base());
      expect(last().headers.cookie).toBeUndefined();
    });

    it('turns a failing app into a clear page: status, empty, not a page, too large; the reason only for its developers', async () => {
      const browser = await developerBrowser(server, app);
      appServer.answer = (_request, response) => response.writeHead(500, { 'content-type': 'text/html' }).end('<p>Fatal error: secret stack</p>');
      const failed = await browser.get(base());
      expect(failed.status).toBe(502);
      expect(pageText(failed.body)).toContain('There are still a few kinks');
      expect(pageText(failed.body)).toContain('answered HTTP 500');
      expect(failed.body).not.toContain('secret stack');
      // Anyone else gets the apology alone: the app's addresses and answers are its developers' business.
      const visitor = await new Browserless(server.url).get(base());
      expect(visitor.status).toBe(502);
      expect(pageText(visitor.body)).toContain('There are still a few kinks');
      expect(pageText(visitor.body)).not.toContain('answered HTTP');
      expect(visitor.body).not.toContain(appServer.origin);
      appServer.answer = (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end();
      expect(pageText((await browser.get(base())).body)).toContain('answered with no content');
      appServer.answer = (_request, response) => response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0, 1, 2, 255]));
      expect(pageText((await browser.get(base())).body)).toContain('answered application/octet-stream, which is not a page');
      appServer.answer = (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(2 * 1024 * 1024 + 1));
      expect(pageText((await browser.get(base())).body)).toContain('answered more than 2 MB');
      appServer.answer = (_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('nope');
      expect(pageText((await browser.get(base())).body)).toContain('answered HTTP 404');
    });

    it('gives up on a slow app at the operator’s timeout, with a timeout page', async () => {
      await server.services.canvas.changeSettings({ timeoutMs: 400 });
      try {
        appServer.answer = (_request, response) => void setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>late</p>'), 1_500);
        const developer = await developerBrowser(server, app);
        const started = Date.now();
        const page = await developer.get(base());
        expect(Date.now() - started).toBeLessThan(1_200);
        expect(page.status).toBe(504);
        expect(pageText(page.body)).toContain('did not respond within 0.4 seconds');
        // Headers sent, then the body never ends: the same deadline.
        appServer.answer = (_request, response) => {
          response.writeHead(200, { 'content-type': 'text/html' });
          response.write('<p>start');
        };
        expect((await new Browserless(server.url).get(base())).status).toBe(504);
      } finally {
        await server.services.canvas.changeSettings({ timeoutMs: 12_000 });
      }
    });

    it('says so when the app is down', async () => {
      const gone = await startScriptedAppServer();
      await gone.close();
      const down = await canvasApp(server, `${gone.origin}/fb/`);
      const page = await (await developerBrowser(server, down)).get(`/apps/${down.canvasName}/`);
      expect(page.status).toBe(502);
      expect(pageText(page.body)).toContain('did not respond (ECONNREFUSED)');
    });

    it('follows redirects inside the callback URL as signed GETs, at most five, and hands others to the browser', async () => {
      appServer.answer = (request, response) => {
        if (request.url === '/fb/start.php') return void response.writeHead(302, { location: '/fb/next.php?step=2' }).end();
        if (request.url.startsWith('/fb/loop')) return void response.writeHead(302, { location: `/fb/loop${request.url.length}` }).end();
        if (request.url === '/fb/away.php') return void response.writeHead(301, { location: 'http://www.facebook.com/login.php?api_key=k&canvas=1' }).end();
        if (request.url === '/fb/elsewhere.php') return void response.writeHead(302, { location: 'http://other.example.org/page' }).end();
        if (request.url === '/fb/script.php') return void response.writeHead(302, { location: 'javascript:alert(1)' }).end();
        response.writeHead(200, { 'content-type': 'text/html' }).end(`<p>landed on ${request.url}</p>`);
      };
      const browser = await developerBrowser(server, app);
      const followed = await browser.post(`${base()}start.php`, { a: '1' });
      expect(pageText(followed.body)).toContain('landed on /fb/next.php?step=2');
      const hop = Object.fromEntries(last().fields);
      expect(hop.fb_sig_request_method).toBe('GET');
      expect(hop.a).toBeUndefined();
      expect(phpValidatesFbSig(hop, app.secret)).toBe(true);
      const loop = await browser.get(`${base()}loop`);
      expect(pageText(loop.body)).toContain('caused too many redirections');
      const away = await browser.get(`${base()}away.php`);
      expect(away.status).toBe(302);
      expect(away.location).toBe(`${server.url}/login.php?api_key=k&canvas=1`);
      const elsewhere = await browser.get(`${base()}elsewhere.php`);
      expect(elsewhere.location).toBe('http://other.example.org/page');
      const script = await browser.get(`${base()}script.php`);
      expect(script.status).toBe(502);
      expect(script.location).toBeUndefined();
    });

    it('fb:redirect sends the browser on: callback URLs become canvas URLs, www.facebook.com pages Hearth’s own', async () => {
      const browser = new Browserless(server.url);
      appServer.answer = (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(`<fb:redirect url="${appServer.origin}/fb/done.php?x=1"/>`);
      expect((await browser.get(base())).location).toBe(`${server.url}${base()}done.php?x=1`);
      appServer.answer = (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<fb:redirect url="http://www.facebook.com/login.php?api_key=k&amp;v=1.0&amp;canvas=1"/>');
      expect((await browser.get(base())).location).toBe(`${server.url}/login.php?api_key=k&v=1.0&canvas=1`);
      // A redirect a browser must not follow is dropped: the page is shown, and nobody is sent anywhere.
      appServer.answer = (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<fb:redirect url="javascript:alert(1)"/><p>stayed</p>');
      const refused = await browser.get(base());
      expect(refused.location).toBeUndefined();
      expect(refused.body).not.toContain('javascript:');
    });

    it('shows other text answers as sent, in a sandbox, and renders FBML safely', async () => {
      const browser = new Browserless(server.url);
      appServer.answer = (_request, response) => response.writeHead(200, { 'content-type': 'text/css' }).end('body { color: red }');
      const raw = await browser.get(`${base()}style.css`);
      expect(raw.body).toBe('body { color: red }');
      expect(raw.headers.get('content-security-policy')).toMatch(/^sandbox;/);
      appServer.answer = (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<p onclick="steal()">Hi<script>steal()</script></p><img src="javascript:x">');
      const page = await browser.get(base());
      expect(page.body).toContain('Hi');
      expect(page.body).not.toMatch(/steal|javascript:/);
    });

    it('fb:iframe gets a signed set: the person’s own parameters only inside the callback URL’s domain', async () => {
      // Named `localhost`, so that the frame is not on the host name Hearth is reached by (which the renderer refuses).
      const local = `http://localhost:${new URL(appServer.origin).port}`;
      const framing = await canvasApp(server, `${local}/fb/`);
      await server.services.grants.authorize(person.uid, framing);
      const browser = await signedInBrowser(server, person);
      appServer.answer = (_request, response) =>
        response.writeHead(200, { 'content-type': 'text/html' }).end(`<fb:iframe src="${local}/fb/inner.php"/><fb:iframe src="http://other.example.org/widget"/>`);
      try {
        const page = await browser.get(`/apps/${framing.canvasName}/`);
        const sources = [...page.body.matchAll(/<iframe[^>]* src="([^"]*)"/g)].map((match) => new URL(match[1]!.replace(/&amp;/g, '&')));
        expect(sources.map((src) => src.origin)).toEqual([local, 'http://other.example.org']);
        const [inside, outside] = sources.map((src) => Object.fromEntries(src.searchParams));
        expect(phpValidatesFbSig(inside!, framing.secret)).toBe(true);
        expect(inside).toMatchObject({ fb_sig_in_iframe: '1', fb_sig_user: String(person.uid) });
        expect(inside!.fb_sig_ss).toMatch(/^[0-9a-f]{32}$/);
        expect(phpValidatesFbSig(outside!, framing.secret)).toBe(true);
        expect(outside!.fb_sig_user).toBeUndefined();
        expect(outside!.fb_sig_session_key).toBeUndefined();
        expect(outside!.fb_sig_ss).toBeUndefined();
      } finally {
        appServer.answer = (request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(`<p>The app at ${request.url}</p>`);
      }
    });

    it('iframe apps: a frame whose src is the callback URL with the query and a signed set, session secret included', async () => {
      const framed = await canvasApp(server, `${appServer.origin}/frame/`, 'iframe');
      await server.services.grants.authorize(person.uid, framed);
      const before = appServer.received.length;
      const browser = await signedInBrowser(server, person);
      const page = await browser.get(`/apps/${framed.canvasName}/step.php?to=5&fb_sig_user=1`);
      expect(page.status).toBe(200);
      expect(appServer.received.length).toBe(before);
      const src = /<iframe[^>]* src="([^"]*)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
      expect(src).toMatch(new RegExp(`^${appServer.origin}/frame/step\\.php\\?to=5&fb_sig_in_iframe=1&`));
      const params = Object.fromEntries(new URL(src!).searchParams);
      expect(phpValidatesFbSig(params, framed.secret)).toBe(true);
      expect(params).toMatchObject({ fb_sig_added: '1', fb_sig_user: String(person.uid) });
      expect(params.fb_sig_ss).toMatch(/^[0-9a-f]{32}$/);
      expect(params.fb_sig_in_canvas).toBeUndefined();
      expect(page.headers.get('content-security-policy')).toContain(`frame-src ${appServer.origin}`);
      // fb_force_mode=fbml renders the same app through the proxy for one page.
      const forced = await browser.get(`/apps/${framed.canvasName}/?fb_force_mode=fbml`);
      expect(last().url).toBe('/frame/');
      expect(Object.fromEntries(last().fields).fb_sig_in_canvas).toBe('1');
      expect(forced.body).not.toContain('<iframe');
    });
  });
}
