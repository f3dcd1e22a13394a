/**
 * Application info sections. A section belongs to a person and an app: it goes with either (FK
 * cascade), and with the person's authorization of the app (the feature's onAppRemoved). The
 * options of a field belong to the app alone, so they go only with the app.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const profileInfoMigration: Migration = {
  version: 18,
  name: 'profile-info',
  sql: (w) => `
CREATE TABLE profile_info_sections (
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  type INTEGER NOT NULL,
  fields TEXT NOT NULL,
  updated_at ${w.bigint} NOT NULL,
  PRIMARY KEY (uid, app_id)
);

CREATE TABLE profile_info_options (
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  items TEXT NOT NULL,
  updated_at ${w.bigint} NOT NULL,
  PRIMARY KEY (app_id, field)
);
`,
};
