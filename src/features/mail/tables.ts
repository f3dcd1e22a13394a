/** The mail feature's table (migration 27): every e-mail Hearth sends, kept until some time after it went out. */
import type { Generated } from 'kysely';

export interface MailOutboxTable {
  id: Generated<number>;
  /** What it is: `app`, `confirm-email`, `recover-password` or `notification` (records.ts). */
  kind: string;
  /** The app it is sent for; null for Hearth's own mail. */
  app_id: number | null;
  /** The person it goes to, when it goes to one (a sign-up confirmation may go to an address only). */
  to_uid: number | null;
  to_address: string;
  /** The sender's display name (the app's name, or "Hearth"). */
  from_name: string;
  from_address: string;
  /** One line. */
  subject: string;
  text: string;
  html: string | null;
  created_at: number;
  /** When the relay accepted it; null while it waits. */
  sent_at: number | null;
  /** The relay's (or the connection's) last refusal, one line; null when none. */
  last_error: string | null;
  /** Deliveries tried so far. */
  attempts: number;
  /** An instance is delivering it until then; no other tries it before (milliseconds). */
  locked_until: number | null;
}

declare module '../../db/database.js' {
  interface Tables {
    mail_outbox: MailOutboxTable;
  }
}
