/**
 * data.getCookies on both backends: the `cookies` items in a list root in XML and the array in JSON,
 * byte for byte; all of a person's cookies by name and path, one name with `name` or pyfacebook's
 * `string`; expired ones left out; what the app's canvas answers set; whose jar a call reaches, and
 * every error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInSession } from '../support/sessions.js';
import { signedInBrowser } from '../pages/page-kit.js';
import { answers, BACKENDS, call, cookieCast, DECL, fails, NS, sessionSecretClients, xmlOf, type CookieCast } from './cookies.setup.js';

const METHOD = 'data.getCookies';
const FUTURE = 2_000_000_000;

describe.each(BACKENDS)('$backend: data.getCookies', ({ backend, skip }) => {
  let cast: CookieCast;
  beforeAll(async () => {
    if (skip) return;
    cast = await cookieCast(backend);
    const { ada } = cast;
    for (const [name, value, path] of [['theme', 'dark', '/'], ['lang', 'en', '/deep/'], ['lang', 'fr', '/']] as const) {
      await call(cast.app, 'data.setCookie', { uid: ada.uid, name, value, path, expires: FUTURE }, 'json');
    }
  });
  afterAll(() => cast?.close());
  const names = async (args: Record<string, string | number>) =>
    (JSON.parse((await call(cast.app, METHOD, args, 'json')).body) as Array<{ name: string; path: string }>).map((cookie) => `${cookie.name}@${cookie.path}`);

  it.skipIf(skip)('one cookie: <cookies> items under a list root in XML, an array of objects in JSON', async () => {
    const uid = cast.ada.uid;
    await answers(
      cast.adaClients,
      METHOD,
      { uid, name: 'theme' },
      `${DECL}<data_getCookies_response ${NS} list="true">
  <cookies>
    <uid>${uid}</uid>
    <name>theme</name>
    <value>dark</value>
    <expires>${FUTURE}</expires>
    <path>/</path>
  </cookies>
</data_getCookies_response>
`,
      `[{"uid":${uid},"name":"theme","value":"dark","expires":${FUTURE},"path":"\\/"}]`,
    );
  });

  it.skipIf(skip)('without name (or with it empty), all of them by name, then path; `string` is the same as name, which wins over it', async () => {
    expect(await names({ uid: cast.ada.uid })).toEqual(['lang@/', 'lang@/deep/', 'theme@/']);
    expect(await names({ uid: cast.ada.uid, name: '' })).toEqual(['lang@/', 'lang@/deep/', 'theme@/']);
    expect(await names({ uid: cast.ada.uid, name: 'lang' })).toEqual(['lang@/', 'lang@/deep/']);
    expect(await names({ uid: cast.ada.uid, string: 'theme' })).toEqual(['theme@/']);
    expect(await names({ uid: cast.ada.uid, name: 'lang', string: 'theme' })).toEqual(['lang@/', 'lang@/deep/']);
    expect(await names({ uid: cast.ada.uid, name: 'unknown' })).toEqual([]);
  });

  it.skipIf(skip)('none: an empty list root in XML, [] in JSON', async () => {
    await answers(cast.app, METHOD, { uid: cast.bob.uid }, xmlOf(METHOD, '', ' list="true"'), '[]');
  });

  it.skipIf(skip)('a cookie set without expires shows when it will expire (24 hours on); an expired cookie is not listed', async () => {
    const carol = await cast.server.createPerson('Carol Clock');
    await call(cast.app, 'data.setCookie', { uid: carol.uid, name: 'daily', value: '1' }, 'json');
    const [daily] = JSON.parse((await call(cast.app, METHOD, { uid: carol.uid }, 'json')).body) as Array<{ expires: number }>;
    expect(daily!.expires).toBeGreaterThan(Date.now() / 1000 + 86_390);
    expect(daily!.expires).toBeLessThanOrEqual(Date.now() / 1000 + 86_400);
    // Stored as a canvas answer with Max-Age would have stored it; it expires before housekeeping removes it.
    const now = new Date();
    await cast.server.store.canvasCookies.store({ uid: carol.uid }, cast.web.appId, [{ name: 'brief', value: 'x', path: '/', expiresAt: new Date(now.getTime() + 1_000) }], now);
    expect(await names({ uid: carol.uid })).toEqual(['brief@/', 'daily@/']);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await names({ uid: carol.uid })).toEqual(['daily@/']);
  });

  it.skipIf(skip)('lists what the app’s canvas answers set for the person, with the canvas path; not a visitor’s jar, nor another app’s cookies', async () => {
    const dora = await cast.server.createPerson('Dora Canvas');
    cast.appServer.answer = (_request, response) => {
      response.setHeader('set-cookie', ['PHPSESSID=abc123; path=/', 'deep=1; Path=/fb/deep/; Max-Age=3600']);
      response.writeHead(200, { 'content-type': 'text/html' }).end('<p>cookies set</p>');
    };
    const browser = await signedInBrowser(cast.server, dora);
    expect((await browser.get(`/apps/${cast.web.canvasName}/`)).status).toBe(200);
    expect(await names({ uid: dora.uid })).toEqual(['PHPSESSID@/', 'deep@/deep/']);
    const other = await cast.server.createApp('web');
    expect(JSON.parse((await call({ xml: cast.server.client(other), json: cast.server.client(other) }, METHOD, { uid: dora.uid }, 'json')).body)).toEqual([]);
  });

  it.skipIf(skip)('signed with a session secret: the session user’s own cookies, anyone else’s 200; a desktop app 200', async () => {
    const secret = await sessionSecretClients(cast.server, cast.web, cast.ada);
    expect(JSON.parse((await call(secret, METHOD, { uid: cast.ada.uid, name: 'theme' }, 'json')).body)).toHaveLength(1);
    await fails(secret, METHOD, { uid: cast.bob.uid }, 200, 'Permissions error (a call signed with a session secret may only reach the session user’s cookies)');
    const session = await signedInSession(cast.server, cast.desktop, cast.ada);
    const desktop = (format: 'xml' | 'json') => cast.server.client(cast.desktop, { format }).withSession({ sessionKey: session.session_key, secret: session.secret, useSessionSecret: true });
    await fails({ xml: desktop('xml'), json: desktop('json') }, METHOD, { uid: cast.ada.uid }, 200, 'Permissions error (desktop applications have no canvas pages and so no cookies)');
  });

  it.skipIf(skip)('refuses: no uid 100, a bad uid or nobody 110', async () => {
    await fails(cast.app, METHOD, {}, 100, 'Invalid parameter (uid: missing)');
    await fails(cast.app, METHOD, { uid: '-4' }, 110, 'Invalid user id (uid: not a positive integer)');
    await fails(cast.app, METHOD, { uid: 499_999_999 }, 110, 'Invalid user id (uid 499999999 names nobody)');
  });
});
