/**
 * What the canvas proxy will not fetch, whatever the app's settings or the viewer's path: hosts
 * other than the callback URL's, paths outside it, private addresses the operator did not allow,
 * schemes other than http(s), and Hearth itself. A second app server on another loopback address
 * stands for "somewhere else" and must never hear a thing.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browserless, pageText } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { canvasApp, developerBrowser, startScriptedAppServer, type ScriptedAppServer } from './canvas-kit.js';

/** A GET with the path exactly as written (fetch would resolve `..` and `%2e%2e` first). */
function rawGet(origin: string, path: string, cookie?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(origin);
    const outgoing = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET', headers: cookie === undefined ? {} : { cookie } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('canvas proxy: the addresses it will not fetch', () => {
  let server: TestServer;
  let appServer: ScriptedAppServer;
  let elsewhere: ScriptedAppServer;
  beforeAll(async () => {
    [server, appServer, elsewhere] = await Promise.all([startTestServer(), startScriptedAppServer(), startScriptedAppServer('127.0.0.2')]);
  });
  afterAll(async () => {
    await server?.close();
    await appServer?.close();
    await elsewhere?.close();
  });

  it('a callback without a trailing slash cannot be extended into another host', async () => {
    const app = await canvasApp(server, appServer.origin);
    const browser = await developerBrowser(server, app);
    const port = new URL(elsewhere.origin).port;
    for (const rest of [`@127.0.0.2:${port}/`, `.evil.example/`, `:${port}@127.0.0.2/`]) {
      const page = await rawGet(server.url, `/apps/${app.canvasName}/${rest}`, `hearth_login=${browser.cookie('hearth_login')}`);
      expect(page.status, rest).toBe(502);
      expect(pageText(page.body)).toContain('is not inside the app’s callback URL');
    }
    // An ordinary path still works on that callback (concatenated as written).
    await browser.get(`/apps/${app.canvasName}/`);
    expect(appServer.received.at(-1)?.url).toBe('/');
    expect(elsewhere.received).toEqual([]);
  });

  it('a path that climbs out of the callback path is refused, however it is spelt', async () => {
    const app = await canvasApp(server, `${appServer.origin}/fb/`);
    const before = appServer.received.length;
    for (const rest of ['../admin', '%2e%2e/admin', '.%2E/admin', '..%2fadmin/../../admin']) {
      const page = await rawGet(server.url, `/apps/${app.canvasName}/${rest}`);
      expect(page.status, rest).toBe(502);
    }
    expect(appServer.received.slice(before).map((request) => request.url)).toEqual([]);
  });

  it('redirects to other hosts go to the browser, never fetched by Hearth', async () => {
    const app = await canvasApp(server, `${appServer.origin}/fb/`);
    appServer.answer = (_request, response) => response.writeHead(302, { location: `${elsewhere.origin}/internal` }).end();
    const page = await new Browserless(server.url).get(`/apps/${app.canvasName}/`);
    expect(page.status).toBe(302);
    expect(page.location).toBe(`${elsewhere.origin}/internal`);
    expect(elsewhere.received).toEqual([]);
  });

  it('loopback and private addresses only within the networks the operator allowed', async () => {
    appServer.answer = (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>fetched</p>');
    const app = await canvasApp(server, `${appServer.origin}/fb/`);
    const byName = await canvasApp(server, `http://localhost:${new URL(appServer.origin).port}/fb/`);
    const before = appServer.received.length;
    await server.services.canvas.changeSettings({ privateNetworks: 'none' });
    try {
      const page = await (await developerBrowser(server, app)).get(`/apps/${app.canvasName}/`);
      expect(page.status).toBe(502);
      expect(pageText(page.body)).toContain('leads to 127.0.0.1, an address Hearth does not fetch canvas pages from');
      const named = await (await developerBrowser(server, byName)).get(`/apps/${byName.canvasName}/`);
      expect(pageText(named.body)).toMatch(/leads to (127\.0\.0\.1|::1), an address Hearth does not fetch/);
      await server.services.canvas.changeSettings({ privateNetworks: '10.0.0.0/8' });
      expect((await new Browserless(server.url).get(`/apps/${app.canvasName}/`)).status).toBe(502);
      expect(appServer.received.length).toBe(before);
    } finally {
      await server.services.canvas.changeSettings({ privateNetworks: '127.0.0.0/8,::1' });
    }
    expect((await new Browserless(server.url).get(`/apps/${app.canvasName}/`)).status).toBe(200);
  });

  it('only http and https callbacks', async () => {
    const app = await canvasApp(server, `${appServer.origin}/fb/`);
    const developer = await developerBrowser(server, app);
    for (const callbackUrl of ['file:///etc/passwd', 'gopher://127.0.0.1:70/', 'http://user:pw@127.0.0.1/']) {
      // Written to the store directly: the CLI and admin.setAppProperties already refuse such URLs.
      await server.store.apps.update(app.appId, { callbackUrl });
      const page = await developer.get(`/apps/${app.canvasName}/`);
      expect(page.status, callbackUrl).toBe(502);
      expect(pageText(page.body)).toContain('no usable callback URL');
    }
  });

  it('a callback URL pointing at Hearth itself is answered at once, not fetched in a loop', async () => {
    const self = await canvasApp(server, `${server.url}/apps/`);
    const same = await (await developerBrowser(server, self)).get(`/apps/${self.canvasName}/`);
    expect(same.status).toBe(508);
    expect(pageText(same.body)).toContain('points at Hearth itself');
    // Under another of its names, the proxy's own mark stops it after one request.
    const aliased = await canvasApp(server, `http://localhost:${new URL(server.url).port}/apps/`);
    await server.store.apps.update(aliased.appId, { callbackUrl: `http://localhost:${new URL(server.url).port}/apps/${aliased.canvasName}/` });
    const developer = await developerBrowser(server, aliased);
    const started = Date.now();
    const page = await developer.get(`/apps/${aliased.canvasName}/`);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(page.status).toBe(502);
    expect(pageText(page.body)).toContain('answered HTTP 508');
  });
});
