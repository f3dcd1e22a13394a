/**
 * Notifications and the apps that sent them as the platform wrote them, field by field in its
 * order: notifications.getList and the FQL table `notification` write the same fields.
 */
import { array, flag, int, string, struct, time, type FqlValue } from '../../fql/types.js';
import type { App } from '../apps/records.js';
import { absoluteHref, withAbsoluteLinks } from './notification-markup.js';
import type { StoredNotification } from './records.js';

export const NOTIFICATION = struct({
  notification_id: int,
  sender_id: int,
  recipient_id: int,
  created_time: time,
  updated_time: time,
  title_html: string,
  title_text: string,
  body_html: string,
  body_text: string,
  href: string,
  app_id: int,
  is_unread: flag,
  is_hidden: flag,
});

export const APP_INFO = struct({
  app_id: int,
  api_key: string,
  canvas_name: string,
  display_name: string,
  icon_url: string,
  logo_url: string,
  developers: array(struct({ uid: int, name: string }), 'developer_info'),
  company_name: string,
  description: string,
  daily_active_users: int,
  weekly_active_users: int,
  monthly_active_users: int,
  category: string,
  subcategory: string,
});

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Every field of a notification as its recipient's app reads it; Hearth's links absolute on `origin`. */
export function notificationFields(notification: StoredNotification, origin: string): Record<string, FqlValue> {
  return {
    notification_id: notification.notificationId,
    // An announcement is from the app: the platform wrote the recipient as its sender.
    sender_id: notification.sender ?? notification.recipient,
    recipient_id: notification.recipient,
    created_time: seconds(notification.createdAt),
    updated_time: seconds(notification.updatedAt),
    title_html: withAbsoluteLinks(notification.titleHtml, origin),
    title_text: notification.titleText,
    body_html: withAbsoluteLinks(notification.bodyHtml, origin),
    body_text: notification.bodyText,
    href: absoluteHref(notification.href, origin),
    app_id: notification.appId ?? 0,
    is_unread: notification.unread ? 1 : 0,
    is_hidden: notification.hidden ? 1 : 0,
  };
}

/** An app as notifications.getList lists it; what Hearth does not keep of apps is empty (or 0). */
export function appInfoFields(app: App): Record<string, FqlValue> {
  return {
    app_id: app.appId,
    api_key: app.apiKey,
    canvas_name: app.canvasName ?? '',
    display_name: app.name,
    icon_url: '',
    logo_url: '',
    developers: [],
    company_name: '',
    description: '',
    daily_active_users: 0,
    weekly_active_users: 0,
    monthly_active_users: 0,
    category: '',
    subcategory: '',
  };
}
