/** Sign-in: auth tokens, API sessions with their call_id counters, browser sign-ins, throttling, app callback URLs. */
import type { Migration } from './migration.js';

export const signIn: Migration = {
  version: 2,
  name: 'sign-in',
  sql: (w) => `
ALTER TABLE apps ADD COLUMN post_authorize_url TEXT;
ALTER TABLE apps ADD COLUMN post_remove_url TEXT;

CREATE TABLE auth_tokens (
  token TEXT PRIMARY KEY,
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  uid ${w.bigint} REFERENCES people (uid) ON DELETE CASCADE,
  created_at ${w.bigint} NOT NULL,
  expires_at ${w.bigint} NOT NULL
);
CREATE INDEX auth_tokens_expiry ON auth_tokens (expires_at);

CREATE TABLE api_sessions (
  session_key TEXT PRIMARY KEY,
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  secret TEXT,
  -- NULL: the session never expires (offline_access).
  expires_at ${w.bigint},
  created_at ${w.bigint} NOT NULL,
  last_call_id ${w.double}${
    // Orders sessions created in the same millisecond, as SQLite's rowid does.
    w.dialect === 'postgres' ? ',\n  seq BIGINT GENERATED ALWAYS AS IDENTITY' : ''
  }
);
CREATE INDEX api_sessions_person ON api_sessions (uid, app_id);

CREATE TABLE browser_sign_ins (
  id_hash TEXT PRIMARY KEY,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  created_at ${w.bigint} NOT NULL,
  expires_at ${w.bigint} NOT NULL
);

CREATE TABLE sign_in_failures (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  first_failure_at ${w.bigint} NOT NULL,
  last_failure_at ${w.bigint} NOT NULL
);
`,
};
