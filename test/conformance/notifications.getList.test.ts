/**
 * notifications.getList on both backends: the notifications and the apps that sent them in XML
 * (the platform's field order, Hearth's links absolute) and JSON (is_unread and is_hidden as
 * numbers); newest first, unread only unless include_read, start_time, the seven days kept; and
 * the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import { BACKENDS, circle, clientOf, grant, sessionless, xmlDocument, type StreamCast } from './stream.setup.js';
import { expectError } from './protocol-helpers.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import type { App } from '../../src/features/apps/records.js';

const METHOD = 'notifications.getList';
type Args = Readonly<Record<string, string | number>>;
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describe.each(BACKENDS)('$backend: notifications.getList', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let cast: Pick<StreamCast, 'ada' | 'bob' | 'cleo' | 'dan'>;
  let bob: { xml: RestClient; json: RestClient };
  let sentAt: Date;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
    cast = await circle(server);
    bob = { xml: await clientOf(server, web, cast.bob, []), json: await clientOf(server, web, cast.bob, [], 'json') };
    sentAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    await server.services.notifications.send({ appId: web.appId, kind: 'user_to_user', sender: cast.ada.uid, to: [cast.bob.uid], fbml: 'sent you a "gear".' }, sentAt);
  });
  afterAll(() => server?.close());

  const call = (client: RestClient, args: Args, format: 'xml' | 'json') => client.callRaw(METHOD, args, { format });
  const ids = async (client: RestClient, args: Args = {}) =>
    (JSON.parse((await call(client, args, 'json')).body) as { notifications: Array<{ notification_id: number }> }).notifications.map((n) => n.notification_id);

  it.skipIf(skip)('xml: the notification field by field, the sender’s name linked on this server, and the app that sent it', async () => {
    const [stored] = await server.services.notifications.received(cast.bob.uid, { includeRead: true });
    const t = seconds(sentAt);
    expect((await call(bob.xml, {}, 'xml')).body).toBe(
      xmlDocument(
        'notifications_getList_response',
        `
  <notifications list="true">
    <notification>
      <notification_id>${stored!.notificationId}</notification_id>
      <sender_id>${cast.ada.uid}</sender_id>
      <recipient_id>${cast.bob.uid}</recipient_id>
      <created_time>${t}</created_time>
      <updated_time>${t}</updated_time>
      <title_html>&lt;a href=&quot;${server.url}/profile.php?id=${cast.ada.uid}&quot;&gt;Ada Lovelace&lt;/a&gt; sent you a &amp;quot;gear&amp;quot;.</title_html>
      <title_text>Ada Lovelace sent you a &quot;gear&quot;.</title_text>
      <body_html/>
      <body_text/>
      <href>${web.callbackUrl ?? ''}</href>
      <app_id>${web.appId}</app_id>
      <is_unread>1</is_unread>
      <is_hidden>0</is_hidden>
    </notification>
  </notifications>
  <apps list="true">
    <app_info>
      <app_id>${web.appId}</app_id>
      <api_key>${web.apiKey}</api_key>
      <canvas_name/>
      <display_name>${web.name}</display_name>
      <icon_url/>
      <logo_url/>
      <developers list="true"/>
      <company_name/>
      <description/>
      <daily_active_users>0</daily_active_users>
      <weekly_active_users>0</weekly_active_users>
      <monthly_active_users>0</monthly_active_users>
      <category/>
      <subcategory/>
    </app_info>
  </apps>
`,
      ),
    );
  });

  it.skipIf(skip)('json: numbers for ids, times and the flags; nothing waiting is two empty lists', async () => {
    const answer = JSON.parse((await call(bob.json, {}, 'json')).body) as { notifications: Array<Record<string, unknown>>; apps: Array<Record<string, unknown>> };
    expect(answer.notifications[0]).toMatchObject({ sender_id: cast.ada.uid, recipient_id: cast.bob.uid, app_id: web.appId, is_unread: 1, is_hidden: 0, title_text: 'Ada Lovelace sent you a "gear".' });
    expect(answer.apps.map((app) => app.app_id)).toEqual([web.appId]);
    const dan = await clientOf(server, web, cast.dan, [], 'json');
    expect((await call(dan, {}, 'json')).body).toBe('{"notifications":[],"apps":[]}');
  });

  it.skipIf(skip)('newest first; read ones only with include_read; start_time leaves out what has not changed since; a week old is gone', async () => {
    const cleo = await clientOf(server, web, cast.cleo, [], 'json');
    const send = (fbml: string, at: Date) => server.services.notifications.send({ appId: web.appId, kind: 'user_to_user', sender: cast.ada.uid, to: [cast.cleo.uid], fbml }, at);
    const now = Date.now();
    await send('long ago', new Date(now - 8 * 86_400_000));
    await send('older', new Date(now - 2 * 86_400_000));
    await send('newer', new Date(now - 60_000));
    const all = (await server.services.notifications.received(cast.cleo.uid, { includeRead: true })).map((n) => n.notificationId);
    expect(all).toHaveLength(2);
    expect(await ids(cleo)).toEqual(all);
    await server.services.notifications.markRead(cast.cleo.uid, [all[0]!]);
    expect(await ids(cleo)).toEqual([all[1]]);
    expect(await ids(cleo, { include_read: 'false' })).toEqual([all[1]]);
    expect(await ids(cleo, { include_read: 'true' })).toEqual(all);
    expect(await ids(cleo, { include_read: 1, start_time: Math.floor((now - 86_400_000) / 1000) })).toEqual([all[0]]);
  });

  it.skipIf(skip)('an announcement: the recipient as its sender, no name in front', async () => {
    await grant(server, web, cast.dan);
    await server.services.notifications.send({ appId: web.appId, kind: 'app_to_user', sender: undefined, to: [cast.dan.uid], fbml: 'Gears are on sale.' });
    const dan = await clientOf(server, web, cast.dan, [], 'json');
    const [first] = (JSON.parse((await call(dan, {}, 'json')).body) as { notifications: Array<Record<string, unknown>> }).notifications;
    expect(first).toMatchObject({ sender_id: cast.dan.uid, recipient_id: cast.dan.uid, title_html: 'Gears are on sale.' });
  });

  it.skipIf(skip)('refuses: no session 102; a bad include_read or start_time 100', async () => {
    for (const format of ['xml', 'json'] as const) {
      expectError(await call(sessionless(server, web), {}, format), format, 102, /^Session key invalid or no longer valid/);
      expectError(await call(bob[format], { include_read: 'yes' }, format), format, 100, 'Invalid parameter (include_read: not a boolean (1, 0, true or false))');
      expectError(await call(bob[format], { start_time: 'yesterday' }, format), format, 100, 'Invalid parameter (start_time: not a Unix time in seconds)');
    }
  });
});
