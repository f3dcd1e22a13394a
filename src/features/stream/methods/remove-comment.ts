/**
 * stream.removeComment: its author may remove a comment, and the owner of the wall the post is on
 * any comment there. `comment_id` as stream.addComment answered it, or its last part alone. Answer
 * `1` (JSON `true`). See docs/stream.md.
 */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { defineMethod, optional, required, text, uid } from '../../../dispatch/method-kit.js';
import { needPublishStream } from './stream-rules.js';

export const streamRemoveComment = defineMethod({
  name: 'stream.removeComment',
  summary: 'Removes a comment: one’s own, or any on one’s own wall.',
  params: {
    comment_id: required(text(100), 'as stream.addComment answered it (<post_id>_<n>), or <n> alone'),
    uid: optional(uid, 'web apps: the acting person, who authorized the app; defaults to the session user'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, targetUid, params, services, session }) => {
    await needPublishStream(services, targetUid, app, session);
    const outcome = await services.stream.removeComment(targetUid, params.comment_id);
    if (outcome === 'no-such-comment') throw invalidParameter('comment_id', 'no such comment');
    if (outcome === 'not-allowed') throw new ApiError(200, 'only the author of a comment or the owner of the wall may remove it');
    return true;
  },
});
