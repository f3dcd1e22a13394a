/**
 * Notifications: what apps and people tell a person through apps, and what other features tell
 * them (notifications.send, get, getList and markRead; the FQL table notification;
 * /notifications.php and its count in the top bar).
 */
import { defineFeature } from '../feature.js';
import { notificationTable } from './fql-tables.js';
import { notificationsGet } from './methods/get.js';
import { notificationsGetList } from './methods/get-list.js';
import { notificationsMarkRead } from './methods/mark-read.js';
import { notificationsSend } from './methods/send.js';
import { notificationsMigration } from './migrations/028-notifications.js';
import { StoredNotificationRepository } from './notification-repository.js';
import { KEPT_SECONDS, NotificationService } from './notification-service.js';
import { NOTIFICATIONS_PATH, notificationsPage } from './pages/notifications-page.js';
import type { NotificationRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly notifications: NotificationRepository;
  }
  interface Services {
    readonly notifications: NotificationService;
  }
}

export const notificationsFeature = defineFeature({
  name: 'notifications',
  migrations: [notificationsMigration],
  repositories: ({ db }) => ({ notifications: new StoredNotificationRepository(db) }),
  services: ({ store, services }) => ({ notifications: new NotificationService(store, services) }),
  methods: [notificationsSend, notificationsGet, notificationsGetList, notificationsMarkRead],
  fqlTables: [notificationTable],
  pages: [notificationsPage],
  topBarLink: async (services, uid) => ({ label: 'Notifications', href: NOTIFICATIONS_PATH, count: await services.notifications.unreadCount(uid) }),
  housekeeping: (store, now) => store.notifications.deleteBefore(new Date(now.getTime() - KEPT_SECONDS * 1000)),
});
