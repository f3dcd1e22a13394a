/**
 * comments.add on both backends: the new id inline (XML) and a number (JSON); the writer by uid
 * (web apps, uid=0 meaning none) or session; 1704 for a writer who has not authorized the app;
 * 1701 past 8000 characters; 1703 for a bad xid; 100 for empty text or a story without its link;
 * 200 for publish_to_stream without publish_stream or for a session naming someone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { hasPostgres } from '../support/postgres.js';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { expectError, type Format } from './protocol-helpers.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('comments.add on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let ada: Person;
  let outsider: Person;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
    ada = await server.createPerson('Ada Lovelace');
    outsider = await server.createPerson('Olive Outsider');
    await server.store.authorizations.authorize(ada.uid, web.appId);
  });
  afterAll(() => server?.close());

  const add = (args: Record<string, string>, format: Format = 'xml') => server.client(web).callRaw('comments.add', args, { format });
  const commentsOf = (xid: string, app: App = web) => server.services.commentBoxes.ofSet(app.appId, xid);

  it.skipIf(skip)('answers the new id inline and as a JSON number, and stores the comment', async () => {
    const before = Math.floor(Date.now() / 1000);
    const xml = await add({ xid: 'engine_notes', text: 'Hola', uid: String(ada.uid) });
    const id = /<comments_add_response [^>]*>(\d+)</.exec(xml.body)?.[1];
    expect(xml.body).toBe(xmlScalarAnswer('comments_add_response', id!));
    const json = await add({ xid: 'engine_notes', text: 'Adiós', uid: String(ada.uid) }, 'json');
    expect(json.body).toBe(String(Number(id) + 1));
    const stored = await commentsOf('engine_notes');
    expect(stored.map((comment) => [comment.commentId, comment.fromUid, comment.text])).toEqual([
      [Number(id), ada.uid, 'Hola'],
      [Number(id) + 1, ada.uid, 'Adiós'],
    ]);
    expect(Math.floor(stored[0]!.createdAt.getTime() / 1000)).toBeGreaterThanOrEqual(before);
  });

  it.skipIf(skip)('takes the session user as the writer, also when the PHP client sends uid=0', async () => {
    const client = webClient(server, web, await signedInSession(server, web, ada));
    await client.callRaw('comments.add', { xid: 'by_session', text: 'from the session', uid: '0' });
    const desktop = await server.createApp('desktop');
    const grace = await server.createPerson('Grace Hopper');
    const asGrace = desktopClient(server, desktop, await signedInSession(server, desktop, grace), { useSessionSecret: true });
    await asGrace.callRaw('comments.add', { xid: 'by_session', text: 'from the desktop' });
    expect((await commentsOf('by_session')).map((comment) => comment.fromUid)).toEqual([ada.uid]);
    expect((await commentsOf('by_session', desktop)).map((comment) => comment.fromUid)).toEqual([grace.uid]);
  });

  it.skipIf(skip)('keeps hostile text as text: the XML escapes it, the JSON carries it as a string', async () => {
    const text = '<script>alert(1)</script>&amp;';
    const id = (await add({ xid: 'hostile', text, uid: String(ada.uid) }, 'json')).body;
    const xml = (await server.client(web).callRaw('comments.get', { xid: 'hostile' })).body;
    expect(xml).toContain(`<text>&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;</text>\n    <id>${id}</id>`);
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    it.skipIf(skip)('1704 for a writer who has not authorized the app', async () => {
      expectError(await add({ xid: 'x', text: 'hi', uid: String(outsider.uid) }, format), format, 1704, `The specified user is not a user of this application (uid ${outsider.uid})`);
    });

    it.skipIf(skip)('1701 past 8000 characters (as people count them), 8000 accepted', async () => {
      expect((await add({ xid: 'long', text: '\u{1F600}'.repeat(8000), uid: String(ada.uid) }, format)).body).not.toContain('error_code');
      expectError(await add({ xid: 'long', text: 'a'.repeat(8001), uid: String(ada.uid) }, format), format, 1701, 'The specified post was too long. (more than 8000 characters)');
    });

    it.skipIf(skip)('1703 for a bad xid; 100 for empty text', async () => {
      expectError(await add({ xid: 'a b', text: 'hi', uid: String(ada.uid) }, format), format, 1703, /^The specified xid is not valid/);
      expectError(await add({ xid: 'ok', text: '', uid: String(ada.uid) }, format), format, 100, /^Invalid parameter \(text/);
    });

    it.skipIf(skip)('200 for publish_to_stream without publish_stream; 100 without its title or url', async () => {
      const args = { xid: 'story', text: 'nice', uid: String(ada.uid), publish_to_stream: '1', title: 'My page', url: 'http://example.org/page' };
      expectError(await add(args, format), format, 200, 'Permissions error (publish_to_stream requires the extended permission publish_stream)');
      expectError(await add({ ...args, url: 'javascript:alert(1)' }, format), format, 100, 'Invalid parameter (url: an http(s) URL is required with publish_to_stream)');
      expectError(await add({ ...args, title: '' }, format), format, 100, 'Invalid parameter (title: required with publish_to_stream)');
      expect(await commentsOf('story')).toEqual([]);
    });

    it.skipIf(skip)('200 for a session-secret call naming someone else; 102 with neither uid nor session', async () => {
      const desktop = await server.createApp('desktop');
      const grace = await server.createPerson('Grace Hopper');
      const asGrace = desktopClient(server, desktop, await signedInSession(server, desktop, grace), { format, useSessionSecret: true });
      expectError(await asGrace.callRaw('comments.add', { xid: 'x', text: 'hi', uid: String(ada.uid) }, { format }), format, 200, /may only comment as the session user/);
      expectError(await add({ xid: 'x', text: 'hi' }, format), format, 102, /pass a uid or a session_key/);
      expectError(await add({ xid: 'x', text: 'hi', uid: 'abc' }, format), format, 110, /uid/);
    });
  });

  it.skipIf(skip)('with publish_stream, publishes a story linking the item when the stream takes posts', async () => {
    await server.store.permissions.grant(ada.uid, web.appId, 'publish_stream');
    const id = Number((await add({ xid: 'story', text: 'nice', uid: String(ada.uid), publish_to_stream: '1', title: 'My page', url: 'http://example.org/page' }, 'json')).body);
    const [comment] = await commentsOf('story');
    expect(comment!.commentId).toBe(id);
    const stream = (server.services as unknown as { stream?: { publish?: unknown; find?: (postId: string) => Promise<Record<string, unknown> | undefined> } }).stream;
    if (typeof stream?.publish !== 'function') {
      expect(comment!.postId).toBeNull();
      return;
    }
    expect(comment!.postId).toMatch(new RegExp(`^${ada.uid}_\\d+$`));
    expect(await stream.find!(comment!.postId!)).toMatchObject({
      wall: ada.uid,
      actor: ada.uid,
      appId: web.appId,
      type: 237,
      message: 'nice',
      attachment: { name: 'My page', href: 'http://example.org/page', comments_xid: 'story' },
    });
  });
});
