/**
 * notifications.get: what waits for the session user — unread Inbox threads, pokes and shares
 * (Hearth has none: always 0), friend requests, group and event invitations. A root without
 * `list="true"` whose six children are always there.
 */
import { defineMethod } from '../../../dispatch/method-kit.js';
import { ApiList } from '../../../wire/values.js';

const none = { unread: 0, most_recent: 0 };

export const notificationsGet = defineMethod({
  name: 'notifications.get',
  summary: 'What waits for the session user: unread messages, pokes, shares, friend requests, group and event invitations.',
  params: {},
  answer: 'record',
  access: { session: 'required', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, services }) => {
    const counts = await services.notifications.counts(session.uid);
    return {
      messages: { unread: counts.messages.unread, most_recent: counts.messages.unread === 0 ? 0 : counts.messages.mostRecent },
      pokes: none,
      shares: none,
      friend_requests: new ApiList('uid', counts.friendRequests, 'self-closing'),
      group_invites: new ApiList('gid', counts.groupInvites, 'self-closing'),
      event_invites: new ApiList('eid', counts.eventInvites, 'self-closing'),
    };
  },
});
