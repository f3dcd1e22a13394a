/** Apps, people, authorizations, extended permissions, profile FBML and operator settings. */
import type { Migration } from './migration.js';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: (w) => `
CREATE TABLE apps (
  app_id ${w.identity(100001)},
  api_key TEXT NOT NULL UNIQUE,
  secret TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('web', 'desktop')),
  callback_url TEXT,
  allowed_addresses TEXT NOT NULL DEFAULT '',
  rate_limit_requests INTEGER,
  rate_limit_window_seconds INTEGER,
  created_at ${w.bigint} NOT NULL
);

CREATE TABLE people (
  uid ${w.identity(500000001)},
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  picture_url TEXT,
  created_at ${w.bigint} NOT NULL
);
${
  // Ids in the range the platform's examples use: apps from 100001, people from 500000001.
  // PostgreSQL's identities start there; SQLite's AUTOINCREMENT continues from its sequence table.
  w.dialect === 'sqlite' ? "INSERT INTO sqlite_sequence (name, seq) VALUES ('apps', 100000), ('people', 500000000);" : ''
}

CREATE TABLE app_authorizations (
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  authorized_at ${w.bigint} NOT NULL,
  PRIMARY KEY (uid, app_id)
);

CREATE TABLE extended_permissions (
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  permission TEXT NOT NULL,
  granted_at ${w.bigint} NOT NULL,
  PRIMARY KEY (uid, app_id, permission)
);

CREATE TABLE profile_fbml (
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  profile TEXT,
  profile_main TEXT,
  mobile_profile TEXT,
  profile_action TEXT,
  updated_at ${w.bigint} NOT NULL,
  PRIMARY KEY (uid, app_id)
);

CREATE TABLE settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
};
