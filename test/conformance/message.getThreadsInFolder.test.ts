/**
 * message.getThreadsInFolder on both backends: the thread and message shapes in XML and JSON (the
 * platform's captured answer), folders, paging and order, whose mailbox a call reads, and every
 * error with its code and message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import { BACKENDS, circle, clientOf, grant, sessionless, type StreamCast } from './stream.setup.js';
import { expectError } from './protocol-helpers.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import type { App } from '../../src/features/apps/records.js';

const NS = 'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';
const T0 = new Date(1262296800 * 1000);
const T1 = new Date(1262300400 * 1000);
const METHOD = 'message.getThreadsInFolder';
type Args = Readonly<Record<string, string | number>>;

describe.each(BACKENDS)('$backend: message.getThreadsInFolder', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let desktop: App;
  let cast: Pick<StreamCast, 'ada' | 'bob' | 'cleo' | 'dan'>;
  let ada: { xml: RestClient; json: RestClient };
  let threadId: number;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    [web, desktop] = [await server.createApp('web'), await server.createApp('desktop')];
    cast = await circle(server);
    ada = { xml: await clientOf(server, web, cast.ada, ['read_mailbox']), json: await clientOf(server, web, cast.ada, ['read_mailbox'], 'json') };
    threadId = await server.services.mailbox.send({ from: cast.ada.uid, to: [cast.bob.uid], subject: 'Engine plans', body: 'Shall we build it?' }, T0);
    await server.services.mailbox.reply(cast.bob.uid, threadId, 'Card reader attached.', T1);
  });
  afterAll(() => server?.close());

  const call = (client: RestClient, args: Args, format: 'xml' | 'json') => client.callRaw(METHOD, args, { format });
  const fails = async (clients: { xml: RestClient; json: RestClient }, args: Args, code: number, message: string | RegExp) => {
    for (const format of ['xml', 'json'] as const) expectError(await call(clients[format], args, format), format, code, message);
  };
  const threadIds = async (client: RestClient, args: Args = {}) => (JSON.parse((await call(client, args, 'json')).body) as Array<{ thread_id: number }>).map((thread) => thread.thread_id);

  it.skipIf(skip)('xml: the Inbox as the platform answered — a list root, recipients as <uid>, messages with an empty <attachment/>', async () => {
    const { ada: a, bob: b } = cast;
    expect((await call(ada.xml, {}, 'xml')).body).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<message_getThreadsInFolder_response ${NS} list="true">
  <thread>
    <thread_id>${threadId}</thread_id>
    <subject>Engine plans</subject>
    <recipients list="true">
      <uid>${a.uid}</uid>
      <uid>${b.uid}</uid>
    </recipients>
    <updated_time>1262300400</updated_time>
    <parent_message_id>0</parent_message_id>
    <parent_thread_id>0</parent_thread_id>
    <message_count>2</message_count>
    <snippet>Card reader attached.</snippet>
    <snippet_author>${b.uid}</snippet_author>
    <object_id>0</object_id>
    <unread>1</unread>
    <messages list="true">
      <message>
        <message_id>${threadId}_0</message_id>
        <author_id>${a.uid}</author_id>
        <body>Shall we build it?</body>
        <created_time>1262296800</created_time>
        <attachment/>
        <thread_id>${threadId}</thread_id>
      </message>
      <message>
        <message_id>${threadId}_1</message_id>
        <author_id>${b.uid}</author_id>
        <body>Card reader attached.</body>
        <created_time>1262300400</created_time>
        <attachment/>
        <thread_id>${threadId}</thread_id>
      </message>
    </messages>
  </thread>
</message_getThreadsInFolder_response>
`);
  });

  it.skipIf(skip)('json: an array of threads, recipients numbers, message ids strings, attachment {}', async () => {
    const { ada: a, bob: b } = cast;
    expect((await call(ada.json, { folder_id: 0 }, 'json')).body).toBe(
      `[{"thread_id":${threadId},"subject":"Engine plans","recipients":[${a.uid},${b.uid}],"updated_time":1262300400,"parent_message_id":"0","parent_thread_id":0,"message_count":2,"snippet":"Card reader attached.","snippet_author":${b.uid},"object_id":0,"unread":1,"messages":[` +
        `{"message_id":"${threadId}_0","author_id":${a.uid},"body":"Shall we build it?","created_time":1262296800,"attachment":{},"thread_id":${threadId}},` +
        `{"message_id":"${threadId}_1","author_id":${b.uid},"body":"Card reader attached.","created_time":1262300400,"attachment":{},"thread_id":${threadId}}]}]`,
    );
  });

  it.skipIf(skip)('folders: Sent Messages holds what the person wrote in, Updates is empty; an empty folder is an empty list', async () => {
    const bob = { xml: await clientOf(server, web, cast.bob, ['read_mailbox']), json: await clientOf(server, web, cast.bob, ['read_mailbox'], 'json') };
    expect(await threadIds(bob.json, { folder_id: 1 })).toEqual([threadId]);
    expect(await threadIds(bob.json, { folder_id: 0 })).toEqual([threadId]);
    const [sent] = JSON.parse((await call(bob.json, { folder_id: 1 }, 'json')).body) as Array<{ unread: number }>;
    expect(sent!.unread).toBe(0);
    const cleo = { xml: await clientOf(server, web, cast.cleo, ['read_mailbox']), json: await clientOf(server, web, cast.cleo, ['read_mailbox'], 'json') };
    expect((await call(cleo.xml, {}, 'xml')).body).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<message_getThreadsInFolder_response ${NS} list="true"></message_getThreadsInFolder_response>\n`);
    expect((await call(cleo.json, {}, 'json')).body).toBe('[]');
    expect((await call(ada.xml, { folder_id: 4 }, 'xml')).body).toContain('list="true"></message_getThreadsInFolder_response>');
  });

  it.skipIf(skip)('newest first by the newest message; limit (default 20, 0 as not given) and offset page through', async () => {
    const eve = await server.createPerson('Eve Paging');
    await server.services.friends.addDirectly(eve.uid, cast.cleo.uid);
    const client = await clientOf(server, web, eve, ['read_mailbox'], 'json');
    const ids: number[] = [];
    for (let n = 0; n < 22; n++) ids.push(await server.services.mailbox.send({ from: cast.cleo.uid, to: [eve.uid], body: `n${n}` }, new Date(T0.getTime() + n * 1000)));
    await server.services.mailbox.reply(cast.cleo.uid, ids[0]!, 'bumped', new Date(T0.getTime() + 60_000));
    const newest = [ids[0]!, ...ids.slice(1).reverse()];
    expect(await threadIds(client)).toEqual(newest.slice(0, 20));
    expect(await threadIds(client, { limit: 0 })).toEqual(newest.slice(0, 20));
    expect(await threadIds(client, { limit: 3, offset: 1 })).toEqual(newest.slice(1, 4));
    expect(await threadIds(client, { limit: 30, offset: 20 })).toEqual(newest.slice(20));
    expect(await threadIds(client, { offset: 50 })).toEqual([]);
  });

  it.skipIf(skip)('subjects and bodies are text: markup and quotes escaped in XML, PHP-style escapes in JSON', async () => {
    const dora = await server.createPerson('Dora Escapes');
    await server.services.friends.addDirectly(dora.uid, cast.ada.uid);
    const client = { xml: await clientOf(server, web, dora, ['read_mailbox']), json: await clientOf(server, web, dora, ['read_mailbox'], 'json') };
    await server.services.mailbox.send({ from: cast.ada.uid, to: [dora.uid], subject: '<script>"x"</script>', body: 'a & b </body> it\'s\nline' });
    const xml = (await call(client.xml, {}, 'xml')).body;
    expect(xml).toContain('<subject>&lt;script&gt;&quot;x&quot;&lt;/script&gt;</subject>');
    expect(xml).toContain("<body>a &amp; b &lt;/body&gt; it's\nline</body>");
    expect(xml).toContain("<snippet>a &amp; b &lt;/body&gt; it's line</snippet>");
    expect(xml).not.toContain('<script>');
    expect((await call(client.json, {}, 'json')).body).toContain('"subject":"<script>\\"x\\"<\\/script>"');
  });

  it.skipIf(skip)('whose mailbox: a web app without a session names the person by uid; a desktop app reads its session user’s, signed with the session secret', async () => {
    await grant(server, web, cast.bob, 'read_mailbox');
    expect(await threadIds(sessionless(server, web), { uid: cast.bob.uid })).toEqual([threadId]);
    const bobDesktop = await clientOf(server, desktop, cast.bob, ['read_mailbox'], 'json');
    expect(await threadIds(bobDesktop)).toEqual([threadId]);
    expect(await threadIds(bobDesktop, { uid: cast.bob.uid })).toEqual([threadId]);
  });

  it.skipIf(skip)('refuses: no read_mailbox 298 (nor for another person by uid), nobody 110, a bad folder_id, limit or offset 100', async () => {
    const without = { xml: await clientOf(server, web, cast.dan, []), json: await clientOf(server, web, cast.dan, [], 'json') };
    await fails(without, {}, 298, `Reading mailbox messages requires the extended permission read_mailbox (uid ${cast.dan.uid} has not granted this application read_mailbox)`);
    const app = { xml: sessionless(server, web), json: sessionless(server, web) };
    const stranger = await server.createPerson('Sid Stranger');
    await grant(server, web, stranger, 'read_stream');
    await fails(app, { uid: stranger.uid }, 298, /^Reading mailbox messages requires the extended permission read_mailbox/);
    const other = await server.createApp('web');
    await fails({ xml: sessionless(server, other), json: sessionless(server, other) }, { uid: cast.ada.uid }, 298, /^Reading mailbox messages requires the extended permission read_mailbox/);
    await fails(app, { uid: 499_999_999 }, 110, 'Invalid user id (uid 499999999 names nobody)');
    await fails(app, { uid: 'ada' }, 110, /^Invalid user id/);
    await fails(ada, { folder_id: 2 }, 100, 'Invalid parameter (folder_id: not a folder (0 Inbox, 1 Sent Messages, 4 Updates))');
    await fails(ada, { folder_id: 'inbox' }, 100, /^Invalid parameter \(folder_id/);
    await fails(ada, { limit: -1 }, 100, 'Invalid parameter (limit: not a non-negative integer)');
    await fails(ada, { offset: '1.5' }, 100, 'Invalid parameter (offset: not a non-negative integer)');
  });

  it.skipIf(skip)('refuses: neither session nor uid 102; a desktop app without a session 102; a session secret or desktop app naming someone else 200', async () => {
    const app = { xml: sessionless(server, web), json: sessionless(server, web) };
    await fails(app, {}, 102, /^Session key invalid or no longer valid/);
    const lonely = { xml: server.client(desktop), json: server.client(desktop) };
    await fails(lonely, {}, 102, /^Session key invalid or no longer valid/);
    const bobDesktop = { xml: await clientOf(server, desktop, cast.bob, ['read_mailbox']), json: await clientOf(server, desktop, cast.bob, ['read_mailbox'], 'json') };
    await fails(bobDesktop, { uid: cast.ada.uid }, 200, /^Permissions error/);
  });
});
