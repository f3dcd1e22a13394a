/**
 * Requests and invitations people send their friends through an app's fb:request-form. A row is
 * one recipient's copy. Once the recipient answers it (a choice, Ignore, or removing the app) its
 * content is emptied but the row stays, so that the sender's daily allowance still counts it;
 * housekeeping removes every row after 30 days. Rows go with the sender's and the recipient's
 * accounts.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const appRequestsMigration: Migration = {
  version: 35,
  name: 'app-requests',
  sql: (w) => `
CREATE TABLE app_requests (
  request_id ${w.identity(1)},
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  sender_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  recipient_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  type TEXT NOT NULL,
  is_invite INTEGER NOT NULL,
  content TEXT NOT NULL,
  created_at ${w.bigint} NOT NULL,
  answered_at ${w.bigint}
);
-- A person's requests (reqs.php, the top bar's count, removing an app).
CREATE INDEX app_requests_recipient ON app_requests (recipient_uid, app_id, created_at);
-- What a person sent through an app lately (requests_per_day), and the people foreign key.
CREATE INDEX app_requests_sender ON app_requests (sender_uid, app_id, created_at);
CREATE INDEX app_requests_app ON app_requests (app_id);
-- What housekeeping removes.
CREATE INDEX app_requests_created ON app_requests (created_at);
`,
};
