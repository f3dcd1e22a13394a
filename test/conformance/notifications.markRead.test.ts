/**
 * notifications.markRead on both backends: XML 1 and JSON true; the ids of the session user's own
 * notifications become read, anyone else's are left alone; the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, circle, clientOf, sessionless, xmlDocument, type StreamCast } from './stream.setup.js';
import { expectError } from './protocol-helpers.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import type { App } from '../../src/features/apps/records.js';

const METHOD = 'notifications.markRead';

describe.each(BACKENDS)('$backend: notifications.markRead', ({ backend, skip }) => {
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

  const send = (to: number, fbml: string) => server.services.notifications.send({ appId: web.appId, kind: 'user_to_user', sender: cast.ada.uid, to: [to], fbml });
  const unread = async (uid: number) => (await server.services.notifications.received(uid, { includeRead: false })).map((n) => n.titleText);
  const idsOf = async (uid: number) => (await server.services.notifications.received(uid, { includeRead: true })).map((n) => n.notificationId);

  it.skipIf(skip)('xml 1, json true: the named notifications of the session user are read; others’ ids are ignored', async () => {
    for (const text of ['one', 'two', 'three']) await send(cast.bob.uid, text);
    await send(cast.cleo.uid, 'for cleo');
    const [three, two] = (await idsOf(cast.bob.uid)) as [number, number, number];
    const [cleos] = await idsOf(cast.cleo.uid);
    const xml = await clientOf(server, web, cast.bob, []);
    expect((await xml.callRaw(METHOD, { notification_ids: `${three},${cleos}` }, { format: 'xml' })).body).toBe(xmlDocument('notifications_markRead_response', '1'));
    expect(await unread(cast.bob.uid)).toEqual(['Ada Lovelace two', 'Ada Lovelace one']);
    expect(await unread(cast.cleo.uid)).toEqual(['Ada Lovelace for cleo']);
    const json = await clientOf(server, web, cast.bob, [], 'json');
    expect((await json.callRaw(METHOD, { notification_ids: JSON.stringify([two, 999_999_999]) }, { format: 'json' })).body).toBe('true');
    expect(await unread(cast.bob.uid)).toEqual(['Ada Lovelace one']);
    // Once more is no change and no error.
    expect((await json.callRaw(METHOD, { notification_ids: String(two) }, { format: 'json' })).body).toBe('true');
  });

  it.skipIf(skip)('refuses: no session 102; no ids, or ids that are not ids, 100', async () => {
    const client = { xml: await clientOf(server, web, cast.dan, []), json: await clientOf(server, web, cast.dan, [], 'json') };
    for (const format of ['xml', 'json'] as const) {
      expectError(await sessionless(server, web).callRaw(METHOD, { notification_ids: '1' }, { format }), format, 102, /^Session key invalid or no longer valid/);
      expectError(await client[format].callRaw(METHOD, {}, { format }), format, 100, /^Invalid parameter \(notification_ids/);
      expectError(await client[format].callRaw(METHOD, { notification_ids: '1,x' }, { format }), format, 100, 'Invalid parameter (notification_ids: "x" is not a notification id)');
      expectError(await client[format].callRaw(METHOD, { notification_ids: '[1,' }, { format }), format, 100, 'Invalid parameter (notification_ids: not a JSON array or a comma-separated list)');
    }
  });
});
