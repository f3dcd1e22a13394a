/**
 * Sign-in attempts counted before the password is judged (a claim blocks the subject for the wait
 * it earns), and the browsers each person signed in from, which keep a budget of their own.
 */
export const sql = `
ALTER TABLE sign_in_failures ADD COLUMN wait_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sign_in_failures ADD COLUMN blocked_until INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sign_in_failures ADD COLUMN last_claim TEXT;

CREATE TABLE known_browsers (
  id_hash TEXT NOT NULL,
  uid INTEGER NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (id_hash, uid)
);
CREATE INDEX known_browsers_expiry ON known_browsers (expires_at);
`;
