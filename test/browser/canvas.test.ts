/**
 * Canvas apps in Chromium through Hearth, on both stores: a small app server of the test's own that
 * does what the 2009 PHP client's `Facebook` class does — validate_fb_params (fb_sig from POST
 * first, then GET; 48 hours; sorted `k=v` + secret, md5), require_login() with login.php's
 * `canvas=1` and current_url(), redirect() as fb:redirect inside FBML and top.location inside a
 * frame — and that calls the API with fb_sig_session_key. In FBML mode and iframe mode, a person
 * goes from the canvas page through login.php back to it, installed=1, greeted by name.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RestClient } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import { browserSuiteOnBothStores } from '../support/browser-suite.js';
import { canvasApp } from '../canvas/canvas-kit.js';

type Params = Record<string, string>;

/** The PHP client's get_valid_fb_params: the namespace's parameters if they verify and are recent. */
function validFbParams(params: Params, secret: string, namespace = 'fb_sig'): Params | undefined {
  const prefix = `${namespace}_`;
  const fbParams: Params = {};
  for (const [name, value] of Object.entries(params)) if (name.startsWith(prefix)) fbParams[name.slice(prefix.length)] = value;
  if (fbParams.time === undefined || Date.now() / 1000 - Number(fbParams.time) > 48 * 3600) return undefined;
  const base = Object.keys(fbParams)
    .sort()
    .map((name) => `${name}=${fbParams[name]}`)
    .join('');
  return params[namespace] === createHash('md5').update(base + secret).digest('hex') ? fbParams : undefined;
}

interface PhpStyleApp {
  readonly origin: string;
  close(): Promise<void>;
}

/** The app: its one page greets the person by name (users.getInfo with the canvas session), after require_login(). */
async function startPhpStyleApp(hearthUrl: string, app: () => App): Promise<PhpStyleApp> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const url = new URL(request.url ?? '/', 'http://app.invalid');
      const get = Object.fromEntries(url.searchParams);
      const post = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const { apiKey, secret } = app();
      const fbParams = validFbParams(post, secret) ?? validFbParams(get, secret) ?? {};
      const inCanvas = fbParams.in_canvas === '1';
      const inFrame = inCanvas || fbParams.in_iframe === '1';
      const send = (body: string) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      if (fbParams.user === undefined) {
        // require_login(): current_url() is this server's own URL, stale fb_sig parameters and all.
        const currentUrl = `http://${request.headers.host}${request.url}`;
        const loginBase = inCanvas ? 'http://www.facebook.com' : hearthUrl;
        const loginUrl = `${loginBase}/login.php?api_key=${apiKey}&v=1.0&next=${encodeURIComponent(currentUrl)}${inFrame ? '&canvas=1' : ''}`;
        return send(inCanvas ? `<fb:redirect url="${loginUrl.replace(/&/g, '&amp;')}"/>` : `<html><body><script type="text/javascript">top.location.href = "${loginUrl}";</script></body></html>`);
      }
      const client = new RestClient({ serverUrl: hearthUrl, apiKey, secret }).withSession({ sessionKey: fbParams.session_key! });
      const [me] = await client.call('users.getInfo', { uids: [Number(fbParams.user)], fields: ['name'] });
      const greeting = `<p id="greeting">Hello, ${String(me!.name)}! installed=${get.installed ?? ''} to=${get.to ?? ''}</p>`;
      send(inCanvas ? greeting : `<html><body>${greeting}</body></html>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

browserSuiteOnBothStores('canvas pages', (world) => {
  let fbmlApp: App;
  let iframeApp: App;
  let fbmlServer: PhpStyleApp;
  let iframeServer: PhpStyleApp;
  beforeAll(async () => {
    [fbmlServer, iframeServer] = await Promise.all([startPhpStyleApp(world.server.url, () => fbmlApp), startPhpStyleApp(world.server.url, () => iframeApp)]);
    fbmlApp = await canvasApp(world.server, `${fbmlServer.origin}/fb/`, 'fbml');
    iframeApp = await canvasApp(world.server, `${iframeServer.origin}/frame/`, 'iframe');
  });
  afterAll(async () => {
    await fbmlServer?.close();
    await iframeServer?.close();
  });

  it('FBML: require_login leads through login.php?canvas=1 and back to the canvas page, installed=1, greeted by name', async () => {
    const person = await world.server.createPerson('Grace Hopper');
    const page = await world.signedInPage(person);
    await page.goto(`${world.server.url}/apps/${fbmlApp.canvasName}/step.php?to=5`);
    await page.waitForSelector('button[name=grant]');
    expect(new URL(page.url()).pathname).toBe('/login.php');
    expect(new URL(page.url()).searchParams.get('canvas')).toBe('1');
    await page.click('button[name=grant]');
    await page.waitForSelector('#app' + fbmlApp.appId + '_canvas p');
    expect(page.url()).toBe(`${world.server.url}/apps/${fbmlApp.canvasName}/step.php?to=5&installed=1`);
    expect(await page.textContent('main')).toContain('Hello, Grace Hopper! installed=1 to=5');
    // The next visit is the app's own page at once, and installed=1 was only for the first.
    await page.goto(`${world.server.url}/apps/${fbmlApp.canvasName}/step.php?to=6`);
    expect(await page.textContent('main')).toContain('Hello, Grace Hopper! installed= to=6');
  });

  it('iframe: the frame leaves for login.php?canvas=1, and the canvas page frames the app again with the person’s session', async () => {
    const person = await world.server.createPerson('Alan Turing');
    const page = await world.signedInPage(person, { javaScript: true });
    await page.goto(`${world.server.url}/apps/${iframeApp.canvasName}/?to=7`);
    await page.waitForSelector('button[name=grant]');
    const login = new URL(page.url());
    expect(login.pathname).toBe('/login.php');
    expect(login.searchParams.get('next')).toContain('fb_sig_in_iframe=1');
    await page.click('button[name=grant]');
    await page.waitForURL(`${world.server.url}/apps/${iframeApp.canvasName}/?to=7&installed=1`);
    const greeting = page.frameLocator('iframe[name=iframe_canvas]').locator('#greeting');
    expect(await greeting.textContent()).toBe('Hello, Alan Turing! installed=1 to=7');
  });
});
