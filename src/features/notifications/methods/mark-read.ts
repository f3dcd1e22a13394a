/** notifications.markRead: the session user has read these of their notifications; ids of others' are ignored. */
import { defineMethod, required } from '../../../dispatch/method-kit.js';
import { notificationIdList } from './notification-params.js';

export const notificationsMarkRead = defineMethod({
  name: 'notifications.markRead',
  summary: 'Marks some of the session user’s notifications read; ids that are not theirs are ignored.',
  params: {
    notification_ids: required(notificationIdList, 'the notifications, comma-separated or a JSON array'),
  },
  answer: 'boolean',
  access: { session: 'required', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, params, services }) => {
    await services.notifications.markRead(session.uid, params.notification_ids);
    return true;
  },
});
