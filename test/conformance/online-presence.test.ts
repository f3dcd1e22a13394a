/**
 * online_presence on both backends, in users.getInfo (XML and JSON) and FQL's user table: active
 * after an API call in the person's session or a signed-in page, idle and offline by when they
 * were last seen, and seen only by the person and their friends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { BACKENDS, circle, clientOf, sessionless, type StreamCast } from './stream.setup.js';

const MINUTE = 60_000;

describe.each(BACKENDS)('$backend: online_presence', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let cast: Pick<StreamCast, 'ada' | 'bob' | 'cleo' | 'dan'>;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
    cast = await circle(server);
  });
  afterAll(() => server?.close());

  const presenceIn = async (format: 'xml' | 'json', uids: number[]) => {
    const client = await clientOf(server, web, cast.ada, [], format);
    return (await client.callRaw('users.getInfo', { uids: uids.join(','), fields: 'online_presence' }, { format })).body;
  };

  it.skipIf(skip)('users.getInfo: the caller is active (this call, in their session); a friend never seen is offline; a friend seen 20 minutes ago idle', async () => {
    const { ada, bob, cleo } = cast;
    await server.services.presence.seen(cleo.uid, new Date(Date.now() - 20 * MINUTE));
    expect(await presenceIn('json', [ada.uid, bob.uid, cleo.uid])).toBe(
      `[{"uid":${ada.uid},"online_presence":"active"},{"uid":${bob.uid},"online_presence":"offline"},{"uid":${cleo.uid},"online_presence":"idle"}]`,
    );
    const xml = await presenceIn('xml', [ada.uid, bob.uid]);
    expect(xml).toContain(`<user>\n    <uid>${ada.uid}</uid>\n    <online_presence>active</online_presence>\n  </user>`);
    expect(xml).toContain(`<user>\n    <uid>${bob.uid}</uid>\n    <online_presence>offline</online_presence>\n  </user>`);
  });

  it.skipIf(skip)('a signed-in page view makes the person active; seen more than 30 minutes ago is offline', async () => {
    const gus = await server.createPerson('Gus Browsing');
    await server.services.friends.addDirectly(gus.uid, cast.ada.uid);
    const signIn = await server.services.signIn.startBrowserSignIn(gus.uid, false);
    expect(JSON.parse(await presenceIn('json', [gus.uid]))).toEqual([{ uid: gus.uid, online_presence: 'offline' }]);
    const page = await fetch(`${server.url}/inbox`, { headers: { cookie: `hearth_login=${signIn.cookieValue}` } });
    expect(page.status).toBe(200);
    const fay = await server.createPerson('Fay Faded');
    await server.services.friends.addDirectly(fay.uid, cast.ada.uid);
    await server.services.presence.seen(fay.uid, new Date(Date.now() - 31 * MINUTE));
    const answer = JSON.parse(await presenceIn('json', [gus.uid, fay.uid])) as Array<{ online_presence: string }>;
    expect(answer.map((user) => user.online_presence)).toEqual(['active', 'offline']);
  });

  it.skipIf(skip)('hidden from everyone else: a stranger who uses the app, and any call without a session, get nil', async () => {
    const { ada, dan } = cast;
    await clientOf(server, web, dan, []);
    await server.services.presence.seen(dan.uid);
    expect(await presenceIn('json', [dan.uid])).toBe(`[{"uid":${dan.uid},"online_presence":null}]`);
    expect(await presenceIn('xml', [dan.uid])).toContain('<online_presence xsi:nil="true"/>');
    const app = sessionless(server, web);
    expect((await app.callRaw('users.getInfo', { uids: String(ada.uid), fields: 'online_presence' }, { format: 'json' })).body).toBe(`[{"uid":${ada.uid},"online_presence":null}]`);
  });

  it.skipIf(skip)('FQL user.online_presence: the same values, nil for those the viewer may not see', async () => {
    const { ada, bob, dan } = cast;
    const client = await clientOf(server, web, ada, [], 'json');
    const query = `SELECT uid, online_presence FROM user WHERE uid IN (${ada.uid}, ${bob.uid}, ${dan.uid})`;
    const rows = JSON.parse((await client.callRaw('fql.query', { query }, { format: 'json' })).body) as Array<{ uid: number; online_presence: string | null }>;
    expect(new Map(rows.map((row) => [row.uid, row.online_presence]))).toEqual(new Map([[ada.uid, 'active'], [bob.uid, 'offline'], [dan.uid, null]]));
  });
});
