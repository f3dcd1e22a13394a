/**
 * notifications.getList: the session user's notifications of the last seven days, newest first
 * (unread ones only unless include_read), and the apps that sent them.
 */
import { bool, defineMethod, optional } from '../../../dispatch/method-kit.js';
import { renderValue } from '../../../fql/render.js';
import { ApiList } from '../../../wire/values.js';
import { unixTime } from './notification-params.js';
import { APP_INFO, appInfoFields, NOTIFICATION, notificationFields } from '../notification-values.js';

export const notificationsGetList = defineMethod({
  name: 'notifications.getList',
  summary: 'The session user’s notifications of the last seven days, newest first, with the apps that sent them.',
  params: {
    start_time: optional(unixTime, 'Unix time: only notifications changed since then'),
    include_read: optional(bool, 'also the ones already read (default false)'),
  },
  answer: 'record',
  access: { session: 'required', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, params, services, origin }) => {
    const changedSince = params.start_time === undefined ? undefined : new Date(params.start_time * 1000);
    const notifications = await services.notifications.received(session.uid, { includeRead: params.include_read ?? false, changedSince });
    const appIds = [...new Set(notifications.flatMap((notification) => (notification.appId === null ? [] : [notification.appId])))];
    const apps = (await services.apps.findMany(appIds)).sort((a, b) => appIds.indexOf(a.appId) - appIds.indexOf(b.appId));
    return {
      notifications: new ApiList('notification', notifications.map((notification) => renderValue(notificationFields(notification, origin), NOTIFICATION)), 'self-closing'),
      apps: new ApiList('app_info', apps.map((app) => renderValue(appInfoFields(app), APP_INFO)), 'self-closing'),
    };
  },
});
