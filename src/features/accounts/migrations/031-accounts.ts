/**
 * People's own accounts: the one-time codes behind sign-up confirmations, e-mail changes, password
 * recoveries and invitations (stored as hashes, each with its expiry), and the fixed-window counts
 * that limit sign-ups and the mails they send.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const accountsMigration: Migration = {
  version: 31,
  name: 'accounts',
  sql: (w) => `
CREATE TABLE account_codes (
  code_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL,
  email TEXT,
  uid ${w.bigint} REFERENCES people (uid) ON DELETE CASCADE,
  first_name TEXT,
  last_name TEXT,
  password_hash TEXT,
  created_at ${w.bigint} NOT NULL,
  expires_at ${w.bigint} NOT NULL
);
CREATE INDEX account_codes_email ON account_codes (purpose, email);
CREATE INDEX account_codes_uid ON account_codes (uid);
CREATE INDEX account_codes_expiry ON account_codes (expires_at);

CREATE TABLE account_rate_counts (
  subject TEXT PRIMARY KEY,
  window_started_at ${w.bigint} NOT NULL,
  count INTEGER NOT NULL
);
`,
};
