/**
 * stream.remove on both backends: `1` / `true`; a post made through the calling app, by its author
 * or its wall's owner, goes with its comments and likes; errors 100 and 200 with their messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswer, expectError } from './protocol-helpers.js';
import { BACKENDS, circle, clientOf, grant, postAs, streamCast, type StreamCast } from './stream.setup.js';

describe.each(BACKENDS)('stream.remove on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  beforeAll(async () => {
    if (!skip) cast = await streamCast(backend);
  });
  afterAll(() => cast?.server.close());

  it.skipIf(skip)('answers 1 in XML and true in JSON, and the post goes with its comments and likes', async () => {
    const { server, web } = cast;
    const { ada, bob } = await circle(server);
    const asAda = await clientOf(server, web, ada);
    for (const format of ['xml', 'json'] as const) {
      const postId = await postAs(server, ada, { app: web, message: `to remove (${format})` });
      await server.services.stream.addComment(bob.uid, postId, 'a comment');
      await server.services.stream.like(bob.uid, postId);
      const storyId = Number(postId.split('_')[1]);
      expectAnswer(await asAda.callRaw('stream.remove', { post_id: postId }, { format }), format, 'stream_remove_response', '1', 'true');
      expect(await server.services.stream.find(postId)).toBeUndefined();
      expect(await server.store.posts.commentsOf([storyId])).toEqual([]);
      expect(await server.store.posts.likesOf([storyId])).toEqual([]);
    }
  });

  it.skipIf(skip)('lets the wall’s owner remove a friend’s post on their wall, and the author remove their post on a friend’s wall', async () => {
    const { server, web } = cast;
    const { ada, bob } = await circle(server);
    const onAdas = await postAs(server, bob, { wall: ada, app: web, message: 'on Ada’s wall' });
    expectAnswer(await (await clientOf(server, web, ada)).callRaw('stream.remove', { post_id: onAdas }), 'xml', 'stream_remove_response', '1', '');
    const onAdasAgain = await postAs(server, bob, { wall: ada, app: web, message: 'again' });
    expectAnswer(await (await clientOf(server, web, bob)).callRaw('stream.remove', { post_id: onAdasAgain }), 'xml', 'stream_remove_response', '1', '');
  });

  it.skipIf(skip)('works for a web app acting by uid without a session, and for a desktop app in its session', async () => {
    const { server, web, desktop } = cast;
    const { ada } = await circle(server);
    await grant(server, web, ada, 'publish_stream');
    const byUid = await postAs(server, ada, { app: web });
    expectAnswer(await server.client(web).callRaw('stream.remove', { uid: ada.uid, post_id: byUid }), 'xml', 'stream_remove_response', '1', '');
    const byDesktop = await postAs(server, ada, { app: desktop });
    expectAnswer(await (await clientOf(server, desktop, ada)).callRaw('stream.remove', { post_id: byDesktop }), 'xml', 'stream_remove_response', '1', '');
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    it.skipIf(skip)('200: a post made through another app or on Hearth’s pages, with the platform’s detail', async () => {
      const { server, web } = cast;
      const { ada } = await circle(server);
      const other = await server.createApp('web');
      const asAda = await clientOf(server, web, ada);
      for (const postId of [await postAs(server, ada, { app: other }), await postAs(server, ada, { app: null })]) {
        expectError(await asAda.callRaw('stream.remove', { post_id: postId }, { format }), format, 200, "Permissions error (This post wasn't created by the application)");
        expect(await server.services.stream.find(postId)).toBeDefined();
      }
    });

    it.skipIf(skip)('200: someone who is neither the author nor the wall’s owner; without publish_stream', async () => {
      const { server, web } = cast;
      const { ada, cleo } = await circle(server);
      const postId = await postAs(server, ada, { app: web });
      expectError(
        await (await clientOf(server, web, cleo)).callRaw('stream.remove', { post_id: postId }, { format }),
        format,
        200,
        'Permissions error (only the author of a post, the owner of its wall, or an admin of the event, group or page it is on may remove it)',
      );
      const withoutPermission = await clientOf(server, web, await server.createPerson('No Permission'), ['read_stream']);
      expectError(await withoutPermission.callRaw('stream.remove', { post_id: postId }, { format }), format, 200, 'Permissions error (Requires extended permission: publish_stream)');
      expect(await server.services.stream.find(postId)).toBeDefined();
    });

    it.skipIf(skip)('100: no post_id, a malformed one, an unknown one, or one whose wall part is not the post’s', async () => {
      const { server, web } = cast;
      const { ada, bob } = await circle(server);
      const asAda = await clientOf(server, web, ada);
      const postId = await postAs(server, ada, { app: web });
      expectError(await asAda.callRaw('stream.remove', {}, { format }), format, 100, 'Invalid parameter (post_id: missing)');
      for (const wrong of ['abc', `${ada.uid}_999999999`, `${bob.uid}_${postId.split('_')[1]}`, `${postId}_1`]) {
        expectError(await asAda.callRaw('stream.remove', { post_id: wrong }, { format }), format, 100, 'Invalid parameter (post_id: no such post)');
      }
    });
  });
});
