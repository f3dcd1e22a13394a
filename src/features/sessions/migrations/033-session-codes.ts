/**
 * The one-time codes of /code_gen.php, which auth.getSession exchanges for a session that never
 * expires: at most one unused code per person and app (a new one replaces it), unique within its
 * app, so two apps may hand out the same six characters. Wrong codes are counted per app and fixed
 * window, so that guessing them through auth.getSession stops long before it could succeed.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const sessionCodesMigration: Migration = {
  version: 33,
  name: 'session-codes',
  sql: (w) => `
CREATE TABLE session_codes (
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  created_at ${w.bigint} NOT NULL,
  expires_at ${w.bigint} NOT NULL,
  PRIMARY KEY (app_id, code)
);
CREATE UNIQUE INDEX session_codes_person ON session_codes (app_id, uid);
-- For the people foreign key and the clean-up of expired codes.
CREATE INDEX session_codes_uid ON session_codes (uid);
CREATE INDEX session_codes_expiry ON session_codes (expires_at);

CREATE TABLE session_code_failures (
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  window_start ${w.bigint} NOT NULL,
  attempts INTEGER NOT NULL,
  PRIMARY KEY (app_id, window_start)
);
`,
};
