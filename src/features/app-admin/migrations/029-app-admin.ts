/**
 * The properties an app sets with admin.setAppProperties beyond its own fields, and the preference
 * slots (data.setUserPreference) each person has with each app. Both go with the app; a person's
 * preferences go with the person too, and when they remove the app (the feature's onAppRemoved).
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const appAdminMigration: Migration = {
  version: 29,
  name: 'app-admin',
  sql: (w) => `
CREATE TABLE app_properties (
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (app_id, name)
);

CREATE TABLE user_preferences (
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  pref_id INTEGER NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (app_id, uid, pref_id)
);
-- For the people foreign key.
CREATE INDEX user_preferences_uid ON user_preferences (uid);
`,
};
