/**
 * message.getThreadsInFolder: the threads of one folder of a person's mailbox, newest first, each
 * with every message. The person is the session user, or for a web app without a session the
 * person `uid` names; they must have granted the app read_mailbox (298).
 */
import { defineMethod, optional } from '../../../dispatch/method-kit.js';
import { renderValue } from '../../../fql/render.js';
import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { messageValue, threadFields } from '../mailbox-values.js';
import { THREAD } from '../mailbox-types.js';
import { INBOX } from '../records.js';
import { countParam, folderIdParam } from './mailbox-params.js';

export const DEFAULT_THREADS = 20;
/** Each thread comes with all its messages, so one call gives at most this many. */
export const MAX_THREADS = 100;

export const messageGetThreadsInFolder = defineMethod({
  name: 'message.getThreadsInFolder',
  summary: 'The threads of a folder of a person’s mailbox (Inbox, Sent Messages, Updates), newest first, with their messages.',
  params: {
    folder_id: optional(folderIdParam, '0 Inbox (the default), 1 Sent Messages, 4 Updates'),
    limit: optional(countParam, `how many threads; default ${DEFAULT_THREADS}, at most ${MAX_THREADS}`),
    offset: optional(countParam, 'threads to skip from the most recent'),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'anyone', otherUserError: 200 } },
  handler: async ({ app, session, targetUid, params, services }) => {
    if ((await services.people.findMany([targetUid])).length === 0) throw new ApiError(110, `uid ${targetUid} names nobody`);
    if (!(await services.grants.hasPermission(targetUid, app.appId, 'read_mailbox', session))) throw new ApiError(298, `uid ${targetUid} has not granted this application read_mailbox`);
    const limit = params.limit === undefined || params.limit === 0 ? DEFAULT_THREADS : Math.min(params.limit, MAX_THREADS);
    const threads = await services.mailbox.folder(targetUid, params.folder_id ?? INBOX, { limit, offset: params.offset ?? 0 });
    const messages = await services.mailbox.messagesOf(threads);
    return new ApiList(
      'thread',
      threads.map((thread) =>
        renderValue({ ...threadFields(thread), messages: messages.filter((message) => message.threadId === thread.threadId).map(messageValue) }, THREAD),
      ),
    );
  },
});
