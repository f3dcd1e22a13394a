/**
 * Notifications: one row per person notified, so that each recipient reads and marks their own.
 * A row goes with its recipient's account and with its sender's; one from an app stays once the
 * app is gone (app_id null), as the people it told may still read it. Rows older than a week are
 * removed by housekeeping: the platform kept notifications for seven days.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const FIRST_NOTIFICATION_ID = 1001;

export const notificationsMigration: Migration = {
  version: 28,
  name: 'notifications',
  sql: (w) => `
CREATE TABLE notifications (
  notification_id ${w.identity(FIRST_NOTIFICATION_ID)},
  recipient_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  sender_uid ${w.bigint} REFERENCES people (uid) ON DELETE CASCADE,
  app_id ${w.bigint} REFERENCES apps (app_id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  title_html TEXT NOT NULL,
  title_text TEXT NOT NULL,
  body_html TEXT NOT NULL,
  body_text TEXT NOT NULL,
  href TEXT NOT NULL,
  created_at ${w.bigint} NOT NULL,
  updated_at ${w.bigint} NOT NULL,
  is_unread INTEGER NOT NULL,
  is_hidden INTEGER NOT NULL
);
-- A person's notifications, newest first; what housekeeping removes.
CREATE INDEX notifications_recipient ON notifications (recipient_uid, created_at);
-- What a person sent through an app lately (notifications_per_day; their sent notifications).
CREATE INDEX notifications_sender ON notifications (sender_uid, app_id, created_at);
-- What an app announced to a person lately (announcement_notifications_per_week).
CREATE INDEX notifications_app_recipient ON notifications (app_id, recipient_uid, created_at);
CREATE INDEX notifications_created ON notifications (created_at);
${w.dialect === 'sqlite' ? `INSERT INTO sqlite_sequence (name, seq) VALUES ('notifications', ${FIRST_NOTIFICATION_ID - 1});` : ''}
`,
};
