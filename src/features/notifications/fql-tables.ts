/**
 * The FQL table `notification`: the session user's own notifications of the last seven days,
 * newest first. Only recipient_id is indexable, and only the session user's rows exist for a call
 * (another recipient_id finds nothing); `WHERE 1` reads them too. No extended permission is needed.
 */
import { column, defineFqlTable } from '../../fql/table.js';
import { flag, int, string, time, type FqlValue } from '../../fql/types.js';
import { notificationFields } from './notification-values.js';

/** A notification's fields as the recipient's app reads them, made once per row. */
export interface NotificationRow {
  readonly fields: Readonly<Record<string, FqlValue>>;
}

const field = (name: string) => (row: NotificationRow) => row.fields[name]!;

export const notificationTable = defineFqlTable<NotificationRow, undefined>({
  name: 'notification',
  summary: 'The session user’s notifications of the last seven days, read and unread, newest first; WHERE 1 or recipient_id = me() lists them.',
  privacyDoc: 'Needs a session. Only the session user’s own notifications: another recipient_id finds no rows. No extended permission is needed.',
  session: 'required',
  key: ['notification_id'],
  viewerColumn: 'recipient_id',
  columns: {
    notification_id: column(int, 'the notification (Hearth’s are unique across people)', field('notification_id')),
    sender_id: column(int, 'who sent it; the recipient for one the app sent itself', field('sender_id')),
    recipient_id: column(int, 'the session user', field('recipient_id'), { index: true }),
    created_time: column(time, 'when it was sent', field('created_time')),
    updated_time: column(time, 'when it last changed (sent, for Hearth’s)', field('updated_time')),
    title_html: column(string, 'the sender’s name and the text, as safe HTML (text and links)', field('title_html')),
    title_text: column(string, 'the same without tags', field('title_text')),
    body_html: column(string, 'empty: notifications.send has a title only', field('body_html')),
    body_text: column(string, 'empty', field('body_text')),
    href: column(string, 'where it leads: the app’s address, or the page it is about', field('href')),
    app_id: column(int, 'the app it came through; 0 for the platform’s own', field('app_id')),
    is_unread: column(flag, '1 until the person reads it (their notifications page, or notifications.markRead)', field('is_unread')),
    is_hidden: column(flag, 'always 0: Hearth has no way to hide an app’s notifications yet', field('is_hidden')),
    object_id: column(int, 'not kept: nil'),
    object_type: column(string, 'not kept: nil'),
    icon_url: column(string, 'not kept: nil'),
  },
  fetch: async (_name, values, context) => {
    const viewer = context.viewer!;
    if (!values.includes(viewer)) return [];
    const notifications = await context.services.notifications.received(viewer, { includeRead: true }, context.now);
    return notifications.map((notification) => ({ fields: notificationFields(notification, context.origin) }));
  },
  facts: async () => undefined,
});
