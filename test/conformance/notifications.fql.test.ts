/**
 * The FQL table `notification` on both backends — the session user's own notifications, newest
 * first, by recipient_id or WHERE 1, nothing for anyone else, 102 without a session — and what
 * other features tell people through notifications: events.cancel notifies the guests who had not
 * declined, quoting the cancel_message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import { BACKENDS, circle, clientOf, sessionless, xmlDocument, type StreamCast } from './stream.setup.js';
import { expectError } from './protocol-helpers.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import type { App } from '../../src/features/apps/records.js';

describe.each(BACKENDS)('$backend: FQL notification and what other features notify', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let cast: Pick<StreamCast, 'ada' | 'bob' | 'cleo' | 'dan'>;
  let bob: { xml: RestClient; json: RestClient };

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
    cast = await circle(server);
    bob = { xml: await clientOf(server, web, cast.bob, []), json: await clientOf(server, web, cast.bob, [], 'json') };
    const now = Date.now();
    for (const [text, at] of [['older', now - 120_000], ['newer', now - 60_000]] as const) {
      await server.services.notifications.send({ appId: web.appId, kind: 'user_to_user', sender: cast.ada.uid, to: [cast.bob.uid, cast.cleo.uid], fbml: text }, new Date(at));
    }
  });
  afterAll(() => server?.close());

  const query = (client: RestClient, fql: string, format: 'xml' | 'json') => client.callRaw('fql.query', { query: fql }, { format });
  const rows = async (fql: string) => JSON.parse((await query(bob.json, fql, 'json')).body) as Array<Record<string, unknown>>;

  it.skipIf(skip)('xml and json: the session user’s notifications, newest first, flags as 1/0 in both', async () => {
    const [newer, older] = await server.services.notifications.received(cast.bob.uid, { includeRead: true });
    expect((await query(bob.xml, 'SELECT notification_id, title_text, is_unread FROM notification WHERE recipient_id = me()', 'xml')).body).toBe(
      xmlDocument(
        'fql_query_response',
        `
  <notification>
    <notification_id>${newer!.notificationId}</notification_id>
    <title_text>Ada Lovelace newer</title_text>
    <is_unread>1</is_unread>
  </notification>
  <notification>
    <notification_id>${older!.notificationId}</notification_id>
    <title_text>Ada Lovelace older</title_text>
    <is_unread>1</is_unread>
  </notification>
`,
        ' list="true"',
      ),
    );
    await server.services.notifications.markRead(cast.bob.uid, [older!.notificationId]);
    expect(await rows('SELECT title_text, is_unread, is_hidden, sender_id, app_id FROM notification WHERE 1')).toEqual([
      { title_text: 'Ada Lovelace newer', is_unread: 1, is_hidden: 0, sender_id: cast.ada.uid, app_id: web.appId },
      { title_text: 'Ada Lovelace older', is_unread: 0, is_hidden: 0, sender_id: cast.ada.uid, app_id: web.appId },
    ]);
    expect(await rows('SELECT title_text FROM notification WHERE recipient_id = me() AND is_unread = 1')).toEqual([{ title_text: 'Ada Lovelace newer' }]);
  });

  it.skipIf(skip)('another person’s notifications are no rows; a filter on another column alone is 604; no session 102', async () => {
    expect(await rows(`SELECT notification_id FROM notification WHERE recipient_id = ${cast.cleo.uid}`)).toEqual([]);
    for (const format of ['xml', 'json'] as const) {
      expectError(await query(bob[format], 'SELECT notification_id FROM notification WHERE is_unread = 1', format), format, 604, /^Your statement is not indexable/);
      expectError(await query(sessionless(server, web), 'SELECT notification_id FROM notification WHERE recipient_id = 1', format), format, 102, /^Session key invalid or no longer valid/);
    }
  });

  it.skipIf(skip)('events.cancel tells every guest who had not declined, quoting the message; the canceller is not told', async () => {
    const { ada, bob: b, cleo, dan } = cast;
    const start = Math.floor(Date.now() / 1000) + 86_400;
    const event = await server.services.events.create({ changes: { name: 'Engine demo', startTime: start }, creator: ada.uid, appId: web.appId, defaultHost: 'Ada' });
    await server.services.events.invite(event, [b.uid, cleo.uid, dan.uid], ada.uid, '');
    await server.services.events.answer(event, dan.uid, 'declined');
    const adaClient = await clientOf(server, web, ada, ['create_event'], 'json');
    expect((await adaClient.callRaw('events.cancel', { eid: event.eid, cancel_message: 'The engine broke.' }, { format: 'json' })).body).toBe('true');
    const latest = async (uid: number) => (await server.services.notifications.received(uid, { includeRead: true }))[0];
    for (const guest of [b, cleo]) {
      expect(await latest(guest.uid)).toMatchObject({
        titleText: 'Ada Lovelace cancelled the event Engine demo: “The engine broke.”',
        titleHtml: `<a href="/profile.php?id=${ada.uid}">Ada Lovelace</a> cancelled the event Engine demo: “The engine broke.”`,
        href: `/event.php?eid=${event.eid}`,
        appId: web.appId,
      });
    }
    expect(await latest(dan.uid)).toBeUndefined();
    expect(await latest(ada.uid)).toBeUndefined();
    const [row] = await rows(`SELECT href FROM notification WHERE recipient_id = me()`);
    expect(row).toEqual({ href: `${server.url}/event.php?eid=${event.eid}` });
  });
});
