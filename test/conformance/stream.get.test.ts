/**
 * stream.get on both backends: the answer byte for byte (posts with their normalised attachment,
 * app data, action links, comment and like previews, privacy; the people they name; albums), in
 * XML and JSON; which posts (news feed, sources, filters, times, limit, post_ids, newest first);
 * privacy from a stranger, a friend, the wall's owner and nobody; and the errors 100, 110, 200,
 * 210, 612.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import type { Person } from '../../src/features/people/records.js';
import { xmlScalarAnswer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';
import { BACKENDS, circle, clientOf, grant, postAs, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'stream_get_response';
const T0 = new Date(1262304000_000);
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

interface Post {
  post_id: string;
  actor_id: number;
  message: string;
}

describe.each(BACKENDS)('stream.get on $backend', ({ backend, skip }) => {
  let cast: StreamCast;

  beforeAll(async () => {
    if (!skip) cast = await streamCast(backend);
  });
  afterAll(() => cast?.server.close());

  /** stream.get in JSON, parsed. */
  async function read(client: RestClient, args: Record<string, string | number> = {}): Promise<{ posts: Post[]; profiles: Array<{ id: number }>; albums: unknown[] }> {
    const answer = await client.callRaw('stream.get', args, { format: 'json' });
    return JSON.parse(answer.body);
  }
  const messages = async (client: RestClient, args: Record<string, string | number> = {}) => (await read(client, args)).posts.map((post) => post.message);

  it.skipIf(skip)('writes one post, its attachment, comments, likes and privacy, and the people it names, in the platform’s order (XML)', async () => {
    const { server, web } = cast;
    const { ada, bob, cleo } = await circle(server);
    const attachment = {
      name: 'Analytical Engine',
      href: 'http://example.org/ae',
      caption: '{*actor*} read a page',
      media: [{ type: 'image', src: 'http://example.org/ae.jpg', href: 'http://example.org/ae' }],
      properties: { Source: { text: 'example.org', href: 'http://example.org/' } },
    };
    const postId = await postAs(server, ada, { app: web, message: 'Look at this', attachment, actionLinks: [{ text: 'Read it', href: 'http://example.org/ae' }], at: T0 });
    const story = postId.split('_')[1];
    const like = await server.services.stream.like(cleo.uid, postId, at(50));
    expect(like).toBe('done');
    const added = await server.services.stream.addComment(bob.uid, postId, 'Splendid & <b>bold</b>', web.appId, at(100));
    expect(added.outcome).toBe('done');
    const commentId = added.outcome === 'done' ? added.commentId : '';
    const asBob = await clientOf(server, web, bob);
    const origin = server.url;
    const attachmentData = JSON.stringify(attachment).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const expected =
      '\n' +
      '  <posts list="true">\n' +
      '    <stream_post>\n' +
      `      <post_id>${postId}</post_id>\n` +
      `      <viewer_id>${bob.uid}</viewer_id>\n` +
      `      <source_id>${ada.uid}</source_id>\n` +
      '      <type>237</type>\n' +
      `      <app_id>${web.appId}</app_id>\n` +
      `      <attribution>${web.name}</attribution>\n` +
      `      <actor_id>${ada.uid}</actor_id>\n` +
      '      <target_id xsi:nil="true"/>\n' +
      '      <message>Look at this</message>\n' +
      '      <attachment>\n' +
      '        <media list="true">\n' +
      '          <stream_media>\n' +
      '            <href>http://example.org/ae</href>\n' +
      '            <type>link</type>\n' +
      '            <src>http://example.org/ae.jpg</src>\n' +
      '          </stream_media>\n' +
      '        </media>\n' +
      '        <name>Analytical Engine</name>\n' +
      '        <href>http://example.org/ae</href>\n' +
      '        <caption>Ada Lovelace read a page</caption>\n' +
      '        <description/>\n' +
      '        <properties list="true">\n' +
      '          <stream_property>\n' +
      '            <name>Source</name>\n' +
      '            <text>example.org</text>\n' +
      '            <href>http://example.org/</href>\n' +
      '          </stream_property>\n' +
      '        </properties>\n' +
      '        <icon/>\n' +
      '        <fb_object_type/>\n' +
      '        <fb_object_id/>\n' +
      '      </attachment>\n' +
      '      <app_data>\n' +
      `        <attachment_data>${attachmentData.replace(/"/g, '&quot;')}</attachment_data>\n` +
      '      </app_data>\n' +
      '      <action_links list="true">\n' +
      '        <stream_action_link>\n' +
      '          <text>Read it</text>\n' +
      '          <href>http://example.org/ae</href>\n' +
      '        </stream_action_link>\n' +
      '      </action_links>\n' +
      '      <comments>\n' +
      '        <can_remove>0</can_remove>\n' +
      '        <can_post>1</can_post>\n' +
      '        <count>1</count>\n' +
      '        <comment_list list="true">\n' +
      '          <comment>\n' +
      `            <fromid>${bob.uid}</fromid>\n` +
      '            <time>1262304100</time>\n' +
      '            <text>Splendid &amp; &lt;b&gt;bold&lt;/b&gt;</text>\n' +
      `            <id>${commentId}</id>\n` +
      '          </comment>\n' +
      '        </comment_list>\n' +
      '      </comments>\n' +
      '      <likes>\n' +
      `        <href>${origin}/profile.php?v=feed&amp;story_fbid=${story}&amp;id=${ada.uid}</href>\n` +
      '        <count>1</count>\n' +
      '        <sample list="true">\n' +
      `          <uid>${cleo.uid}</uid>\n` +
      '        </sample>\n' +
      '        <friends list="true"/>\n' +
      '        <user_likes>0</user_likes>\n' +
      '        <can_like>1</can_like>\n' +
      '      </likes>\n' +
      '      <privacy>\n' +
      '        <description>Everyone</description>\n' +
      '        <value>EVERYONE</value>\n' +
      '        <friends/>\n' +
      '        <networks/>\n' +
      '        <allow/>\n' +
      '        <deny/>\n' +
      '      </privacy>\n' +
      '      <updated_time>1262304100</updated_time>\n' +
      '      <created_time>1262304000</created_time>\n' +
      '      <tagged_ids list="true"/>\n' +
      '      <is_hidden>0</is_hidden>\n' +
      '      <filter_key/>\n' +
      `      <permalink>${origin}/profile.php?v=feed&amp;story_fbid=${story}&amp;id=${ada.uid}</permalink>\n` +
      '    </stream_post>\n' +
      '  </posts>\n' +
      '  <profiles list="true">\n' +
      [ada, bob, cleo]
        .map(
          (person) =>
            '    <profile>\n' +
            `      <id>${person.uid}</id>\n` +
            `      <url>${origin}/profile.php?id=${person.uid}</url>\n` +
            `      <name>${person.firstName} ${person.lastName}</name>\n` +
            '      <pic_square/>\n' +
            '      <type>user</type>\n' +
            '    </profile>\n',
        )
        .join('') +
      '  </profiles>\n' +
      '  <albums list="true"/>\n';
    const xml = await asBob.callRaw('stream.get', { source_ids: JSON.stringify([ada.uid]) });
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.body).toBe(xmlScalarAnswer(ROOT, expected));

    const json = await asBob.callRaw('stream.get', { source_ids: String(ada.uid) }, { format: 'json' });
    const escaped = (text: string) => text.replace(/\//g, '\\/');
    const link = escaped(`${origin}/profile.php?v=feed&story_fbid=${story}&id=${ada.uid}`);
    expect(json.body).toBe(
      `{"posts":[{"post_id":"${postId}","viewer_id":${bob.uid},"source_id":${ada.uid},"type":237,"app_id":${web.appId},"attribution":"${web.name}","actor_id":${ada.uid},"target_id":null,"message":"Look at this",` +
        '"attachment":{"media":[{"href":"http:\\/\\/example.org\\/ae","type":"link","src":"http:\\/\\/example.org\\/ae.jpg"}],"name":"Analytical Engine","href":"http:\\/\\/example.org\\/ae","caption":"Ada Lovelace read a page","description":"",' +
        '"properties":[{"name":"Source","text":"example.org","href":"http:\\/\\/example.org\\/"}],"icon":"","fb_object_type":"","fb_object_id":""},' +
        `"app_data":{"attachment_data":${escaped(JSON.stringify(JSON.stringify(attachment)))}},` +
        '"action_links":[{"text":"Read it","href":"http:\\/\\/example.org\\/ae"}],' +
        `"comments":{"can_remove":false,"can_post":true,"count":1,"comment_list":[{"fromid":${bob.uid},"time":1262304100,"text":"Splendid & <b>bold<\\/b>","id":"${commentId}"}]},` +
        `"likes":{"href":"${link}","count":1,"sample":[${cleo.uid}],"friends":[],"user_likes":false,"can_like":true},` +
        '"privacy":{"description":"Everyone","value":"EVERYONE","friends":"","networks":"","allow":"","deny":""},' +
        `"updated_time":1262304100,"created_time":1262304000,"tagged_ids":[],"is_hidden":false,"filter_key":"","permalink":"${link}"}],` +
        `"profiles":[${[ada, bob, cleo].map((person) => `{"id":${person.uid},"url":"${escaped(`${origin}/profile.php?id=${person.uid}`)}","name":"${person.firstName} ${person.lastName}","pic_square":"","type":"user"}`).join(',')}],` +
        '"albums":[]}',
    );
  });

  it.skipIf(skip)('answers posts, profiles and albums, all present and empty, when nothing is there; photo_tags when asked for', async () => {
    const { server, web } = cast;
    const loner = await server.createPerson('Lone Reader');
    const client = await clientOf(server, web, loner);
    expect((await client.callRaw('stream.get', {})).body).toBe(
      xmlScalarAnswer(ROOT, '\n  <posts list="true"/>\n  <profiles list="true"/>\n  <albums list="true"/>\n'),
    );
    expect((await client.callRaw('stream.get', {}, { format: 'json' })).body).toBe('{"posts":[],"profiles":[],"albums":[]}');
    expect((await client.callRaw('stream.get', { metadata: '["albums","profiles","photo_tags"]' }, { format: 'json' })).body).toBe(
      '{"posts":[],"profiles":[],"albums":[],"photo_tags":[]}',
    );
  });

  it.skipIf(skip)('decodes through the typed client to posts, profiles and albums from XML and JSON alike', async () => {
    const { server, web } = cast;
    const { ada, bob } = await circle(server);
    const postId = await postAs(server, bob, { wall: ada, message: 'Decoded & <b>kept</b>', at: T0 });
    for (const format of ['xml', 'json'] as const) {
      const answer = await (await clientOf(server, web, ada, ['read_stream'], format)).call('stream.get', { source_ids: [ada.uid] });
      expect(answer.posts.map((post) => [String(post.post_id), post.message])).toEqual([[postId, 'Decoded & <b>kept</b>']]);
      expect(answer.profiles.map((profile) => profile.name).sort()).toEqual(['Ada Lovelace', 'Bob Bobson'].sort());
      expect(answer.albums).toEqual([]);
    }
  });

  it.skipIf(skip)('writes a post on a friend’s wall with its target, a post made on Hearth’s pages without app, and empty attachment and app_data', async () => {
    const { server, web } = cast;
    const { ada, bob } = await circle(server);
    const postId = await postAs(server, bob, { wall: ada, message: 'Hi Ada', at: T0 });
    const client = await clientOf(server, web, ada);
    const body = (await client.callRaw('stream.get', { source_ids: String(ada.uid) }, { format: 'json' })).body;
    const [post] = JSON.parse(body).posts;
    expect(post).toMatchObject({ post_id: postId, source_id: ada.uid, type: 56, app_id: null, attribution: null, actor_id: bob.uid, target_id: ada.uid });
    expect(body).toContain('"attachment":{},"app_data":{},"action_links":null,');
    expect(body).toContain('"comments":{"can_remove":true,"can_post":true,"count":0,"comment_list":[]}');
    expect(body).toContain('"privacy":{"description":"Friends Only","value":"ALL_FRIENDS","friends":"","networks":"","allow":"","deny":""}');
    const xml = (await client.callRaw('stream.get', { source_ids: String(ada.uid) })).body;
    expect(xml).toContain('      <attachment/>\n      <app_data/>\n      <action_links xsi:nil="true"/>\n');
    expect(xml).toContain('      <app_id xsi:nil="true"/>\n      <attribution xsi:nil="true"/>\n');
  });

  it.skipIf(skip)('reads the news feed by default: the viewer’s and their friends’ posts and walls, newest first (updated time)', async () => {
    const { server, web } = cast;
    const { ada, bob, cleo, dan } = await circle(server);
    await postAs(server, ada, { message: 'ada 1', at: at(1) });
    await postAs(server, bob, { message: 'bob 1', at: at(2) });
    await postAs(server, cleo, { message: 'cleo 1', at: at(3) });
    await postAs(server, dan, { message: 'dan 1', at: at(4) });
    const onAdasWall = await postAs(server, bob, { wall: ada, message: 'bob on ada', at: at(5) });
    const asAda = await clientOf(server, web, ada);
    expect(await messages(asAda)).toEqual(['bob on ada', 'cleo 1', 'bob 1', 'ada 1']);
    // Bob's friends are Ada only; Cleo's post is not in his feed, his own post on Ada's wall is.
    const asBob = await clientOf(server, web, bob);
    expect(await messages(asBob)).toEqual(['bob on ada', 'bob 1', 'ada 1']);
    // A comment moves a post up.
    await server.services.stream.addComment(cleo.uid, (await read(asAda)).posts.at(-1)!.post_id, 'bump', null, at(6));
    expect(await messages(asAda)).toEqual(['ada 1', 'bob on ada', 'cleo 1', 'bob 1']);
    expect(await messages(asAda, { filter_key: 'nf' })).toEqual(['ada 1', 'bob on ada', 'cleo 1', 'bob 1']);
    expect(onAdasWall).toMatch(new RegExp(`^${ada.uid}_`));
  });

  it.skipIf(skip)('reads the walls of source_ids (posts on them and by their owners), times inclusive, the limit from the newest end, post_ids', async () => {
    const { server, web } = cast;
    const { ada, bob, cleo } = await circle(server);
    for (let n = 1; n <= 15; n++) await postAs(server, ada, { message: `ada ${n}`, at: at(n * 10) });
    const bobOnAda = await postAs(server, bob, { wall: ada, message: 'bob on ada', at: at(200) });
    await postAs(server, cleo, { message: 'cleo alone', at: at(300) });
    const asCleo = await clientOf(server, web, cleo);
    const sources = JSON.stringify([ada.uid]);
    expect((await messages(asCleo, { source_ids: sources })).length).toBe(16);
    expect(await messages(asCleo, { source_ids: sources, limit: 3 })).toEqual(['bob on ada', 'ada 15', 'ada 14']);
    // A window of 15 posts with limit 10 gives the 10 newest of it.
    const window = { source_ids: sources, start_time: 1262304000 + 10, end_time: 1262304000 + 150 };
    expect(await messages(asCleo, { ...window, limit: 10 })).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6].map((n) => `ada ${n}`));
    expect(await messages(asCleo, { ...window, start_time: 1262304000 + 140 })).toEqual(['ada 15', 'ada 14']);
    // 0 is "not given", as the PHP client sends it.
    expect((await messages(asCleo, { source_ids: sources, start_time: 0, end_time: 0, limit: 0 })).length).toBe(16);
    // Bob's post on Ada's wall is in Bob's stream too, with Bob as its source.
    const bobs = (await read(asCleo, { source_ids: String(bob.uid) })).posts;
    expect(bobs.map((post) => [post.post_id, (post as unknown as { source_id: number }).source_id])).toEqual([[bobOnAda, bob.uid]]);
    expect(await messages(asCleo, { source_ids: `${ada.uid},${cleo.uid}`, post_ids: JSON.stringify([bobOnAda, `${cleo.uid}_1`]) })).toEqual(['bob on ada']);
  });

  it.skipIf(skip)('filters by app (app_<id>) and by friend list (fl_<flid>), as stream.getFilters names them', async () => {
    const { server, web } = cast;
    const { ada, bob, cleo } = await circle(server);
    const other = await server.createApp('web');
    await postAs(server, bob, { message: 'bob via web', app: web, at: at(1) });
    await postAs(server, cleo, { message: 'cleo via other', app: other, at: at(2) });
    await postAs(server, cleo, { message: 'cleo on the pages', at: at(3) });
    const asAda = await clientOf(server, web, ada);
    expect(await messages(asAda, { filter_key: `app_${other.appId}` })).toEqual(['cleo via other']);
    const list = await server.services.friendLists.create(ada.uid, 'Just Cleo');
    await server.services.friendLists.addMember(ada.uid, list.flid, cleo.uid);
    expect(await messages(asAda, { filter_key: `fl_${list.flid}` })).toEqual(['cleo on the pages', 'cleo via other']);
    expect(await messages(asAda, { filter_key: `fl_${list.flid}`, source_ids: String(bob.uid) })).toEqual([]);
  });

  describe('privacy', () => {
    let people: Awaited<ReturnType<typeof circle>>;
    let family: number;
    beforeAll(async () => {
      if (skip) return;
      const { server } = cast;
      people = await circle(server);
      const { ada, bob, cleo } = people;
      family = (await server.services.friendLists.create(ada.uid, 'Family')).flid;
      await server.services.friendLists.addMember(ada.uid, family, cleo.uid);
      await postAs(server, ada, { message: 'everyone', at: at(1) });
      await postAs(server, ada, { message: 'friends', privacy: { value: 'ALL_FRIENDS' }, at: at(2) });
      await postAs(server, ada, { message: 'friends of friends', privacy: { value: 'FRIENDS_OF_FRIENDS' }, at: at(3) });
      await postAs(server, ada, { message: 'only me', privacy: { value: 'SELF' }, at: at(4) });
      await postAs(server, ada, { message: 'family only', privacy: { value: 'CUSTOM', friends: 'SOME_FRIENDS', allow: [family], deny: [] }, at: at(5) });
      await postAs(server, ada, { message: 'friends but bob', privacy: { value: 'CUSTOM', friends: 'ALL_FRIENDS', allow: [], deny: [bob.uid] }, at: at(6) });
      // On Bob's wall: for Bob's friends (Ada), so Cleo, a friend of Ada's, sees it only as a friend of a friend.
      await postAs(server, bob, { message: 'bob fof', privacy: { value: 'FRIENDS_OF_FRIENDS' }, at: at(7) });
      void cleo;
    });
    const wallOf = (person: Person) => ({ source_ids: `${person.uid},${people.bob.uid}` });

    it.skipIf(skip)('the wall’s owner sees every post on it', async () => {
      const asAda = await clientOf(cast.server, cast.web, people.ada);
      expect(await messages(asAda, wallOf(people.ada))).toEqual(['bob fof', 'friends but bob', 'family only', 'only me', 'friends of friends', 'friends', 'everyone']);
    });

    it.skipIf(skip)('a friend sees what is for friends, friends of friends, and lists they are on, unless denied', async () => {
      const asBob = await clientOf(cast.server, cast.web, people.bob);
      expect(await messages(asBob, wallOf(people.ada))).toEqual(['bob fof', 'friends of friends', 'friends', 'everyone']);
      const asCleo = await clientOf(cast.server, cast.web, people.cleo);
      expect(await messages(asCleo, wallOf(people.ada))).toEqual(['bob fof', 'friends but bob', 'family only', 'friends of friends', 'friends', 'everyone']);
    });

    it.skipIf(skip)('a stranger sees only what is for everyone', async () => {
      const asDan = await clientOf(cast.server, cast.web, people.dan);
      expect(await messages(asDan, wallOf(people.ada))).toEqual(['everyone']);
    });

    it.skipIf(skip)('nobody (viewer_id 0, or a web app without a session) sees only what is for everyone, without read_stream', async () => {
      const { server, web } = cast;
      const asNobody = server.client(web);
      expect(await messages(asNobody, { ...wallOf(people.ada), viewer_id: 0 })).toEqual(['everyone']);
      expect(await messages(asNobody, wallOf(people.ada))).toEqual(['everyone']);
      const withoutReadStream = await clientOf(server, web, await server.createPerson('No Permissions'), []);
      expect(await messages(withoutReadStream, { ...wallOf(people.ada), viewer_id: 0 })).toEqual(['everyone']);
    });

    it.skipIf(skip)('a web app may read as viewer_id, a person who granted it read_stream, without a session', async () => {
      const { server, web } = cast;
      await grant(server, web, people.bob, 'read_stream');
      const read = (await server.client(web).callRaw('stream.get', { ...wallOf(people.ada), viewer_id: people.bob.uid }, { format: 'json' })).body;
      expect(JSON.parse(read).posts.map((post: Post) => post.message)).toEqual(['bob fof', 'friends of friends', 'friends', 'everyone']);
    });
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    const call = (client: RestClient, args: Record<string, string | number>) => client.callRaw('stream.get', args, { format });

    it.skipIf(skip)('612: a viewer who has not granted read_stream', async () => {
      const { server, web } = cast;
      const person = await server.createPerson('Not Reading');
      const client = await clientOf(server, web, person, ['publish_stream']);
      expectError(await call(client, {}), format, 612, `The stream requires an extended permission (uid ${person.uid} has not granted this application read_stream)`);
      expectError(await call(server.client(web), { viewer_id: person.uid }), format, 612, `The stream requires an extended permission (uid ${person.uid} has not granted this application read_stream)`);
    });

    it.skipIf(skip)('110: a viewer_id or source id that is not a user id', async () => {
      const client = await clientOf(cast.server, cast.web, cast.ada);
      expectError(await call(client, { viewer_id: '-1' }), format, 110, 'Invalid user id (viewer_id: not a user id)');
      expectError(await call(client, { source_ids: '[1,"x"]' }), format, 110, 'Invalid user id (source_ids: "x" is not a uid)');
    });

    it.skipIf(skip)('210: a viewer_id that names nobody', async () => {
      expectError(await call(cast.server.client(cast.web), { viewer_id: 1 }), format, 210, 'User not visible (viewer_id: no person with uid 1)');
    });

    it.skipIf(skip)('200: a desktop app reading as someone else', async () => {
      const client = await clientOf(cast.server, cast.desktop, cast.ada);
      expectError(await call(client, { viewer_id: cast.bob.uid }), format, 200, 'Permissions error (desktop applications may only read the stream of the session user)');
    });

    it.skipIf(skip)('100: a filter_key that is not one of the viewer’s, unknown metadata, a malformed post_id or number', async () => {
      const { server, web, ada, bob } = cast;
      const client = await clientOf(server, web, ada);
      const bobsList = await server.services.friendLists.create(bob.uid, `Bob’s own ${format}`);
      for (const key of ['xx', `fl_${bobsList.flid}`, 'app_x']) {
        expectError(await call(client, { filter_key: key }), format, 100, 'Invalid parameter (filter_key: not one of the viewer’s filters (stream.getFilters))');
      }
      expectError(await call(client, { metadata: '["friends"]' }), format, 100, 'Invalid parameter (metadata: unknown kind "friends" (albums, profiles, photo_tags))');
      expectError(await call(client, { post_ids: '["12"]' }), format, 100, 'Invalid parameter (post_ids: "12" is not a post_id)');
      expectError(await call(client, { limit: '-5' }), format, 100, 'Invalid parameter (limit: not a non-negative integer)');
    });
  });
});
