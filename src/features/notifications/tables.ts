/** The notifications feature's table (migration 28): one row per notification a person received. */
import type { Generated } from 'kysely';

export interface NotificationsTable {
  notification_id: Generated<number>;
  recipient_uid: number;
  /** Who sent it through the app (user_to_user); null when the app itself did (app_to_user). */
  sender_uid: number | null;
  /** The app it came through; null for the platform's own, or once the app is gone. */
  app_id: number | null;
  /** `user_to_user` or `app_to_user`. */
  kind: string;
  /** Safe HTML, with the platform's own links relative to the server (/profile.php?id=…). */
  title_html: string;
  title_text: string;
  body_html: string;
  body_text: string;
  /** Where it leads; empty for nowhere. */
  href: string;
  created_at: number;
  updated_at: number;
  is_unread: number;
  is_hidden: number;
}

declare module '../../db/database.js' {
  interface Tables {
    notifications: NotificationsTable;
  }
}
