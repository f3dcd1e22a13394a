/**
 * stream.remove: takes a post off its wall and out of every news feed, with its comments and
 * likes. Only a post made through the calling app, by its author or its wall's owner. Answer `1`
 * (JSON `true`), as for every stream write. See docs/stream.md.
 */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { defineMethod, optional, required, text, uid } from '../../../dispatch/method-kit.js';
import { needPublishStream } from './stream-rules.js';

export const streamRemove = defineMethod({
  name: 'stream.remove',
  summary: 'Removes a post made through the calling app (by its author or its wall’s owner), with its comments and likes.',
  params: {
    post_id: required(text(100), 'the post, as stream.publish answered it'),
    uid: optional(uid, 'web apps: the acting person, who authorized the app; defaults to the session user'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, targetUid, params, services, session }) => {
    await needPublishStream(services, targetUid, app, session);
    const outcome = await services.stream.remove(targetUid, params.post_id, app.appId);
    if (outcome === 'no-such-post') throw invalidParameter('post_id', 'no such post');
    if (outcome === 'other-app') throw new ApiError(200, "This post wasn't created by the application");
    if (outcome === 'not-allowed') throw new ApiError(200, 'only the author of a post, the owner of its wall, or an admin of the event, group or page it is on may remove it');
    return true;
  },
});
