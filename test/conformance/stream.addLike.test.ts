/**
 * stream.addLike on both backends: `1` / `true`, once per person however often asked; who may like
 * (the wall's owner, the author, their friends, on posts they see); the like in stream.get; errors
 * 100, 200 and 210.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswer, expectError } from './protocol-helpers.js';
import { BACKENDS, circle, clientOf, grant, postAs, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'stream_addLike_response';

describe.each(BACKENDS)('stream.addLike on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  beforeAll(async () => {
    if (!skip) cast = await streamCast(backend);
  });
  afterAll(() => cast?.server.close());

  const likers = async (postId: string) => (await cast.server.store.posts.likesOf([Number(postId.split('_')[1])])).map((like) => like.uid);

  it.skipIf(skip)('answers 1 in XML and true in JSON, liking again changes nothing, and stream.get shows it', async () => {
    const { server, web } = cast;
    const { ada, bob } = await circle(server);
    const postId = await postAs(server, ada, { at: new Date(1262304000_000) });
    const asBob = await clientOf(server, web, bob);
    expectAnswer(await asBob.callRaw('stream.addLike', { post_id: postId }), 'xml', ROOT, '1', '');
    expectAnswer(await asBob.callRaw('stream.addLike', { post_id: postId }, { format: 'json' }), 'json', ROOT, '', 'true');
    expect(await likers(postId)).toEqual([bob.uid]);
    const post = JSON.parse((await asBob.callRaw('stream.get', { source_ids: String(ada.uid) }, { format: 'json' })).body).posts[0];
    expect(post.likes).toMatchObject({ count: 1, sample: [], friends: [], user_likes: true, can_like: true });
    // A like moves the post's updated time on.
    expect(post.updated_time).toBeGreaterThan(1262304000);
    const asAda = await clientOf(server, web, ada);
    const seenByAda = JSON.parse((await asAda.callRaw('stream.get', { source_ids: String(ada.uid) }, { format: 'json' })).body).posts[0];
    expect(seenByAda.likes).toMatchObject({ count: 1, sample: [], friends: [bob.uid], user_likes: false });
  });

  it.skipIf(skip)('works by uid without a session for the wall’s owner and friends of the author', async () => {
    const { server, web } = cast;
    const { ada, bob, cleo } = await circle(server);
    const postId = await postAs(server, bob, { wall: ada });
    for (const person of [ada, cleo]) {
      await grant(server, web, person, 'publish_stream');
      expectAnswer(await server.client(web).callRaw('stream.addLike', { uid: person.uid, post_id: postId }), 'xml', ROOT, '1', '');
    }
    expect((await likers(postId)).sort()).toEqual([ada.uid, cleo.uid].sort());
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    it.skipIf(skip)('210: a stranger, or a post the person may not see', async () => {
      const { server, web } = cast;
      const { ada, bob, dan } = await circle(server);
      const open = await postAs(server, ada);
      const hidden = await postAs(server, ada, { privacy: { value: 'SELF' } });
      expectError(await (await clientOf(server, web, dan)).callRaw('stream.addLike', { post_id: open }, { format }), format, 210, `User not visible (uid ${dan.uid} may not like this post)`);
      expectError(await (await clientOf(server, web, bob)).callRaw('stream.addLike', { post_id: hidden }, { format }), format, 210, `User not visible (uid ${bob.uid} may not like this post)`);
      expect(await likers(open)).toEqual([]);
    });

    it.skipIf(skip)('100: no post, or one that names no post; 200 without publish_stream', async () => {
      const { server, web } = cast;
      const { ada } = await circle(server);
      const asAda = await clientOf(server, web, ada);
      expectError(await asAda.callRaw('stream.addLike', {}, { format }), format, 100, 'Invalid parameter (post_id: missing)');
      expectError(await asAda.callRaw('stream.addLike', { post_id: `${ada.uid}_5` }, { format }), format, 100, 'Invalid parameter (post_id: no such post)');
      const reader = await clientOf(server, web, await server.createPerson('Rita Reader'), ['read_stream']);
      expectError(await reader.callRaw('stream.addLike', { post_id: await postAs(server, ada) }, { format }), format, 200, 'Permissions error (Requires extended permission: publish_stream)');
    });
  });
});
