/**
 * stream.addComment on both backends: the new comment's id, `<post_id>_<n>`, as a string in both
 * formats; who may comment (the wall's owner, the author, their friends, on posts they see); the
 * text kept as typed; the post's updated time moved on; errors 100, 200 and 210.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlScalarAnswer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';
import { BACKENDS, circle, clientOf, grant, postAs, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'stream_addComment_response';

describe.each(BACKENDS)('stream.addComment on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  beforeAll(async () => {
    if (!skip) cast = await streamCast(backend);
  });
  afterAll(() => cast?.server.close());

  it.skipIf(skip)('answers the comment id <post_id>_<n> as the root text in XML and a string in JSON', async () => {
    const { server, web } = cast;
    const { ada, bob } = await circle(server);
    const postId = await postAs(server, ada, { message: 'Comment on this' });
    const asBob = await clientOf(server, web, bob);
    const xml = await asBob.callRaw('stream.addComment', { post_id: postId, comment: 'First' });
    const commentId = /<stream_addComment_response[^>]*>([^<]*)</.exec(xml.body)![1]!;
    expect(commentId).toMatch(new RegExp(`^${postId}_\\d+$`));
    expect(xml.body).toBe(xmlScalarAnswer(ROOT, commentId));
    const json = await asBob.callRaw('stream.addComment', { post_id: postId, comment: 'Second' }, { format: 'json' });
    expect(json.body).toBe(`"${postId}_${Number(commentId.split('_')[2]) + 1}"`);
  });

  it.skipIf(skip)('keeps the text as typed, script and all, and moves the post’s updated time on', async () => {
    const { server, web } = cast;
    const { ada, cleo } = await circle(server);
    const postId = await postAs(server, ada, { at: new Date(1262304000_000) });
    const text = '<script>alert("x")</script> & “quotes”';
    await (await clientOf(server, web, cleo)).callRaw('stream.addComment', { post_id: postId, comment: text });
    const [comment] = await server.store.posts.commentsOf([Number(postId.split('_')[1])]);
    expect(comment).toMatchObject({ text, fromUid: cleo.uid, appId: web.appId });
    expect((await server.services.stream.find(postId))!.updatedAt.getTime()).toBeGreaterThan(1262304000_000);
  });

  it.skipIf(skip)('lets the wall’s owner, the author and friends of either comment, by uid without a session too', async () => {
    const { server, web } = cast;
    const { ada, bob, cleo } = await circle(server);
    // Bob on Ada's wall: Ada owns it, Bob wrote it, Cleo is Ada's friend.
    const postId = await postAs(server, bob, { wall: ada, privacy: { value: 'EVERYONE' } });
    for (const person of [ada, bob, cleo]) {
      await grant(server, web, person, 'publish_stream');
      const answer = await server.client(web).callRaw('stream.addComment', { uid: person.uid, post_id: postId, comment: `from ${person.firstName}` });
      expect(answer.body).toMatch(new RegExp(`>${postId}_\\d+<`));
    }
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    it.skipIf(skip)('210: a stranger on a public post, a friend on a post they may not see', async () => {
      const { server, web } = cast;
      const { ada, bob, dan } = await circle(server);
      const open = await postAs(server, ada, { message: 'for everyone' });
      expectError(
        await (await clientOf(server, web, dan)).callRaw('stream.addComment', { post_id: open, comment: 'hi' }, { format }),
        format,
        210,
        `User not visible (uid ${dan.uid} may not comment on this post)`,
      );
      const hidden = await postAs(server, ada, { privacy: { value: 'SELF' } });
      expectError(
        await (await clientOf(server, web, bob)).callRaw('stream.addComment', { post_id: hidden, comment: 'hi' }, { format }),
        format,
        210,
        `User not visible (uid ${bob.uid} may not comment on this post)`,
      );
    });

    it.skipIf(skip)('100: no comment, only spaces, too long; no post, an unknown one', async () => {
      const { server, web } = cast;
      const { ada } = await circle(server);
      const postId = await postAs(server, ada);
      const asAda = await clientOf(server, web, ada);
      const call = (args: Record<string, string>) => asAda.callRaw('stream.addComment', args, { format });
      expectError(await call({ post_id: postId }), format, 100, 'Invalid parameter (comment: missing)');
      expectError(await call({ post_id: postId, comment: '  \n ' }), format, 100, 'Invalid parameter (comment: empty)');
      expectError(await call({ post_id: postId, comment: 'x'.repeat(8001) }), format, 100, 'Invalid parameter (comment: longer than 8000 characters)');
      expectError(await call({ comment: 'x' }), format, 100, 'Invalid parameter (post_id: missing)');
      expectError(await call({ post_id: `${ada.uid}_1`, comment: 'x' }), format, 100, 'Invalid parameter (post_id: no such post)');
    });

    it.skipIf(skip)('200: without publish_stream; a desktop app for someone else', async () => {
      const { server, web, desktop } = cast;
      const { ada, bob } = await circle(server);
      const postId = await postAs(server, ada);
      const reader = await clientOf(server, web, bob, ['read_stream']);
      expectError(await reader.callRaw('stream.addComment', { post_id: postId, comment: 'x' }, { format }), format, 200, 'Permissions error (Requires extended permission: publish_stream)');
      const desk = await clientOf(server, desktop, bob);
      expectError(
        await desk.callRaw('stream.addComment', { uid: ada.uid, post_id: postId, comment: 'x' }, { format }),
        format,
        200,
        'Permissions error (desktop applications may only act on the session user)',
      );
      expect(await server.store.posts.commentsOf([Number(postId.split('_')[1])])).toEqual([]);
    });
  });
});
