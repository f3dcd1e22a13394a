/**
 * The FQL `cookies` table on both backends: the Cookbook's query, every column in XML and JSON, the
 * rows data.setCookie and canvas answers make, `name` as a filter, privacy (only the calling app's
 * cookies, of anyone, with or without a session; a session secret reads only its own person's),
 * and that expired cookies are not rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import { xmlScalarAnswer } from '../support/test-server.js';
import { expectError, phpJson } from './protocol-helpers.js';
import { BACKENDS, call, cookieCast, sessionSecretClients, type CookieCast } from './cookies.setup.js';

const FUTURE = 2_000_000_000;

describe.each(BACKENDS)('FQL cookies on $backend', ({ backend, skip }) => {
  let cast: CookieCast;

  beforeAll(async () => {
    if (skip) return;
    cast = await cookieCast(backend);
    for (const [uid, name, value, path] of [
      [cast.ada.uid, 'theme', 'dark', '/'],
      [cast.ada.uid, 'lang', 'en', '/deep/'],
      [cast.bob.uid, 'theme', 'light', '/'],
    ] as const) {
      await call(cast.app, 'data.setCookie', { uid, name, value, path, expires: FUTURE }, 'json');
    }
  });
  afterAll(() => cast?.close());

  const query = async (client: RestClient, text: string, format: 'xml' | 'json' = 'json') => (await client.callRaw('fql.query', { query: text }, { format })).body;

  it.skipIf(skip)('answers the Cookbook’s query: <cookies> rows with name and value', async () => {
    expect(await query(cast.app.xml, `SELECT name, value FROM cookies WHERE uid = ${cast.ada.uid} ORDER BY name`, 'xml')).toBe(
      xmlScalarAnswer(
        'fql_query_response',
        '\n  <cookies>\n    <name>lang</name>\n    <value>en</value>\n  </cookies>\n  <cookies>\n    <name>theme</name>\n    <value>dark</value>\n  </cookies>\n',
        ' list="true"',
      ),
    );
  });

  it.skipIf(skip)('every column, for several people at once; name filters', async () => {
    const { ada, bob } = cast;
    expect(await query(cast.adaClients.json, `SELECT uid, name, value, expires, path FROM cookies WHERE uid IN (${ada.uid}, ${bob.uid}) AND name = 'theme'`)).toBe(
      phpJson([
        { uid: ada.uid, name: 'theme', value: 'dark', expires: FUTURE, path: '/' },
        { uid: bob.uid, name: 'theme', value: 'light', expires: FUTURE, path: '/' },
      ]),
    );
  });

  it.skipIf(skip)('rows of what canvas answers set too; an expired cookie is no row', async () => {
    const carol = await cast.server.createPerson('Carol Canvas');
    const now = new Date();
    await cast.server.services.canvas.storeCookies({ uid: carol.uid }, cast.web.appId, [
      { name: 'PHPSESSID', value: 'abc', path: '/', expiresAt: new Date(FUTURE * 1000) },
      { name: 'brief', value: 'x', path: '/', expiresAt: new Date(now.getTime() + 1_000) },
    ], now);
    const rows = async () => JSON.parse(await query(cast.app.json, `SELECT name FROM cookies WHERE uid = ${carol.uid} ORDER BY name`)) as Array<{ name: string }>;
    expect((await rows()).map((row) => row.name)).toEqual(['PHPSESSID', 'brief']);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await rows()).map((row) => row.name)).toEqual(['PHPSESSID']);
  });

  it.skipIf(skip)('only the calling app’s cookies: another app sees none of them', async () => {
    const other = await cast.server.createApp('web');
    expect(await query(cast.server.client(other, { format: 'json' }), `SELECT name FROM cookies WHERE uid = ${cast.ada.uid}`)).toBe('[]');
  });

  it.skipIf(skip)('signed with a session secret: the session user’s own cookies; anyone else’s 604', async () => {
    const secret = await sessionSecretClients(cast.server, cast.web, cast.ada);
    expect(await query(secret.json, `SELECT name FROM cookies WHERE uid = ${cast.ada.uid} AND name = 'theme'`)).toBe(phpJson([{ name: 'theme' }]));
    for (const format of ['xml', 'json'] as const) {
      const answer = await secret[format].callRaw('fql.query', { query: `SELECT name FROM cookies WHERE uid = ${cast.bob.uid}` }, { format });
      expectError(answer, format, 604, /a call signed with a session secret may read only the session user’s cookies/);
    }
  });

  it.skipIf(skip)('needs uid: a query without it is 604', async () => {
    const answer = await cast.app.json.callRaw('fql.query', { query: "SELECT name FROM cookies WHERE name = 'theme'" }, { format: 'json' });
    expectError(answer, 'json', 604, /uid/);
  });
});
