/**
 * comments.add: a comment by `uid` (web apps) or the session user, who must have authorized the
 * app (1704). Answers the new comment's id, inline; JSON a number. `uid=0`, which the PHP client
 * may send, is no uid.
 */
import { ApiError } from '../../../wire/errors.js';
import type { CallSession, MethodApp } from '../../../dispatch/ports.js';
import { defineMethod, bool, optional, required, text, uid as uidType } from '../../../dispatch/method-kit.js';
import { checkedXid, storyLink } from '../comment-box-service.js';

/**
 * The writer, by the usual rules of who a call acts on (docs/protocol-choices.md), resolved here
 * rather than by a target rule because `uid=0` must read as no uid.
 */
function commenter(rawUid: string | undefined, app: MethodApp, session: CallSession | undefined, signedWithSessionSecret: boolean): number {
  const named = rawUid === undefined || rawUid === '0' ? undefined : uidType.parse(rawUid, 'uid');
  if (app.type === 'desktop' && !session) throw new ApiError(102, 'desktop applications must call this method with a session_key');
  if (named !== undefined && session && named !== session.uid && (app.type === 'desktop' || signedWithSessionSecret)) {
    throw new ApiError(200, "a call in a session's name may only comment as the session user");
  }
  const writer = named ?? session?.uid;
  if (writer === undefined) throw new ApiError(102, 'pass a uid or a session_key');
  return writer;
}

export const commentsAdd = defineMethod({
  name: 'comments.add',
  summary: "Adds a comment to one of the app's fb:comments sets; with publish_to_stream also a story on the writer's stream.",
  params: {
    xid: required(text(1000), 'the set: letters, digits and underscores'),
    text: required(text(1024 * 1024), 'the comment; at most 8000 characters'),
    uid: optional(text(32), 'web apps: the writer; defaults to the session user (0 is none)'),
    title: optional(text(1000), "with publish_to_stream: the text of the story's link"),
    url: optional(text(1024), "with publish_to_stream: the commented item's address"),
    publish_to_stream: optional(bool, 'also publish a story (needs publish_stream)'),
  },
  answer: 'number',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, signedWithSessionSecret, params, services }) => {
    const xid = checkedXid(params.xid);
    const targetUid = commenter(params.uid, app, session, signedWithSessionSecret);
    const story = params.publish_to_stream ? storyLink(params.title, params.url) : undefined;
    const comment = await services.commentBoxes.add({ appId: app.appId, xid, fromUid: targetUid, text: params.text, session, story });
    return comment.commentId;
  },
});
