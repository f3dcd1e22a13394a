/**
 * stream.addLike and stream.removeLike: a person likes a post at most once; liking again, or taking
 * back a like that is not there, still answers `1` (JSON `true`). Liking needs what commenting
 * needs (the wall's owner, the author, or a friend of either, who sees the post); taking a like
 * back, only seeing the post. See docs/stream.md.
 */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { defineMethod, optional, required, text, uid } from '../../../dispatch/method-kit.js';
import type { ChangeOutcome } from '../stream-service.js';
import { needPublishStream } from './stream-rules.js';

function answer(outcome: ChangeOutcome, refusal: string): void {
  if (outcome === 'no-such-post') throw invalidParameter('post_id', 'no such post');
  if (outcome === 'not-allowed') throw new ApiError(210, refusal);
}

const params = {
  post_id: required(text(100), 'the post'),
  uid: optional(uid, 'web apps: the acting person, who authorized the app; defaults to the session user'),
};

export const streamAddLike = defineMethod({
  name: 'stream.addLike',
  summary: 'The acting person likes a post (idempotent).',
  params,
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, targetUid, params, services, session }) => {
    await needPublishStream(services, targetUid, app, session);
    answer(await services.stream.like(targetUid, params.post_id), `uid ${targetUid} may not like this post`);
    return true;
  },
});

export const streamRemoveLike = defineMethod({
  name: 'stream.removeLike',
  summary: 'The acting person no longer likes a post (idempotent).',
  params,
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, targetUid, params, services, session }) => {
    await needPublishStream(services, targetUid, app, session);
    answer(await services.stream.unlike(targetUid, params.post_id), `uid ${targetUid} may not see this post`);
    return true;
  },
});
