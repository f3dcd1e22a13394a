/**
 * status.set: the newer form of users.setStatus. Empty or absent text clears the status; otherwise
 * it becomes the person's status as sent (cut to 255 characters), with no verb put in front.
 */
import { ApiError } from '../../../wire/errors.js';
import { defineMethod, optional, text, uid } from '../../../dispatch/method-kit.js';
import { postStatus } from '../post-status.js';

export const statusSet = defineMethod({
  name: 'status.set',
  summary: "Sets the person's status; empty text clears it. Needs status_update or publish_stream (else 250).",
  params: {
    status: optional(text(), 'the new status; absent or empty clears it'),
    uid: optional(uid, 'web apps: whose status, instead of a session; desktop apps: only the session user'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, session, targetUid, params, services }) => {
    if (!(await services.grants.hasPermission(targetUid, app.appId, 'status_update', session))) throw new ApiError(250);
    if (params.status === undefined) await services.status.clear(targetUid);
    else await postStatus(services, { uid: targetUid, appId: app.appId, text: params.status });
    return true;
  },
});
