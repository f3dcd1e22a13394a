/**
 * stream.addComment: a comment on a post the acting person may see and comment on (the wall's
 * owner, the author, or a friend of either). Plain text. The answer is the comment id as a string,
 * `<post_id>_<n>` — the platform's schema typed it a number, but its stream answers and every known
 * client treat it as text. See docs/stream.md.
 */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { defineMethod, optional, required, text, uid } from '../../../dispatch/method-kit.js';
import { needPublishStream } from './stream-rules.js';

export const MAX_COMMENT_LENGTH = 8000;

export const streamAddComment = defineMethod({
  name: 'stream.addComment',
  summary: 'Comments on a post the acting person may see; answers the comment id.',
  params: {
    post_id: required(text(100), 'the post'),
    comment: required(text(MAX_COMMENT_LENGTH), 'plain text'),
    uid: optional(uid, 'web apps: the commenter, who authorized the app; defaults to the session user'),
  },
  answer: 'string',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, targetUid, params, services, session }) => {
    await needPublishStream(services, targetUid, app, session);
    if (params.comment.trim() === '') throw invalidParameter('comment', 'empty');
    const added = await services.stream.addComment(targetUid, params.post_id, params.comment, app.appId);
    if (added.outcome === 'no-such-post') throw invalidParameter('post_id', 'no such post');
    if (added.outcome === 'not-allowed') throw new ApiError(210, `uid ${targetUid} may not comment on this post`);
    return added.commentId;
  },
});
