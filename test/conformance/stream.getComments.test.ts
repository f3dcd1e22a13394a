/**
 * stream.getComments on both backends: every comment of a post, oldest first, as `<comment>`
 * items under a `list="true"` root (JSON an array), byte for byte; only for posts the viewer may
 * see (210) and whose owner uses the app (else empty); errors 100 and 210.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlScalarAnswer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';
import { BACKENDS, circle, clientOf, grant, postAs, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'stream_getComments_response';

describe.each(BACKENDS)('stream.getComments on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  beforeAll(async () => {
    if (!skip) cast = await streamCast(backend);
  });
  afterAll(() => cast?.server.close());

  it.skipIf(skip)('answers every comment, oldest first, in XML and JSON', async () => {
    const { server, web } = cast;
    const { ada, bob, cleo } = await circle(server);
    await grant(server, web, ada);
    const postId = await postAs(server, ada);
    const ids: string[] = [];
    for (const [person, text, second] of [[bob, 'Splendid', 100], [cleo, 'Agreed <3', 200], [ada, 'Thanks', 300]] as const) {
      const added = await server.services.stream.addComment(person.uid, postId, text, null, new Date(1262304000_000 + second * 1000));
      ids.push(added.outcome === 'done' ? added.commentId : '');
    }
    const asBob = await clientOf(server, web, bob);
    const xml = await asBob.callRaw('stream.getComments', { post_id: postId });
    expect(xml.body).toBe(
      xmlScalarAnswer(
        ROOT,
        '\n' +
          `  <comment>\n    <fromid>${bob.uid}</fromid>\n    <time>1262304100</time>\n    <text>Splendid</text>\n    <id>${ids[0]}</id>\n  </comment>\n` +
          `  <comment>\n    <fromid>${cleo.uid}</fromid>\n    <time>1262304200</time>\n    <text>Agreed &lt;3</text>\n    <id>${ids[1]}</id>\n  </comment>\n` +
          `  <comment>\n    <fromid>${ada.uid}</fromid>\n    <time>1262304300</time>\n    <text>Thanks</text>\n    <id>${ids[2]}</id>\n  </comment>\n`,
        ' list="true"',
      ),
    );
    const json = await asBob.callRaw('stream.getComments', { post_id: postId }, { format: 'json' });
    expect(json.body).toBe(
      `[{"fromid":${bob.uid},"time":1262304100,"text":"Splendid","id":"${ids[0]}"},{"fromid":${cleo.uid},"time":1262304200,"text":"Agreed <3","id":"${ids[1]}"},{"fromid":${ada.uid},"time":1262304300,"text":"Thanks","id":"${ids[2]}"}]`,
    );
    expect(await asBob.call('stream.getComments', { post_id: postId })).toEqual([
      { fromid: String(bob.uid), time: '1262304100', text: 'Splendid', id: ids[0] },
      { fromid: String(cleo.uid), time: '1262304200', text: 'Agreed <3', id: ids[1] },
      { fromid: String(ada.uid), time: '1262304300', text: 'Thanks', id: ids[2] },
    ]);
  });

  it.skipIf(skip)('answers an empty list for a post without comments, and when the post’s owner has not authorized the app', async () => {
    const { server, web } = cast;
    const { ada, bob } = await circle(server);
    const postId = await postAs(server, ada);
    const asBob = await clientOf(server, web, bob);
    expect((await asBob.callRaw('stream.getComments', { post_id: postId })).body).toBe(xmlScalarAnswer(ROOT, '', ' list="true"'));
    await server.services.stream.addComment(bob.uid, postId, 'unseen by the app');
    // Ada never authorized the app.
    expect((await asBob.callRaw('stream.getComments', { post_id: postId }, { format: 'json' })).body).toBe('[]');
    await grant(server, web, ada);
    expect(JSON.parse((await asBob.callRaw('stream.getComments', { post_id: postId }, { format: 'json' })).body)).toHaveLength(1);
  });

  it.skipIf(skip)('answers without a session for a post everyone may see', async () => {
    const { server, web } = cast;
    const { ada, bob } = await circle(server);
    await grant(server, web, ada);
    const postId = await postAs(server, ada);
    await server.services.stream.addComment(bob.uid, postId, 'public');
    expect(JSON.parse((await server.client(web).callRaw('stream.getComments', { post_id: postId }, { format: 'json' })).body)).toMatchObject([{ text: 'public' }]);
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    it.skipIf(skip)('210: a post the viewer may not see — a stranger, nobody, a friend on a private post', async () => {
      const { server, web } = cast;
      const { ada, bob, dan } = await circle(server);
      await grant(server, web, ada);
      const friendsOnly = await postAs(server, ada, { privacy: { value: 'ALL_FRIENDS' } });
      const onlyMe = await postAs(server, ada, { privacy: { value: 'SELF' } });
      const message = 'User not visible (the viewer may not see this post)';
      expectError(await (await clientOf(server, web, dan)).callRaw('stream.getComments', { post_id: friendsOnly }, { format }), format, 210, message);
      expectError(await server.client(web).callRaw('stream.getComments', { post_id: friendsOnly }, { format }), format, 210, message);
      expectError(await (await clientOf(server, web, bob)).callRaw('stream.getComments', { post_id: onlyMe }, { format }), format, 210, message);
      expect((await (await clientOf(server, web, bob)).callRaw('stream.getComments', { post_id: friendsOnly }, { format })).body).not.toContain('error_code');
    });

    it.skipIf(skip)('100: no post_id, or one that names no post', async () => {
      const client = await clientOf(cast.server, cast.web, cast.ada);
      expectError(await client.callRaw('stream.getComments', {}, { format }), format, 100, 'Invalid parameter (post_id: missing)');
      expectError(await client.callRaw('stream.getComments', { post_id: '1_2' }, { format }), format, 100, 'Invalid parameter (post_id: no such post)');
    });
  });
});
