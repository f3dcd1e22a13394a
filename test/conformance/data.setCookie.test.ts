/**
 * data.setCookie on both backends: `1` in XML and `true` in JSON, what the jar then holds (24 hours
 * without expires, path `/` by default), deletion with a past expires or no value, a cookie too large
 * to keep (`0`/`false`), whose jar a call reaches, every error, and the round trip: the cookie goes
 * to the app with the person's next canvas request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInSession } from '../support/sessions.js';
import { signedInBrowser } from '../pages/page-kit.js';
import { answers, BACKENDS, call, cookieCast, fails, jarOf, nowSeconds, sessionSecretClients, xmlOf, type CookieCast } from './cookies.setup.js';

const METHOD = 'data.setCookie';
const FUTURE = 2_000_000_000;

describe.each(BACKENDS)('$backend: data.setCookie', ({ backend, skip }) => {
  let cast: CookieCast;
  beforeAll(async () => {
    if (!skip) cast = await cookieCast(backend);
  });
  afterAll(() => cast?.close());
  const set = (args: Record<string, string | number>) => call(cast.app, METHOD, { uid: cast.ada.uid, ...args }, 'json');

  it.skipIf(skip)('answers 1 in XML and true in JSON; the jar holds the cookie with its expiry and path', async () => {
    await answers(cast.adaClients, METHOD, { uid: cast.ada.uid, name: 'theme', value: 'dark', expires: FUTURE, path: '/' }, xmlOf(METHOD, '1'), 'true');
    expect(await jarOf(cast, cast.ada)).toContainEqual({ uid: cast.ada.uid, name: 'theme', value: 'dark', path: '/', expiresAt: new Date(FUTURE * 1000) });
  });

  it.skipIf(skip)('without expires, with it empty or 0, the cookie lasts 24 hours; without path it is /; step/ is /step/', async () => {
    for (const [name, expires] of [['plain', undefined], ['empty', ''], ['zero', 0]] as const) {
      const before = nowSeconds();
      expect((await set({ name, value: 'v', ...(expires === undefined ? {} : { expires }) })).body).toBe('true');
      const cookie = (await jarOf(cast, cast.ada)).find((each) => each.name === name)!;
      expect(cookie.path).toBe('/');
      const expiresIn = Math.floor(cookie.expiresAt.getTime() / 1000);
      expect(expiresIn).toBeGreaterThanOrEqual(before + 86_400);
      expect(expiresIn).toBeLessThanOrEqual(nowSeconds() + 86_400);
    }
    await set({ name: 'stepped', value: 'v', path: 'step/' });
    expect((await jarOf(cast, cast.ada)).find((each) => each.name === 'stepped')!.path).toBe('/step/');
  });

  it.skipIf(skip)('replaces a cookie of the same name and path; another path is another cookie', async () => {
    await set({ name: 'lang', value: 'en', expires: FUTURE });
    await set({ name: 'lang', value: 'fr', expires: FUTURE });
    await set({ name: 'lang', value: 'de', expires: FUTURE, path: '/deep/' });
    expect((await jarOf(cast, cast.ada)).filter((each) => each.name === 'lang').map((each) => [each.path, each.value])).toEqual([
      ['/', 'fr'],
      ['/deep/', 'de'],
    ]);
  });

  it.skipIf(skip)('an expires in the past, or no value, deletes the cookie (of that path only); deleting what is not there still answers 1', async () => {
    await set({ name: 'gone', value: 'x', expires: FUTURE });
    await set({ name: 'gone', value: 'x', expires: FUTURE, path: '/keep/' });
    expect((await set({ name: 'gone', value: 'x', expires: nowSeconds() - 60 })).body).toBe('true');
    expect((await jarOf(cast, cast.ada)).filter((each) => each.name === 'gone').map((each) => each.path)).toEqual(['/keep/']);
    await set({ name: 'blank', value: 'x', expires: FUTURE });
    await set({ name: 'blank', value: '' });
    await set({ name: 'unvalued', value: 'x', expires: FUTURE });
    await set({ name: 'unvalued' });
    expect((await jarOf(cast, cast.ada)).map((each) => each.name)).not.toContain('blank');
    expect((await jarOf(cast, cast.ada)).map((each) => each.name)).not.toContain('unvalued');
    await answers(cast.app, METHOD, { uid: cast.ada.uid, name: 'never-set', expires: -1 }, xmlOf(METHOD, '1'), 'true');
  });

  it.skipIf(skip)('a cookie whose name and value exceed 4096 bytes is not kept: 0 in XML, false in JSON', async () => {
    await answers(cast.app, METHOD, { uid: cast.ada.uid, name: 'big', value: 'x'.repeat(4_094) }, xmlOf(METHOD, '0'), 'false');
    expect((await jarOf(cast, cast.ada)).map((each) => each.name)).not.toContain('big');
    expect((await set({ name: 'big', value: 'x'.repeat(4_093) })).body).toBe('true');
  });

  it.skipIf(skip)('reaches anyone uid names, app user or not, with or without a session; the cookies are the app’s own', async () => {
    expect((await set({ uid: cast.bob.uid, name: 'visitor', value: 'yes' })).body).toBe('true');
    expect((await call(cast.adaClients, METHOD, { uid: cast.bob.uid, name: 'told', value: 'by-ada-session' }, 'json')).body).toBe('true');
    expect((await jarOf(cast, cast.bob)).map((each) => each.name)).toEqual(['told', 'visitor']);
    const other = await cast.server.createApp('web');
    expect(await cast.server.services.appCookies.list([cast.bob.uid], other.appId)).toEqual([]);
  });

  it.skipIf(skip)('signed with a session secret: the session user’s own cookies, anyone else’s 200', async () => {
    const secret = await sessionSecretClients(cast.server, cast.web, cast.ada);
    await answers(secret, METHOD, { uid: cast.ada.uid, name: 'connect', value: 'site' }, xmlOf(METHOD, '1'), 'true');
    await fails(secret, METHOD, { uid: cast.bob.uid, name: 'connect', value: 'site' }, 200, 'Permissions error (a call signed with a session secret may only reach the session user’s cookies)');
  });

  it.skipIf(skip)('a desktop app has no cookies: 200, with or without its session secret', async () => {
    const session = await signedInSession(cast.server, cast.desktop, cast.ada);
    const message = 'Permissions error (desktop applications have no canvas pages and so no cookies)';
    for (const useSessionSecret of [false, true]) {
      const client = (format: 'xml' | 'json') => cast.server.client(cast.desktop, { format }).withSession({ sessionKey: session.session_key, secret: session.secret, useSessionSecret });
      await fails({ xml: client('xml'), json: client('json') }, METHOD, { uid: cast.ada.uid, name: 'theme', value: 'dark' }, 200, message);
    }
  });

  it.skipIf(skip)('refuses: no uid 100, a bad uid or nobody 110, no name or a bad name, value, expires or path 100', async () => {
    const { app } = cast;
    await fails(app, METHOD, { name: 'a', value: 'b' }, 100, 'Invalid parameter (uid: missing)');
    await fails(app, METHOD, { uid: 'ada', name: 'a', value: 'b' }, 110, 'Invalid user id (uid: not a positive integer)');
    await fails(app, METHOD, { uid: 499_999_999, name: 'a', value: 'b' }, 110, 'Invalid user id (uid 499999999 names nobody)');
    await fails(app, METHOD, { uid: cast.ada.uid, value: 'b' }, 100, 'Invalid parameter (name: missing)');
    for (const name of ['a b', 'a=b', 'a;b', 'a,b', 'é']) {
      await fails(app, METHOD, { uid: cast.ada.uid, name, value: 'b' }, 100, 'Invalid parameter (name: a cookie name is printable ASCII without spaces, commas, semicolons or =)');
    }
    for (const value of ['a;b', 'line\nbreak', 'café']) {
      await fails(app, METHOD, { uid: cast.ada.uid, name: 'a', value }, 100, 'Invalid parameter (value: a cookie value is printable ASCII without semicolons (encode it, as PHP’s setcookie does with urlencode))');
    }
    for (const expires of ['soon', '1.5', '1262296800000000']) await fails(app, METHOD, { uid: cast.ada.uid, name: 'a', value: 'b', expires }, 100, 'Invalid parameter (expires: not a Unix time in seconds)');
    await fails(app, METHOD, { uid: cast.ada.uid, name: 'a', value: 'b', path: '/a b/' }, 100, /^Invalid parameter \(path: a cookie path is printable ASCII/);
    await fails(app, METHOD, { uid: cast.ada.uid, name: 'a', value: 'b', path: `/${'p'.repeat(1_024)}` }, 100, /^Invalid parameter \(path: .*at most 1024 characters\)$/);
    expect((await jarOf(cast, cast.ada)).map((each) => each.name)).not.toContain('a');
  });

  it.skipIf(skip)('round trip: the person’s next canvas request carries the cookie, on the pages of its path', async () => {
    const carol = await cast.server.createPerson('Carol Canvas');
    await set({ uid: carol.uid, name: 'PHPSESSID', value: 'from-the-api' });
    await set({ uid: carol.uid, name: 'deep', value: '1', path: '/deep/' });
    const browser = await signedInBrowser(cast.server, carol);
    const canvas = `/apps/${cast.web.canvasName}/`;
    expect((await browser.get(`${canvas}deep/page.php`)).status).toBe(200);
    expect(cast.appServer.received.at(-1)!.headers.cookie).toBe('deep=1; PHPSESSID=from-the-api');
    await browser.get(`${canvas}other.php`);
    expect(cast.appServer.received.at(-1)!.headers.cookie).toBe('PHPSESSID=from-the-api');
    await set({ uid: carol.uid, name: 'PHPSESSID', expires: 1 });
    await browser.get(`${canvas}other.php`);
    expect(cast.appServer.received.at(-1)!.headers.cookie).toBeUndefined();
  });
});
