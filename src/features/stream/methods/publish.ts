/**
 * stream.publish: a post on the acting person's wall, or on a friend's (`target_id`). Shapes from
 * the platform's Stream.publish page and the clients' fixtures: the answer is the new post_id as a
 * string (`<stream_publish_response …>500000001_1000000002</stream_publish_response>`, JSON
 * `"500000001_1000000002"`). Web apps may name the actor with `uid` and no session when that person
 * authorized the app and granted `publish_stream`; facebooker sends `target_id` equal to `uid` for
 * a post on one's own wall. `target_id` may also be an event, a group or a fan page the actor may
 * post at, and `uid` a fan page the session's person administers: the post is then the page's own.
 * See docs/stream.md.
 */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { defineMethod, optional, positiveId, text, uid } from '../../../dispatch/method-kit.js';
import { AttachmentInputError } from '../attachment.js';
import { parsePrivacy, PrivacyInputError } from '../privacy.js';
import { ActionLinkError, PublishRefusedError } from '../stream-service.js';
import { jsonArray, jsonObject } from './stream-params.js';
import { needPublishStream } from './stream-rules.js';

/** Posts one person may make through one app in a day before error 340. */
export const PUBLISH_LIMIT = { posts: 50, windowMs: 86_400_000 } as const;

export const streamPublish = defineMethod({
  name: 'stream.publish',
  summary: "Posts on the acting person's wall or a friend's; answers the post_id.",
  params: {
    message: optional(text(), "the person's own text, plain"),
    attachment: optional(jsonObject(), 'JSON object: name, href, caption ({*actor*}), description, properties, media, comments_xid'),
    action_links: optional(jsonArray(), 'JSON array of {"text":…,"href":…}'),
    target_id: optional(positiveId(), "a friend, event, group or fan page whose wall the post goes on; empty or the actor's uid: their own"),
    uid: optional(uid, 'web apps: the actor, a person who authorized the app, or a fan page the session user administers; defaults to the session user'),
    privacy: optional(jsonObject(4096), 'JSON object {"value": EVERYONE | ALL_FRIENDS | NETWORKS_FRIENDS | FRIENDS_OF_FRIENDS | SELF | CUSTOM, …}'),
  },
  answer: 'string',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200, placesSpokenFor: true } },
  handler: async ({ app, targetUid, params, services, session }) => {
    // The target is a page the session's person speaks for (the dispatch checked it), or a person.
    const asPlace = session !== undefined && targetUid !== session.uid && (await services.people.findMany([targetUid])).length === 0;
    const person = asPlace ? session.uid : targetUid;
    await needPublishStream(services, person, app, session);
    const wall = params.target_id ?? targetUid;
    const attachment = params.attachment ?? null;
    const hasAttachment = attachment !== null && Object.keys(attachment).length > 0;
    let privacy;
    try {
      privacy = params.privacy === undefined ? undefined : parsePrivacy(params.privacy);
    } catch (error) {
      if (error instanceof PrivacyInputError) throw invalidParameter('privacy', error.message);
      throw error;
    }
    const since = new Date(Date.now() - PUBLISH_LIMIT.windowMs);
    if ((await services.stream.postsThroughApp(targetUid, app.appId, since)) >= PUBLISH_LIMIT.posts) {
      throw new ApiError(340, `at most ${PUBLISH_LIMIT.posts} posts a day by one person through one app`);
    }
    try {
      const { postId } = await services.stream.publish({
        actor: targetUid,
        ...(asPlace ? { by: person } : {}),
        wall,
        appId: app.appId,
        // A post on a friend's wall; an app story; else a status update.
        type: wall !== targetUid ? 56 : hasAttachment ? 237 : 46,
        message: params.message ?? '',
        attachment,
        actionLinks: (params.action_links as Array<{ text: string; href: string }> | undefined) ?? null,
        privacy,
      });
      return postId;
    } catch (error) {
      if (error instanceof AttachmentInputError) throw invalidParameter('attachment', error.message);
      if (error instanceof ActionLinkError) throw invalidParameter('action_links', error.message);
      if (error instanceof PublishRefusedError) {
        if (error.problem === 'empty') throw invalidParameter('message', 'a post needs a message or an attachment');
        if (error.problem === 'no-wall' || error.problem === 'not-friends' || error.problem === 'not-member') throw new ApiError(210, `target_id: ${error.message}`);
      }
      throw error;
    }
  },
});
