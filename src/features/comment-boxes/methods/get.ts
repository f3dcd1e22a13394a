/**
 * comments.get: a set's comments, oldest first (the facebooker fixture's order), each with xid,
 * fromid, time, text and id. No session needed: a comment box is shown to anyone.
 */
import { invalidParameter } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { defineMethod, optional, text } from '../../../dispatch/method-kit.js';
import { checkedXid } from '../comment-box-service.js';
import { commentValue } from '../comment-values.js';

export const commentsGet = defineMethod({
  name: 'comments.get',
  summary: "The comments of one of the app's fb:comments sets, oldest first.",
  params: {
    xid: optional(text(1000), 'the set: letters, digits and underscores'),
    object_id: optional(text(1000), 'the later Facebook-object form; not served (pass xid)'),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, params, services }) => {
    if (params.xid === undefined) {
      throw invalidParameter('xid', params.object_id === undefined ? 'required' : 'required; object_id is not served, pass the xid of the set');
    }
    const xid = checkedXid(params.xid);
    return new ApiList('comment', (await services.commentBoxes.ofSet(app.appId, xid)).map(commentValue));
  },
});
