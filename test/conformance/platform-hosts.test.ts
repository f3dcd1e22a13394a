/**
 * The platform's host names (docs/platform-hosts.md): requests whose Host is api.facebook.com,
 * www.facebook.com, apps.facebook.com … reach what Hearth serves for them, and `--proxy-port`'s
 * forward proxy answers those names in-process and refuses every other. The server is the one
 * `hearth serve` runs (runServer), on SQLite: routing happens before any store is touched.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_CONFIG, type ServerConfig } from '../../src/config/server-config.js';
import { runServer, type RunningServer } from '../../src/http/run-server.js';
import { PLATFORM_HOSTS } from '../../src/http/platform-hosts.js';
import { STYLESHEET_PATH } from '../../src/http/page-kit/stylesheet.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { startScriptedAppServer, type ScriptedAppServer } from '../canvas/canvas-kit.js';
import { addSig, encode, formatArg, type Format, type Pairs } from './protocol-helpers.js';

const TLS_DIR = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));
const LIMITS = { requestTimeoutSeconds: 2, headersTimeoutSeconds: 1 };
const API_HOSTS = [...PLATFORM_HOSTS].filter(([, role]) => role === 'api').map(([name]) => name);

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let dir: string;
let hearth: RunningServer;
/** A second Hearth that serves https too, for CONNECT. */
let hearthTls: RunningServer;
let app: App;
let ada: Person;
/** The canvas app `hearthdemo`'s own server: what it receives shows which canvas page was asked for. */
let appServer: ScriptedAppServer;

/** The path the app's server was asked for by the last canvas request. */
function lastAppPath(): string | undefined {
  return appServer.received.at(-1)?.url;
}

function portOf(url: string | undefined): number {
  return Number(new URL(url!).port);
}

async function start(name: string, extra: Partial<ServerConfig>): Promise<RunningServer> {
  const config: ServerConfig = { ...DEFAULT_SERVER_CONFIG, ...LIMITS, db: `sqlite:${join(dir, `${name}.db`)}`, port: 0, proxyPort: 0, logLevel: 'silent', ...extra };
  return runServer(config);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hearth-hosts-'));
  [hearth, hearthTls] = await Promise.all([
    start('plain', {}),
    start('tls', { tls: { port: 0, certFile: join(TLS_DIR, 'cert.pem'), keyFile: join(TLS_DIR, 'key.pem') } }),
  ]);
  app = await hearth.services.apps.register({ name: 'Hosts App', type: 'web', callbackUrl: 'http://app.example.org/callback/' });
  appServer = await startScriptedAppServer();
  await hearth.services.canvas.changeSettings({ privateNetworks: '127.0.0.0/8,::1' });
  const demo = await hearth.services.apps.register({ name: 'Hearth Demo', type: 'web', callbackUrl: `${appServer.origin}/fb/` });
  await hearth.services.canvas.configure(demo, { canvasName: 'hearthdemo', mode: 'fbml' });
  ada = await hearth.services.people.register({ email: 'ada@example.org', password: 'correct horse', name: 'Ada Lovelace' });
  await hearth.store.authorizations.authorize(ada.uid, app.appId);
});
afterAll(async () => {
  await Promise.all([hearth?.close(), hearthTls?.close(), appServer?.close()]);
  await rm(dir, { recursive: true, force: true });
});

/** One request on a fresh connection; `path` may be an absolute URI (a proxy request). */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** Sends raw bytes and reads until the server closes (or `timeoutMs` pass). */
function raw(port: number, bytes: string, timeoutMs = 5000): Promise<{ text: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let text = '';
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closedAfterMs: Date.now() - started });
    });
  });
}

/** users.getStandardInfo for Ada, signed with the app secret: its profile_url shows the origin of generated URLs. */
function standardInfoCall(format: Format): string {
  const pairs: Pairs = [['method', 'users.getStandardInfo'], ['api_key', app.apiKey], ['v', '1.0'], ['uids', String(ada.uid)], ['fields', 'name,profile_url'], ...formatArg(format)];
  return encode(addSig(app.secret, pairs, pairs));
}

function expectStandardInfo(answer: Answer, format: Format, origin: string): void {
  expect(answer.status, answer.body).toBe(200);
  const profileUrl = `${origin}/profile.php?id=${ada.uid}`;
  if (format === 'json') {
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toEqual([{ uid: ada.uid, name: 'Ada Lovelace', profile_url: profileUrl }]);
  } else {
    expect(answer.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(answer.body).toContain(`<users_getStandardInfo_response `);
    expect(answer.body).toContain(`<name>Ada Lovelace</name>\n    <profile_url>${profileUrl}</profile_url>`);
  }
}

const post = (port: number, path: string, host: string, body: string) =>
  send(port, { method: 'POST', path, headers: { host, 'content-type': 'application/x-www-form-urlencoded' }, body });

describe('Host routing on Hearth’s own port', () => {
  for (const format of ['xml', 'json'] as const) {
    it(`every API host name answers the API at /restserver.php, its links on www.facebook.com (${format})`, async () => {
      const port = portOf(hearth.httpUrl);
      for (const host of API_HOSTS) expectStandardInfo(await post(port, '/restserver.php', host, standardInfoCall(format)), format, 'http://www.facebook.com');
      // Hearth's own name keeps its own links.
      expectStandardInfo(await post(port, '/restserver.php', `127.0.0.1:${port}`, standardInfoCall(format)), format, `http://127.0.0.1:${port}`);
    });
  }

  it('an API host answers at any path ending in /restserver.php, in any case and with a port; other hosts do not', async () => {
    const port = portOf(hearth.httpUrl);
    expectStandardInfo(await post(port, '/server/1.0/restserver.php', 'API-Read.Facebook.com:80', standardInfoCall('xml')), 'xml', 'http://www.facebook.com:80');
    const get = await send(port, { path: `/restserver.php?${standardInfoCall('json')}`, headers: { host: 'api.facebook.com' } });
    expectStandardInfo(get, 'json', 'http://www.facebook.com');
    for (const host of [`127.0.0.1:${port}`, 'example.org', 'api.facebook.com.example.org']) {
      const elsewhere = await post(port, '/server/1.0/restserver.php', host, standardInfoCall('xml'));
      expect(elsewhere.status, host).toBe(404);
      expect(elsewhere.body).toContain('Hearth has no page at this address.');
    }
  });

  it('www., login. and www.connect.facebook.com serve the same pages at the same paths', async () => {
    const port = portOf(hearth.httpUrl);
    const own = await send(port, { path: `/login.php?api_key=${app.apiKey}&v=1.0`, headers: { host: `127.0.0.1:${port}` } });
    expect(own.status).toBe(200);
    expect(own.body).toContain('Hosts App');
    for (const host of ['www.facebook.com', 'login.facebook.com', 'www.connect.facebook.com']) {
      const page = await send(port, { path: `/login.php?api_key=${app.apiKey}&v=1.0`, headers: { host } });
      expect(page.status, host).toBe(200);
      expect(page.body).toContain('Hosts App');
      expect(page.body).toContain('<form');
    }
  });

  it('the static hosts serve the same paths as Hearth’s own name', async () => {
    const port = portOf(hearth.httpUrl);
    const own = await send(port, { path: STYLESHEET_PATH, headers: { host: `127.0.0.1:${port}` } });
    expect(own.status).toBe(200);
    for (const host of ['static.ak.connect.facebook.com', 'static.ak.facebook.com', 'ssl.connect.facebook.com']) {
      const sheet = await send(port, { path: STYLESHEET_PATH, headers: { host } });
      expect(sheet.status, host).toBe(200);
      expect(sheet.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(sheet.body).toBe(own.body);
    }
  });

  it('apps.facebook.com/NAME/… is the canvas page /apps/NAME/…, query kept byte for byte; Hearth’s own paths stay as they are', async () => {
    const port = portOf(hearth.httpUrl);
    const canvas = (path: string) => send(port, { path, headers: { host: 'apps.facebook.com' } });
    expect((await canvas('/hearthdemo/')).status).toBe(200);
    expect(lastAppPath()).toBe('/fb/');
    expect((await canvas('/hearthdemo/step.php?to=500000002&x=%41+b')).body).toContain('The app at /fb/step.php');
    expect(lastAppPath()).toBe('/fb/step.php?to=500000002&x=%41+b');
    const bare = await canvas('/HearthDemo');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/apps/HearthDemo/');
    // A link that already names /apps/ is not prefixed twice.
    await canvas('/apps/hearthdemo/a/b/');
    expect(lastAppPath()).toBe('/fb/a/b/');

    // The chrome around a canvas page links to /profile.php, /hearth.css …: those are Hearth's pages there too.
    const profile = await send(port, { path: `/profile.php?id=${ada.uid}`, headers: { host: 'apps.facebook.com' } });
    const ownProfile = await send(port, { path: `/profile.php?id=${ada.uid}`, headers: { host: `127.0.0.1:${port}` } });
    expect(profile.status).toBe(ownProfile.status);
    expect(profile.body).not.toContain('The app at');
    expect((await send(port, { path: STYLESHEET_PATH, headers: { host: 'apps.facebook.com' } })).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('any other Host is served as before: no canvas prefix, no API at other paths', async () => {
    const port = portOf(hearth.httpUrl);
    expect((await send(port, { path: '/nosuchapp/', headers: { host: 'apps.facebook.com' } })).body).toContain('No such application');
    for (const host of ['example.org', 'facebook.com', 'apps.facebook.com.example.org', `127.0.0.1:${port}`]) {
      // Under apps.facebook.com this would be the canvas page /apps/nosuchapp/ ("No such application").
      const page = await send(port, { path: '/nosuchapp/', headers: { host } });
      expect(page.status, host).toBe(404);
      expect(page.body).toContain('Hearth has no page at this address.');
    }
  });
});

describe('the forward proxy (--proxy-port)', () => {
  const proxyPort = () => portOf(hearth.proxyUrl);

  for (const format of ['xml', 'json'] as const) {
    it(`answers an absolute-URI call to api.facebook.com as Hearth itself would, GET and POST (${format})`, async () => {
      const call = standardInfoCall(format);
      expectStandardInfo(await send(proxyPort(), { path: `http://api.facebook.com/restserver.php?${call}`, headers: { host: 'api.facebook.com' } }), format, 'http://www.facebook.com');
      const posted = await send(proxyPort(), {
        method: 'POST',
        path: 'http://api.facebook.com/restserver.php',
        headers: { host: 'api.facebook.com', 'content-type': 'application/x-www-form-urlencoded', 'proxy-connection': 'keep-alive' },
        body: call,
      });
      expectStandardInfo(posted, format, 'http://www.facebook.com');
    });
  }

  it('serves pages and canvas links through it as on the host names', async () => {
    const login = await send(proxyPort(), { path: `http://www.facebook.com/login.php?api_key=${app.apiKey}&v=1.0` });
    expect(login.status).toBe(200);
    expect(login.body).toContain('Hosts App');
    const canvas = await send(proxyPort(), { path: 'http://apps.facebook.com/hearthdemo/step.php?to=1' });
    expect(canvas.status).toBe(200);
    expect(lastAppPath()).toBe('/fb/step.php?to=1');
  });

  it('the URL’s host wins over the Host header: a platform URL is answered, any other URL refused, whatever Host says', async () => {
    expectStandardInfo(
      await send(proxyPort(), { path: `http://api.facebook.com/restserver.php?${standardInfoCall('xml')}`, headers: { host: 'example.org' } }),
      'xml',
      'http://www.facebook.com',
    );
    const refused = await send(proxyPort(), { path: 'http://example.org/restserver.php', headers: { host: 'api.facebook.com' } });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('it does not forward requests to example.org.');
  });

  it('never forwards: any other host gets 403 with a clear text body, and nothing is contacted', async () => {
    let contacted = 0;
    const bystander: Server = createServer((_request, response) => {
      contacted += 1;
      response.end('forwarded');
    });
    await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
    const bystanderPort = (bystander.address() as net.AddressInfo).port;
    try {
      for (const url of [`http://127.0.0.1:${bystanderPort}/`, `http://localhost:${bystanderPort}/restserver.php`, 'http://example.com/', 'http://api.facebook.com.evil.example/restserver.php', 'http://facebook.com/']) {
        const answer = await send(proxyPort(), { path: url });
        expect(answer.status, url).toBe(403);
        expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(answer.body).toMatch(/^Hearth's proxy answers only for the platform's host names \(api\.facebook\.com, .*\); it does not forward requests to \S+\.\n$/);
      }
      const connect = await raw(proxyPort(), `CONNECT 127.0.0.1:${bystanderPort} HTTP/1.1\r\nHost: 127.0.0.1:${bystanderPort}\r\n\r\n`);
      expect(connect.text).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
      expect(contacted).toBe(0);
    } finally {
      await new Promise((resolve) => bystander.close(resolve));
    }
  });

  it('a request without an absolute URI, or for another scheme, is 400 with what to do', async () => {
    const relative = await send(proxyPort(), { path: '/restserver.php', headers: { host: 'api.facebook.com' } });
    expect(relative.status).toBe(400);
    expect(relative.body).toBe('This is a proxy port: send absolute URLs, such as GET http://api.facebook.com/restserver.php (set http_proxy to this address).\n');
    const https = await send(proxyPort(), { path: 'https://api.facebook.com/restserver.php' });
    expect(https.status).toBe(400);
    expect(https.body).toContain('https URLs go through CONNECT');
    expect((await send(proxyPort(), { path: 'ftp://api.facebook.com/' })).status).toBe(400);
    expect((await send(proxyPort(), { path: 'http://user@api.facebook.com/restserver.php' })).status).toBe(400);
  });

  it('CONNECT to a platform host is refused with a reason where Hearth serves no https', async () => {
    const answer = await raw(proxyPort(), 'CONNECT api.facebook.com:443 HTTP/1.1\r\nHost: api.facebook.com:443\r\n\r\n');
    expect(answer.text).toMatch(/^HTTP\/1\.1 501 Not Implemented\r\n/);
    expect(answer.text).toContain('Hearth serves no https here, so this proxy cannot take CONNECT');
  });

  it('CONNECT api.facebook.com:443 where Hearth serves https ends in Hearth’s own TLS server; other ports are refused', async () => {
    const port = portOf(hearthTls.proxyUrl);
    const tunnel = await new Promise<net.Socket>((resolve, reject) => {
      const connect = httpRequest({ host: '127.0.0.1', port, method: 'CONNECT', path: 'api.facebook.com:443', agent: false });
      connect.on('connect', (response, socket) => (response.statusCode === 200 ? resolve(socket) : reject(new Error(`CONNECT answered ${response.statusCode}`))));
      connect.on('error', reject);
      connect.end();
    });
    const secure = tls.connect({ socket: tunnel, servername: 'api.facebook.com', rejectUnauthorized: false });
    const text = await new Promise<string>((resolve, reject) => {
      let received = '';
      secure.on('secureConnect', () => secure.write('GET /restserver.php?method=users.isAppUser HTTP/1.1\r\nHost: api.facebook.com\r\nConnection: close\r\n\r\n'));
      secure.on('data', (chunk) => (received += chunk.toString('utf8')));
      secure.on('end', () => resolve(received));
      secure.on('error', reject);
    });
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    // Over https, as the client asked: the answer says so.
    expect(text.toLowerCase()).toContain('strict-transport-security: max-age=31536000');
    expect(text).toContain('<error_code>101</error_code>');

    const otherPort = await raw(port, 'CONNECT api.facebook.com:8443 HTTP/1.1\r\nHost: api.facebook.com:8443\r\n\r\n');
    expect(otherPort.text).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
  });

  it('malformed requests get 400 and a close; a slow client is cut off by the timeouts', async () => {
    const garbage = await raw(proxyPort(), 'this is not http\r\n\r\n');
    expect(garbage.text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(garbage.text).toContain('This is not an HTTP request this proxy can read.');

    const huge = await raw(proxyPort(), `GET http://api.facebook.com/restserver.php HTTP/1.1\r\nHost: api.facebook.com\r\nX-Padding: ${'a'.repeat(17 * 1024)}\r\n\r\n`);
    expect(huge.text).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);

    const slow = await raw(proxyPort(), 'GET http://api.facebook.com/restserver.php HTTP/1.1\r\nHost: api.facebook.com\r\n', 6000);
    expect(slow.closedAfterMs).toBeLessThan(LIMITS.requestTimeoutSeconds * 1000 + 2000);
    expect(slow.text).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });

  it('a body larger than the limit gets the API’s own error, and the proxy keeps serving', async () => {
    const big = 'x'.repeat(DEFAULT_SERVER_CONFIG.bodyLimit + 10);
    const answer = await send(proxyPort(), {
      method: 'POST',
      path: 'http://api.facebook.com/restserver.php',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `method=users.getInfo&junk=${big}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain(`<error_msg>Invalid parameter (request body: larger than ${DEFAULT_SERVER_CONFIG.bodyLimit} bytes)</error_msg>`);
    expectStandardInfo(await send(proxyPort(), { path: `http://api.facebook.com/restserver.php?${standardInfoCall('xml')}` }), 'xml', 'http://www.facebook.com');
  });
});
