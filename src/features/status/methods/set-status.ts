/**
 * users.setStatus, the 2007–08 form: `clear` removes the status; otherwise `status` is required.
 * Without `status_includes_verb` the text is kept as sent and marked to be shown after "is" — the
 * verb is never written into it, so status.get and the stream give back what the app sent.
 */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { bool, defineMethod, optional, text, uid } from '../../../dispatch/method-kit.js';
import { postStatus } from '../post-status.js';

export const usersSetStatus = defineMethod({
  name: 'users.setStatus',
  summary: "Sets or clears the person's status. Needs status_update or publish_stream (else 250).",
  params: {
    status: optional(text(), 'the status; required unless clear is set'),
    clear: optional(bool, 'true: remove the current status (status is then ignored)'),
    status_includes_verb: optional(bool, 'true: the text holds its own verb, so "is" is not shown before it'),
    uid: optional(uid, 'web apps: whose status, instead of a session; desktop apps: only the session user'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, session, targetUid, params, services }) => {
    if (!(await services.grants.hasPermission(targetUid, app.appId, 'status_update', session))) throw new ApiError(250);
    if (params.clear === true) {
      await services.status.clear(targetUid);
      return true;
    }
    if (params.status === undefined) throw invalidParameter('status', 'required unless clear is set');
    await postStatus(services, { uid: targetUid, appId: app.appId, text: params.status, needsVerb: params.status_includes_verb !== true });
    return true;
  },
});
