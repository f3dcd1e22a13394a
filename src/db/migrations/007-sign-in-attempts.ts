/**
 * Sign-in attempts counted before the password is judged (a claim blocks the subject for the wait
 * it earns), and the browsers each person signed in from, which keep a budget of their own.
 */
import type { Migration } from './migration.js';

export const signInAttempts: Migration = {
  version: 7,
  name: 'sign-in-attempts',
  sql: (w) => `
ALTER TABLE sign_in_failures ADD COLUMN wait_ms ${w.bigint} NOT NULL DEFAULT 0;
ALTER TABLE sign_in_failures ADD COLUMN blocked_until ${w.bigint} NOT NULL DEFAULT 0;
ALTER TABLE sign_in_failures ADD COLUMN last_claim TEXT;

CREATE TABLE known_browsers (
  id_hash TEXT NOT NULL,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  expires_at ${w.bigint} NOT NULL,
  PRIMARY KEY (id_hash, uid)
);
CREATE INDEX known_browsers_expiry ON known_browsers (expires_at);
`,
};
