/**
 * stream.getComments: every comment of a post, oldest first, as the items of stream.get's
 * comment_list (`<comment>` with fromid, time, text, id under a `list="true"` root; JSON an array).
 * The viewer is the session user, or nobody without a session; a post they may not see is 210.
 * As the platform documented, comments come only when the post's owner (its wall's) has authorized
 * the calling app; otherwise the list is empty. See docs/stream.md.
 */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { renderValue } from '../../../fql/render.js';
import { defineMethod, required, text } from '../../../dispatch/method-kit.js';
import { commentValue } from '../post-values.js';
import { COMMENT } from '../stream-types.js';

export const streamGetComments = defineMethod({
  name: 'stream.getComments',
  summary: 'Every comment of a post the viewer may see, oldest first.',
  params: {
    post_id: required(text(100), 'the post'),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services }) => {
    const found = await services.stream.comments(session?.uid, params.post_id);
    if (found.outcome === 'no-such-post') throw invalidParameter('post_id', 'no such post');
    if (found.outcome === 'not-visible') throw new ApiError(210, 'the viewer may not see this post');
    const { post, comments } = found;
    const ownerUsesApp = await services.grants.isAppUser(post.wall, app.appId, session);
    return new ApiList('comment', ownerUsesApp ? comments.map((comment) => renderValue(commentValue(post, comment), COMMENT)) : []);
  },
});
