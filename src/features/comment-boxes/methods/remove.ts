/**
 * comments.remove: a call in a session's name (a desktop app, or one signed with the session's
 * secret) may remove only that person's comments (200); with the app's secret, any comment of
 * the app's sets. A comment the set does not have is 1706.
 */
import { defineMethod, positiveId, required, text } from '../../../dispatch/method-kit.js';
import { checkedXid } from '../comment-box-service.js';

export const commentsRemove = defineMethod({
  name: 'comments.remove',
  summary: "Removes a comment from one of the app's fb:comments sets.",
  params: {
    xid: required(text(1000), 'the set: letters, digits and underscores'),
    comment_id: required(positiveId(), 'as comments.add or comments.get gave it'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, signedWithSessionSecret, params, services }) => {
    const xid = checkedXid(params.xid);
    const inSessionsName = session !== undefined && (app.type === 'desktop' || signedWithSessionSecret);
    await services.commentBoxes.remove(app.appId, xid, params.comment_id, inSessionsName ? session.uid : undefined);
    return true;
  },
});
