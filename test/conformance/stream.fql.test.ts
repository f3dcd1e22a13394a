/**
 * The stream's FQL tables on both backends — stream, comment, like, stream_filter: a query per
 * table byte for byte, the dotted reads clients make (comments.count, likes.user_likes), a
 * multiquery reading posts then their comments, privacy from a stranger, a friend, the wall's
 * owner and without read_stream, and the errors 102, 604 and 612 with their messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient, RestClientError } from '../../sdk/index.js';
import { xmlScalarAnswer } from '../support/test-server.js';
import { BACKENDS, circle, clientOf, grant, postAs, streamCast, type StreamCast } from './stream.setup.js';

const T0 = new Date(1262304000_000);
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const rows = (inner: string) => xmlScalarAnswer('fql_query_response', inner === '' ? '' : `\n${inner}`, ' list="true"');

describe.each(BACKENDS)('stream FQL tables on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  let people: Awaited<ReturnType<typeof circle>>;
  let asAda: RestClient;
  let asBob: RestClient;
  let asDan: RestClient;
  let engine: string;
  let friendsOnly: string;
  let commentId: string;

  beforeAll(async () => {
    if (skip) return;
    cast = await streamCast(backend);
    const { server, web } = cast;
    people = await circle(server);
    const { ada, bob, cleo, dan } = people;
    engine = await postAs(server, ada, {
      app: web,
      message: 'Finished the notes on the Engine',
      attachment: {
        name: 'The Analytical Engine',
        href: 'http://example.org/engine',
        caption: 'example.org',
        description: 'Notes by the translator',
        media: [{ type: 'image', src: 'http://example.org/engine.jpg', href: 'http://example.org/engine' }],
      },
      actionLinks: [{ text: 'Read more', href: 'http://example.org/engine' }],
      privacy: { value: 'ALL_FRIENDS' },
      at: T0,
    });
    const added = await server.services.stream.addComment(bob.uid, engine, 'Splendid.', web.appId, at(1000));
    commentId = added.outcome === 'done' ? added.commentId : '';
    await server.services.stream.like(bob.uid, engine, at(1001));
    await server.services.stream.like(cleo.uid, engine, at(1002));
    friendsOnly = engine;
    await postAs(server, ada, { message: 'For everyone', at: at(2000) });
    asAda = await clientOf(server, web, ada);
    asBob = await clientOf(server, web, bob);
    asDan = await clientOf(server, web, dan);
  });
  afterAll(() => cast?.server.close());

  const json = async (client: RestClient, query: string) => (await client.callRaw('fql.query', { query }, { format: 'json' })).body;
  const xml = async (client: RestClient, query: string) => (await client.callRaw('fql.query', { query })).body;
  const failure = async (client: RestClient, query: string) => (await client.call('fql.query', { query }).catch((error: unknown) => error)) as RestClientError;

  it.skipIf(skip)('stream: a wall’s post with its comments, like count, attachment, action links and privacy (the platform’s sample query)', async () => {
    const { ada, bob } = people;
    const query = `SELECT post_id, actor_id, message, comments, likes.count, attachment, action_links, privacy FROM stream WHERE source_id = ${ada.uid} AND post_id = '${engine}' LIMIT 1`;
    expect(await json(asBob, query)).toBe(
      `[{"post_id":"${engine}","actor_id":${ada.uid},"message":"Finished the notes on the Engine",` +
        `"comments":{"can_remove":false,"can_post":true,"count":1,"comment_list":[{"fromid":${bob.uid},"time":1262305000,"text":"Splendid.","id":"${commentId}"}]},` +
        '"likes":{"count":2},' +
        '"attachment":{"media":[{"href":"http:\\/\\/example.org\\/engine","type":"link","src":"http:\\/\\/example.org\\/engine.jpg"}],"name":"The Analytical Engine","href":"http:\\/\\/example.org\\/engine","caption":"example.org","description":"Notes by the translator","properties":[],"icon":"","fb_object_type":"","fb_object_id":""},' +
        '"action_links":[{"text":"Read more","href":"http:\\/\\/example.org\\/engine"}],' +
        '"privacy":{"description":"Friends Only","value":"ALL_FRIENDS","friends":"","networks":"","allow":"","deny":""}}]',
    );
    expect(await xml(asBob, query)).toBe(
      rows(
        '  <stream>\n' +
          `    <post_id>${engine}</post_id>\n` +
          `    <actor_id>${ada.uid}</actor_id>\n` +
          '    <message>Finished the notes on the Engine</message>\n' +
          '    <comments>\n' +
          '      <can_remove>0</can_remove>\n' +
          '      <can_post>1</can_post>\n' +
          '      <count>1</count>\n' +
          '      <comment_list list="true">\n' +
          '        <comment>\n' +
          `          <fromid>${bob.uid}</fromid>\n` +
          '          <time>1262305000</time>\n' +
          '          <text>Splendid.</text>\n' +
          `          <id>${commentId}</id>\n` +
          '        </comment>\n' +
          '      </comment_list>\n' +
          '    </comments>\n' +
          '    <likes>\n' +
          '      <count>2</count>\n' +
          '    </likes>\n' +
          '    <attachment>\n' +
          '      <media list="true">\n' +
          '        <stream_media>\n' +
          '          <href>http://example.org/engine</href>\n' +
          '          <type>link</type>\n' +
          '          <src>http://example.org/engine.jpg</src>\n' +
          '        </stream_media>\n' +
          '      </media>\n' +
          '      <name>The Analytical Engine</name>\n' +
          '      <href>http://example.org/engine</href>\n' +
          '      <caption>example.org</caption>\n' +
          '      <description>Notes by the translator</description>\n' +
          '      <properties list="true"/>\n' +
          '      <icon/>\n' +
          '      <fb_object_type/>\n' +
          '      <fb_object_id/>\n' +
          '    </attachment>\n' +
          '    <action_links list="true">\n' +
          '      <stream_action_link>\n' +
          '        <text>Read more</text>\n' +
          '        <href>http://example.org/engine</href>\n' +
          '      </stream_action_link>\n' +
          '    </action_links>\n' +
          '    <privacy>\n' +
          '      <description>Friends Only</description>\n' +
          '      <value>ALL_FRIENDS</value>\n' +
          '      <friends/>\n' +
          '      <networks/>\n' +
          '      <allow/>\n' +
          '      <deny/>\n' +
          '    </privacy>\n' +
          '  </stream>\n',
      ),
    );
  });

  it.skipIf(skip)('stream: comments.count and likes.user_likes as each viewer sees them, newest first by updated time', async () => {
    const { ada } = people;
    const query = `SELECT post_id, comments.count, likes.user_likes, likes.can_like, updated_time FROM stream WHERE source_id = ${ada.uid} ORDER BY updated_time DESC`;
    expect(JSON.parse(await json(asBob, query))).toEqual([
      { post_id: expect.stringMatching(/^\d+_\d+$/), comments: { count: 0 }, likes: { user_likes: false, can_like: true }, updated_time: 1262306000 },
      { post_id: engine, comments: { count: 1 }, likes: { user_likes: true, can_like: true }, updated_time: 1262305002 },
    ]);
    expect(await xml(asBob, `SELECT likes.user_likes FROM stream WHERE post_id = '${engine}'`)).toBe(rows('  <stream>\n    <likes>\n      <user_likes>1</user_likes>\n    </likes>\n  </stream>\n'));
  });

  it.skipIf(skip)('stream: privacy — the owner and a friend see the friends-only post, a stranger and a reader without read_stream only the public one', async () => {
    const { server, web } = cast;
    const query = `SELECT message FROM stream WHERE source_id = ${people.ada.uid}`;
    expect(JSON.parse(await json(asAda, query))).toEqual([{ message: 'For everyone' }, { message: 'Finished the notes on the Engine' }]);
    expect(JSON.parse(await json(asBob, query))).toEqual([{ message: 'For everyone' }, { message: 'Finished the notes on the Engine' }]);
    expect(JSON.parse(await json(asDan, query))).toEqual([{ message: 'For everyone' }]);
    expect(JSON.parse(await json(asDan, `SELECT message FROM stream WHERE post_id = '${friendsOnly}'`))).toEqual([]);
    const cleoWithoutReadStream = await clientOf(server, web, people.cleo, ['publish_stream']);
    await server.store.permissions.revoke(people.cleo.uid, web.appId, 'read_stream');
    expect(JSON.parse(await json(cleoWithoutReadStream, query))).toEqual([{ message: 'For everyone' }]);
  });

  it.skipIf(skip)('stream: the home view by filter_key, from stream_filter as the wiki’s example reads it', async () => {
    const { bob } = people;
    const nf = `SELECT post_id, actor_id, message, filter_key FROM stream WHERE filter_key IN (SELECT filter_key FROM stream_filter WHERE uid = ${bob.uid} AND type = 'newsfeed')`;
    expect(JSON.parse(await json(asBob, nf))).toEqual([
      { post_id: expect.any(String), actor_id: people.ada.uid, message: 'For everyone', filter_key: 'nf' },
      { post_id: engine, actor_id: people.ada.uid, message: 'Finished the notes on the Engine', filter_key: 'nf' },
    ]);
    expect(JSON.parse(await json(asDan, `SELECT message FROM stream WHERE filter_key = 'nf'`))).toEqual([]);
  });

  it.skipIf(skip)('stream: 612 for filter_key without read_stream, 102 without a session, 604 for too many filters', async () => {
    const { server, web } = cast;
    const person = await server.createPerson('Publisher Only');
    const client = await clientOf(server, web, person, ['publish_stream']);
    const refused = await failure(client, `SELECT message FROM stream WHERE filter_key = 'nf'`);
    expect([refused.code, refused.message]).toEqual([612, 'The stream requires an extended permission (stream.filter_key (the home view) needs the read_stream permission)']);
    const noSession = await failure(server.client(web), `SELECT message FROM stream WHERE source_id = ${people.ada.uid}`);
    expect(noSession.code).toBe(102);
    const keys = Array.from({ length: 21 }, (_, n) => `'app_${n + 1}'`).join(',');
    const tooMany = await failure(asBob, `SELECT message FROM stream WHERE filter_key IN (${keys})`);
    expect([tooMany.code, tooMany.message]).toEqual([604, 'Your statement is not indexable (stream.filter_key may name at most 20 filters at once, not 21)']);
  });

  it.skipIf(skip)('comment: the comments of a post the viewer sees; none of one they may not see', async () => {
    const { bob } = people;
    const query = `SELECT post_id, fromid, time, text, id, xid FROM comment WHERE post_id = '${engine}'`;
    expect(await xml(asBob, query)).toBe(
      rows(
        '  <comment>\n' +
          `    <post_id>${engine}</post_id>\n` +
          `    <fromid>${bob.uid}</fromid>\n` +
          '    <time>1262305000</time>\n' +
          '    <text>Splendid.</text>\n' +
          `    <id>${commentId}</id>\n` +
          '    <xid xsi:nil="true"/>\n' +
          '  </comment>\n',
      ),
    );
    expect(await json(asBob, query)).toBe(`[{"post_id":"${engine}","fromid":${bob.uid},"time":1262305000,"text":"Splendid.","id":"${commentId}","xid":null}]`);
    expect(await json(asDan, query)).toBe('[]');
  });

  it.skipIf(skip)('comment: by xid, the calling app’s comment boxes', async () => {
    const { server, web } = cast;
    await server.services.commentBoxes.add({ appId: web.appId, xid: 'engine_notes', fromUid: people.bob.uid, text: 'In a box', session: undefined }, at(3000));
    const other = await server.createApp('web');
    await grant(server, other, people.bob);
    await server.services.commentBoxes.add({ appId: other.appId, xid: 'engine_notes', fromUid: people.bob.uid, text: 'Another app’s box', session: undefined }, at(3001));
    expect(JSON.parse(await json(asDan, `SELECT xid, fromid, text, time FROM comment WHERE xid = 'engine_notes'`))).toEqual([
      { xid: 'engine_notes', fromid: people.bob.uid, text: 'In a box', time: 1262307000 },
    ]);
  });

  it.skipIf(skip)('like: who likes a post; the session user’s own likes by user_id', async () => {
    const { bob, cleo } = people;
    expect(JSON.parse(await json(asAda, `SELECT user_id, post_id FROM like WHERE post_id = '${engine}' ORDER BY user_id`))).toEqual([
      { user_id: bob.uid, post_id: engine },
      { user_id: cleo.uid, post_id: engine },
    ]);
    expect(await xml(asBob, 'SELECT post_id FROM like WHERE user_id = me()')).toBe(rows(`  <like>\n    <post_id>${engine}</post_id>\n  </like>\n`));
    expect(await json(asDan, `SELECT user_id FROM like WHERE post_id = '${engine}'`)).toBe('[]');
  });

  it.skipIf(skip)('like: 604 for another person’s user_id, 612 for one’s own without read_stream', async () => {
    const { server, web } = cast;
    const other = await failure(asBob, `SELECT post_id FROM like WHERE user_id = ${people.cleo.uid}`);
    expect([other.code, other.message]).toEqual([604, 'Your statement is not indexable (like.user_id may name only the session user)']);
    const client = await clientOf(server, web, await server.createPerson('No Reader'), ['publish_stream']);
    const refused = await failure(client, 'SELECT post_id FROM like WHERE user_id = me()');
    expect([refused.code, refused.message]).toEqual([612, 'The stream requires an extended permission (like.user_id needs the read_stream permission)']);
  });

  it.skipIf(skip)('stream_filter: the session user’s filters; another uid gives no rows', async () => {
    const { server, web } = cast;
    const list = await server.services.friendLists.create(people.ada.uid, 'Engine Club');
    expect(await xml(asAda, 'SELECT filter_key, name, rank, is_visible, type, value FROM stream_filter WHERE uid = me()')).toBe(
      rows(
        '  <stream_filter>\n    <filter_key>nf</filter_key>\n    <name>News Feed</name>\n    <rank>0</rank>\n    <is_visible>1</is_visible>\n    <type>newsfeed</type>\n    <value xsi:nil="true"/>\n  </stream_filter>\n' +
          `  <stream_filter>\n    <filter_key>fl_${list.flid}</filter_key>\n    <name>Engine Club</name>\n    <rank>1</rank>\n    <is_visible>1</is_visible>\n    <type>friendlist</type>\n    <value>${list.flid}</value>\n  </stream_filter>\n` +
          `  <stream_filter>\n    <filter_key>app_${web.appId}</filter_key>\n    <name>${web.name}</name>\n    <rank>2</rank>\n    <is_visible>1</is_visible>\n    <type>application</type>\n    <value>${web.appId}</value>\n  </stream_filter>\n`,
      ),
    );
    expect(await json(asBob, `SELECT filter_key FROM stream_filter WHERE uid = ${people.ada.uid}`)).toBe('[]');
    expect((await failure(server.client(web), `SELECT filter_key FROM stream_filter WHERE uid = ${people.ada.uid}`)).code).toBe(102);
  });

  it.skipIf(skip)('fql.multiquery: a wall’s posts, then their comments and likes', async () => {
    const queries = {
      posts: `SELECT post_id, message FROM stream WHERE source_id = ${people.ada.uid}`,
      comments: 'SELECT post_id, text FROM comment WHERE post_id IN (SELECT post_id FROM #posts)',
      likes: 'SELECT user_id FROM like WHERE post_id IN (SELECT post_id FROM #posts)',
    };
    const answer = JSON.parse((await asBob.callRaw('fql.multiquery', { queries: JSON.stringify(queries) }, { format: 'json' })).body);
    expect(answer).toEqual([
      { name: 'posts', fql_result_set: [{ post_id: expect.any(String), message: 'For everyone' }, { post_id: engine, message: 'Finished the notes on the Engine' }] },
      { name: 'comments', fql_result_set: [{ post_id: engine, text: 'Splendid.' }] },
      // Newest like first.
      { name: 'likes', fql_result_set: [{ user_id: people.cleo.uid }, { user_id: people.bob.uid }] },
    ]);
  });
});
