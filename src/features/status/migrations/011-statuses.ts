/**
 * Status history: what people said they were doing, newest last. Each entry is also a post of the
 * person's stream (type 46), whose story id is the entry's status_id. A cleared status is no entry:
 * the time it was cleared is kept per person, and the current status is the newest entry made after
 * it. Both go with the person (FK cascade); an entry outlives the app that set it (source 0).
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const statusesMigration: Migration = {
  version: 11,
  name: 'statuses',
  sql: (w) => `
CREATE TABLE statuses (
  status_id ${w.bigint} PRIMARY KEY,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  message TEXT NOT NULL,
  needs_verb INTEGER NOT NULL DEFAULT 0,
  app_id ${w.bigint} REFERENCES apps (app_id) ON DELETE SET NULL,
  created_at ${w.bigint} NOT NULL
);
CREATE INDEX statuses_uid ON statuses (uid, created_at, status_id);

CREATE TABLE status_clears (
  uid ${w.bigint} PRIMARY KEY REFERENCES people (uid) ON DELETE CASCADE,
  cleared_at ${w.bigint} NOT NULL
);
`,
};
