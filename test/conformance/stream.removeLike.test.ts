/**
 * stream.removeLike on both backends: `1` / `true`, also when there was no like; only the acting
 * person's like goes; errors 100, 200 and 210.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswer, expectError } from './protocol-helpers.js';
import { BACKENDS, circle, clientOf, postAs, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'stream_removeLike_response';

describe.each(BACKENDS)('stream.removeLike on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  beforeAll(async () => {
    if (!skip) cast = await streamCast(backend);
  });
  afterAll(() => cast?.server.close());

  const likers = async (postId: string) => (await cast.server.store.posts.likesOf([Number(postId.split('_')[1])])).map((like) => like.uid).sort();

  it.skipIf(skip)('answers 1 / true, takes back the acting person’s like only, and again when there is none', async () => {
    const { server, web } = cast;
    const { ada, bob, cleo } = await circle(server);
    const postId = await postAs(server, ada);
    await server.services.stream.like(bob.uid, postId);
    await server.services.stream.like(cleo.uid, postId);
    const asBob = await clientOf(server, web, bob);
    expectAnswer(await asBob.callRaw('stream.removeLike', { post_id: postId }), 'xml', ROOT, '1', '');
    expect(await likers(postId)).toEqual([cleo.uid]);
    expectAnswer(await asBob.callRaw('stream.removeLike', { post_id: postId }, { format: 'json' }), 'json', ROOT, '', 'true');
    expect(await likers(postId)).toEqual([cleo.uid]);
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    it.skipIf(skip)('210: a post the person may not see', async () => {
      const { server, web } = cast;
      const { ada, dan } = await circle(server);
      const hidden = await postAs(server, ada, { privacy: { value: 'ALL_FRIENDS' } });
      expectError(await (await clientOf(server, web, dan)).callRaw('stream.removeLike', { post_id: hidden }, { format }), format, 210, `User not visible (uid ${dan.uid} may not see this post)`);
    });

    it.skipIf(skip)('100: no post, or one that names no post; 200 without publish_stream', async () => {
      const { server, web } = cast;
      const { ada, bob } = await circle(server);
      const asAda = await clientOf(server, web, ada);
      expectError(await asAda.callRaw('stream.removeLike', {}, { format }), format, 100, 'Invalid parameter (post_id: missing)');
      expectError(await asAda.callRaw('stream.removeLike', { post_id: 'nope' }, { format }), format, 100, 'Invalid parameter (post_id: no such post)');
      const postId = await postAs(server, ada);
      await server.services.stream.like(bob.uid, postId);
      const reader = await clientOf(server, web, bob, ['read_stream']);
      await server.store.permissions.revoke(bob.uid, web.appId, 'publish_stream');
      expectError(await reader.callRaw('stream.removeLike', { post_id: postId }, { format }), format, 200, 'Permissions error (Requires extended permission: publish_stream)');
      expect(await likers(postId)).toEqual([bob.uid]);
    });
  });
});
