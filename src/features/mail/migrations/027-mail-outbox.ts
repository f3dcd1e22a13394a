/**
 * The outbox: every e-mail is written here before it is handed to the relay, so that nothing is
 * lost while the relay is down; a sent mail keeps its row (for the daily allocation and the
 * operator's `hearth mail list`) until housekeeping removes it. A mail to a person goes with the
 * person's account.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const mailOutboxMigration: Migration = {
  version: 27,
  name: 'mail-outbox',
  sql: (w) => `
CREATE TABLE mail_outbox (
  id ${w.identity(1)},
  kind TEXT NOT NULL,
  app_id ${w.bigint} REFERENCES apps (app_id) ON DELETE CASCADE,
  to_uid ${w.bigint} REFERENCES people (uid) ON DELETE CASCADE,
  to_address TEXT NOT NULL,
  from_name TEXT NOT NULL,
  from_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  html TEXT,
  created_at ${w.bigint} NOT NULL,
  sent_at ${w.bigint},
  last_error TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  locked_until ${w.bigint}
);
-- What an app sent a person lately (the emails_per_day allocation).
CREATE INDEX mail_outbox_app_recipient ON mail_outbox (app_id, to_uid, created_at);
-- What waits (sent_at null), and what housekeeping removes.
CREATE INDEX mail_outbox_sent ON mail_outbox (sent_at, id);
-- For the people foreign key.
CREATE INDEX mail_outbox_to_uid ON mail_outbox (to_uid);
`,
};
