/**
 * stream.removeComment on both backends: `1` / `true`; its author removes a comment, the wall's
 * owner any comment on their wall; the id as stream.addComment answered it or its last part
 * alone; errors 100 and 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswer, expectError } from './protocol-helpers.js';
import { BACKENDS, circle, clientOf, postAs, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'stream_removeComment_response';

describe.each(BACKENDS)('stream.removeComment on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  beforeAll(async () => {
    if (!skip) cast = await streamCast(backend);
  });
  afterAll(() => cast?.server.close());

  async function commentOn(postId: string, uid: number, text = 'a comment'): Promise<string> {
    const added = await cast.server.services.stream.addComment(uid, postId, text);
    if (added.outcome !== 'done') throw new Error(added.outcome);
    return added.commentId;
  }
  const remaining = async (postId: string) => (await cast.server.store.posts.commentsOf([Number(postId.split('_')[1])])).map((comment) => comment.text);

  it.skipIf(skip)('answers 1 / true: the author removes their comment, by its full id or its last part', async () => {
    const { server, web } = cast;
    const { ada, bob } = await circle(server);
    const postId = await postAs(server, ada);
    const asBob = await clientOf(server, web, bob);
    const first = await commentOn(postId, bob.uid, 'first');
    const second = await commentOn(postId, bob.uid, 'second');
    expectAnswer(await asBob.callRaw('stream.removeComment', { comment_id: first }), 'xml', ROOT, '1', '');
    expectAnswer(await asBob.callRaw('stream.removeComment', { comment_id: second.split('_')[2]! }, { format: 'json' }), 'json', ROOT, '', 'true');
    expect(await remaining(postId)).toEqual([]);
  });

  it.skipIf(skip)('lets the wall’s owner remove anyone’s comment on their wall', async () => {
    const { server, web } = cast;
    const { ada, bob, cleo } = await circle(server);
    const postId = await postAs(server, bob, { wall: ada });
    const cleos = await commentOn(postId, cleo.uid, 'cleo’s');
    expectAnswer(await (await clientOf(server, web, ada)).callRaw('stream.removeComment', { comment_id: cleos }), 'xml', ROOT, '1', '');
    expect(await remaining(postId)).toEqual([]);
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    it.skipIf(skip)('200: someone else’s comment on someone else’s wall (the post’s author included); without publish_stream', async () => {
      const { server, web } = cast;
      const { ada, bob, cleo } = await circle(server);
      // Bob wrote the post on Ada's wall; Cleo's comment is neither his nor on his wall.
      const postId = await postAs(server, bob, { wall: ada });
      const cleos = await commentOn(postId, cleo.uid, 'stays');
      expectError(
        await (await clientOf(server, web, bob)).callRaw('stream.removeComment', { comment_id: cleos }, { format }),
        format,
        200,
        'Permissions error (only the author of a comment or the owner of the wall may remove it)',
      );
      const reader = await clientOf(server, web, cleo, ['read_stream']);
      expectError(await reader.callRaw('stream.removeComment', { comment_id: cleos }, { format }), format, 200, 'Permissions error (Requires extended permission: publish_stream)');
      expect(await remaining(postId)).toEqual(['stays']);
    });

    it.skipIf(skip)('100: missing, malformed, unknown, or with another post’s id in front', async () => {
      const { server, web } = cast;
      const { ada } = await circle(server);
      const postId = await postAs(server, ada);
      const other = await postAs(server, ada);
      const comment = await commentOn(postId, ada.uid);
      const asAda = await clientOf(server, web, ada);
      expectError(await asAda.callRaw('stream.removeComment', {}, { format }), format, 100, 'Invalid parameter (comment_id: missing)');
      for (const wrong of ['x', `${postId}_999999999`, `${other}_${comment.split('_')[2]}`, `1_${comment}`]) {
        expectError(await asAda.callRaw('stream.removeComment', { comment_id: wrong }, { format }), format, 100, 'Invalid parameter (comment_id: no such comment)');
      }
      expect(await remaining(postId)).toEqual(['a comment']);
    });
  });
});
