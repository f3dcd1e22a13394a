/**
 * The developers of each app: the people who see and change it on /developers/. An app made on
 * the page starts with the person who made it; an app made by `hearth app create` has none until
 * an operator adds one (`hearth app developer add`).
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const appDevelopersMigration: Migration = {
  version: 36,
  name: 'app-developers',
  sql: (w) => `
CREATE TABLE app_developers (
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  added_at ${w.bigint} NOT NULL,
  PRIMARY KEY (app_id, uid)
);
-- A person's own apps, for /developers/ and the people foreign key.
CREATE INDEX app_developers_uid ON app_developers (uid);
`,
};
