/** When each person was last seen on the pages or through an app's session: their online_presence. */
import type { Migration } from '../../../db/migrations/migration.js';

export const presenceMigration: Migration = {
  version: 32,
  name: 'presence',
  sql: (w) => `
CREATE TABLE person_presence (
  uid ${w.bigint} PRIMARY KEY REFERENCES people (uid) ON DELETE CASCADE,
  last_seen_at ${w.bigint} NOT NULL
);
`,
};
