/**
 * stream.publish on both backends: the answer (the post_id as the root's text, a JSON string), who
 * may act for whom (a session, a web app's `uid` without one, desktop apps), where posts go and what
 * type they get, the status it becomes, the attachment's checks, privacy, and every error with its
 * message: 100, 200, 210, 340.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import { PUBLISH_LIMIT } from '../../src/features/stream/methods/publish.js';
import { xmlScalarAnswer } from '../support/test-server.js';
import { expectAnswer, expectError } from './protocol-helpers.js';
import { BACKENDS, clientOf, grant, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'stream_publish_response';

describe.each(BACKENDS)('stream.publish on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  let asAda: RestClient;
  let asAdaJson: RestClient;

  beforeAll(async () => {
    if (skip) return;
    cast = await streamCast(backend);
    asAda = await clientOf(cast.server, cast.web, cast.ada);
    asAdaJson = await clientOf(cast.server, cast.web, cast.ada, undefined, 'json');
  });
  afterAll(() => cast?.server.close());

  const postIdIn = (body: string): string => /^(?:<\?xml[^]*?>)?[^]*?>?(\d+_\d+)<|^"(\d+_\d+)"$/.exec(body)!.slice(1).find(Boolean)!;

  it.skipIf(skip)('answers the new post_id, <wall owner>_<story id>, as the root text in XML and a string in JSON', async () => {
    const xml = await asAda.callRaw('stream.publish', { message: 'Reading about the Analytical Engine' });
    const postId = postIdIn(xml.body);
    expect(postId).toMatch(new RegExp(`^${cast.ada.uid}_\\d+$`));
    expect(Number(postId.split('_')[1])).toBeGreaterThanOrEqual(1000000001);
    expectAnswer(xml, 'xml', ROOT, postId, '');
    const json = await asAdaJson.callRaw('stream.publish', { message: 'And the Difference Engine' }, { format: 'json' });
    expect(json.contentType).toBe('application/json; charset=utf-8');
    expect(json.body).toMatch(new RegExp(`^"${cast.ada.uid}_\\d+"$`));
    expect(Number(postIdIn(json.body).split('_')[1])).toBe(Number(postId.split('_')[1]) + 1);
  });

  it.skipIf(skip)('makes a post without attachment on one’s own wall a status update (type 46) and the current status', async () => {
    const postId = postIdIn((await asAda.callRaw('stream.publish', { message: 'Thinking about looms', target_id: '' })).body);
    const post = (await cast.server.services.stream.find(postId))!;
    expect(post).toMatchObject({ wall: cast.ada.uid, actor: cast.ada.uid, appId: cast.web.appId, type: 46, message: 'Thinking about looms', attachment: null });
    expect(post.privacy).toEqual({ value: 'EVERYONE' });
    expect(await cast.server.services.status.current(cast.ada.uid)).toMatchObject({ statusId: post.storyId, message: 'Thinking about looms', appId: cast.web.appId });
  });

  it.skipIf(skip)('posts an attachment as an app story (type 237), which is no status', async () => {
    const before = await cast.server.services.status.current(cast.ada.uid);
    const attachment = { name: 'Analytical Engine', href: 'http://example.org/ae', caption: '{*actor*} read a page' };
    const postId = postIdIn((await asAda.callRaw('stream.publish', { message: 'Look', attachment: JSON.stringify(attachment) })).body);
    const post = (await cast.server.services.stream.find(postId))!;
    expect(post.type).toBe(237);
    expect(post.attachment).toEqual(attachment);
    expect(await cast.server.services.status.current(cast.ada.uid)).toEqual(before);
    // An attachment alone is enough.
    expect(postIdIn((await asAda.callRaw('stream.publish', { attachment: JSON.stringify({ name: 'Only a title' }) })).body)).toMatch(/^\d+_\d+$/);
  });

  it.skipIf(skip)('posts on a friend’s wall with target_id (type 56, the post_id starts with the friend’s uid, for their friends by default)', async () => {
    const postId = postIdIn((await asAda.callRaw('stream.publish', { message: 'Happy birthday, Bob!', target_id: cast.bob.uid })).body);
    expect(postId.startsWith(`${cast.bob.uid}_`)).toBe(true);
    const post = (await cast.server.services.stream.find(postId))!;
    expect(post).toMatchObject({ wall: cast.bob.uid, actor: cast.ada.uid, type: 56, privacy: { value: 'ALL_FRIENDS' } });
  });

  it.skipIf(skip)('takes target_id equal to uid as the actor’s own wall, as facebooker sends it, from a web app without a session', async () => {
    const { server, web, cleo } = cast;
    await grant(server, web, cleo, 'publish_stream');
    const answer = await server.client(web).callRaw('stream.publish', { uid: cleo.uid, target_id: cleo.uid, message: 'Posted while away' });
    const postId = postIdIn(answer.body);
    expect(postId.startsWith(`${cleo.uid}_`)).toBe(true);
    expect((await server.services.stream.find(postId))!.type).toBe(46);
  });

  it.skipIf(skip)('lets a desktop app post for its session user, signed with the session secret', async () => {
    const asAdaDesktop = await clientOf(cast.server, cast.desktop, cast.ada);
    const postId = postIdIn((await asAdaDesktop.callRaw('stream.publish', { message: 'From the desktop' })).body);
    expect((await cast.server.services.stream.find(postId))!.appId).toBe(cast.desktop.appId);
  });

  it.skipIf(skip)('keeps privacy as given, CUSTOM lists included', async () => {
    const privacy = { value: 'custom', friends: 'SOME_FRIENDS', allow: `${cast.bob.uid}, ${cast.cleo.uid}`, deny: '' };
    const postId = postIdIn((await asAda.callRaw('stream.publish', { message: 'For two', privacy: JSON.stringify(privacy) })).body);
    expect((await cast.server.services.stream.find(postId))!.privacy).toEqual({ value: 'CUSTOM', friends: 'SOME_FRIENDS', allow: [cast.bob.uid, cast.cleo.uid], deny: [] });
    const onlyMe = postIdIn((await asAda.callRaw('stream.publish', { message: 'Diary', privacy: '{"value":"SELF"}' })).body);
    expect((await cast.server.services.stream.find(onlyMe))!.privacy).toEqual({ value: 'SELF' });
  });

  it.skipIf(skip)('drops URLs that are not http(s) from the attachment and cuts what is too long, before it is stored and echoed', async () => {
    const attachment = {
      name: 'Trap',
      href: 'javascript:alert(1)',
      description: 'x'.repeat(1200),
      media: [
        { type: 'image', src: 'http://example.org/1.jpg', href: 'data:text/html,<script>' },
        { type: 'image', src: 'vbscript:x' },
        ...[2, 3, 4, 5, 6, 7].map((n) => ({ type: 'image', src: `https://example.org/${n}.jpg` })),
      ],
      properties: { ['k'.repeat(60)]: 'v', Link: { text: 'bad', href: 'javascript:void(0)' } },
      latitude: 51.5,
    };
    const postId = postIdIn((await asAda.callRaw('stream.publish', { attachment: JSON.stringify(attachment) })).body);
    const stored = (await cast.server.services.stream.find(postId))!.attachment!;
    expect(stored).toEqual({
      name: 'Trap',
      description: 'x'.repeat(1000),
      media: [{ type: 'image', src: 'http://example.org/1.jpg' }, ...[2, 3, 4, 5].map((n) => ({ type: 'image', src: `https://example.org/${n}.jpg` }))],
      properties: { ['k'.repeat(50)]: 'v', Link: 'bad' },
      latitude: 51.5,
    });
    expect(JSON.stringify(stored)).not.toMatch(/javascript|vbscript|data:/);
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    const call = (client: RestClient, args: Record<string, string | number>) => client.callRaw('stream.publish', args, { format });

    it.skipIf(skip)('100: neither message nor attachment', async () => {
      expectError(await call(asAda, { message: '  ' }), format, 100, 'Invalid parameter (message: a post needs a message or an attachment)');
      expectError(await call(asAda, { attachment: '[]' }), format, 100, 'Invalid parameter (message: a post needs a message or an attachment)');
    });

    it.skipIf(skip)('100: JSON that does not parse, or of the wrong shape', async () => {
      expectError(await call(asAda, { message: 'x', attachment: '{"name":' }), format, 100, 'Invalid parameter (attachment: not valid JSON)');
      expectError(await call(asAda, { message: 'x', attachment: '"a string"' }), format, 100, 'Invalid parameter (attachment: must be a JSON object)');
      expectError(await call(asAda, { message: 'x', action_links: '{"text":"a"}' }), format, 100, 'Invalid parameter (action_links: must be a JSON array)');
      expectError(await call(asAda, { message: 'x', privacy: 'EVERYONE' }), format, 100, 'Invalid parameter (privacy: not valid JSON)');
      // Nesting so deep it could not be written back is refused, not stored.
      const deep = `{"name":"x","extra":${'['.repeat(40)}${']'.repeat(40)}}`;
      expectError(await call(asAda, { message: 'x', attachment: deep }), format, 100, 'Invalid parameter (attachment: nested more than 32 deep)');
    });

    it.skipIf(skip)('100: action links without text or with an href that is not http(s)', async () => {
      expectError(await call(asAda, { message: 'x', action_links: '[{"href":"http://example.org/"}]' }), format, 100, 'Invalid parameter (action_links: action_links[0] needs a text)');
      expectError(
        await call(asAda, { message: 'x', action_links: '[{"text":"Go","href":"javascript:alert(1)"}]' }),
        format,
        100,
        'Invalid parameter (action_links: action_links[0].href must be an http or https URL of at most 1024 characters)',
      );
    });

    it.skipIf(skip)('100: a malformed attachment or privacy', async () => {
      expectError(
        await call(asAda, { attachment: JSON.stringify({ media: [{ type: 'image', src: 'http://e.org/a.jpg' }, { type: 'mp3', src: 'http://e.org/a.mp3' }] }) }),
        format,
        100,
        'Invalid parameter (attachment: attachment.media holds one type of media per post, not both image and mp3)',
      );
      expectError(await call(asAda, { attachment: '{"media":[{"type":"applet"}]}' }), format, 100, 'Invalid parameter (attachment: attachment.media[0].type must be one of image, flash, mp3, video)');
      expectError(await call(asAda, { attachment: '{"name":{"a":1}}' }), format, 100, 'Invalid parameter (attachment: attachment.name must be text)');
      expectError(
        await call(asAda, { message: 'x', privacy: '{"value":"FRIENDS"}' }),
        format,
        100,
        'Invalid parameter (privacy: privacy.value must be one of EVERYONE, ALL_FRIENDS, NETWORKS_FRIENDS, FRIENDS_OF_FRIENDS, SELF, CUSTOM)',
      );
      expectError(await call(asAda, { message: 'x', privacy: '{"value":"CUSTOM","allow":"1,x"}' }), format, 100, 'Invalid parameter (privacy: privacy.allow: "x" is not an id)');
      expectError(await call(asAda, { message: 'x', target_id: 'bob' }), format, 100, 'Invalid parameter (target_id: not a positive integer)');
    });

    it.skipIf(skip)('200: without publish_stream, for someone who has not authorized the app, and for a desktop app naming another person', async () => {
      const { server, web, desktop, dan, bob } = cast;
      const withoutPermission = await clientOf(server, web, dan, ['read_stream'], format);
      expectError(await call(withoutPermission, { message: 'x' }), format, 200, 'Permissions error (Requires extended permission: publish_stream)');
      const stranger = await server.createPerson('Eve Evans');
      expectError(await call(server.client(web), { uid: stranger.uid, message: 'x' }), format, 200, `Permissions error (uid ${stranger.uid} has not authorized this application)`);
      const desk = await clientOf(server, desktop, bob, undefined, format);
      expectError(await call(desk, { uid: cast.ada.uid, message: 'x' }), format, 200, 'Permissions error (desktop applications may only act on the session user)');
    });

    it.skipIf(skip)('102 without a session or uid; 110 for a uid that is not one', async () => {
      expectError(await call(cast.server.client(cast.web), { message: 'x' }), format, 102, 'Session key invalid or no longer valid (pass a uid or a session_key)');
      expectError(await call(cast.server.client(cast.web), { uid: 'ada', message: 'x' }), format, 110, 'Invalid user id (uid: not a positive integer)');
    });

    it.skipIf(skip)('210: on the wall of someone who is not a friend, or of nobody', async () => {
      const { ada, dan } = cast;
      expectError(
        await call(asAda, { message: 'Hello stranger', target_id: dan.uid }),
        format,
        210,
        `User not visible (target_id: uid ${dan.uid} is not a friend of uid ${ada.uid}; people post only on their own wall and their friends')`,
      );
      expectError(await call(asAda, { message: 'x', target_id: 1 }), format, 210, 'User not visible (target_id: no person or place with id 1)');
    });
  });

  it.skipIf(skip)('340: past the daily number of posts one person makes through one app, in either format', async () => {
    const { server, web } = cast;
    const poster = await server.createPerson('Prolific Poster');
    const client = await clientOf(server, web, poster);
    for (let index = 0; index < PUBLISH_LIMIT.posts - 1; index++) {
      await server.services.stream.publish({ actor: poster.uid, wall: poster.uid, appId: web.appId, type: 46, message: `post ${index}`, attachment: null, actionLinks: null });
    }
    expect(postIdIn((await client.callRaw('stream.publish', { message: 'the last one' })).body)).toMatch(/^\d+_\d+$/);
    for (const format of ['xml', 'json'] as const) {
      expectError(await client.callRaw('stream.publish', { message: 'one too many' }, { format }), format, 340, 'Feed publication request limit reached (at most 50 posts a day by one person through one app)');
    }
    // Posts on Hearth's own pages and through other apps do not count.
    const other = await server.createApp('web');
    expect(postIdIn((await (await clientOf(server, other, poster)).callRaw('stream.publish', { message: 'elsewhere' })).body)).toMatch(/^\d+_\d+$/);
  });

  it.skipIf(skip)('writes the post_id as the root text alone, no whitespace, for clients that parse it directly', async () => {
    const body = (await asAda.callRaw('stream.publish', { message: 'x' })).body;
    expect(body).toBe(xmlScalarAnswer(ROOT, postIdIn(body)));
  });
});
