/**
 * status.get: a person's current and earlier statuses, newest first. The reader is the session user,
 * or — for a web app calling without a session — the person named by `uid` (who must have authorized
 * the app); statuses the reader may not see give an empty list, as a cleared status gives no entry.
 */
import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { defineMethod, optional, positiveId, uid } from '../../../dispatch/method-kit.js';
import { readableStatusOwners } from '../status-visibility.js';
import { userStatus } from './status-value.js';

/** status.get's default; also the most one call returns. */
export const DEFAULT_STATUS_LIMIT = 100;

export const statusGet = defineMethod({
  name: 'status.get',
  summary: "A person's statuses, newest first (message, time, status_id, source, uid).",
  params: {
    uid: optional(uid, 'whose statuses; defaults to the session user (desktop apps: only the session user)'),
    limit: optional(positiveId(), `how many, newest first; default and at most ${DEFAULT_STATUS_LIMIT}`),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'anyone', otherUserError: 200 } },
  handler: async ({ targetUid, session, app, params, services }) => {
    if (!(await services.people.findMany([targetUid])).length) throw new ApiError(110, `uid ${targetUid} names nobody`);
    const reader = session?.uid ?? targetUid;
    if (session === undefined && !(await services.grants.isAppUser(targetUid, app.appId))) {
      throw new ApiError(200, `uid ${targetUid} has not authorized this application`);
    }
    const readable = await readableStatusOwners(services, { viewer: reader, appId: app.appId }, [targetUid]);
    const limit = Math.min(params.limit ?? DEFAULT_STATUS_LIMIT, DEFAULT_STATUS_LIMIT);
    const entries = readable.has(targetUid) ? await services.status.historyOf([targetUid], limit) : [];
    return new ApiList('user_status', entries.map(userStatus));
  },
});
