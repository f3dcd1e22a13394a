/**
 * Pages, their fans, their admins and the apps they added. Fans, admins and apps go with the page,
 * the person or the app. Page ids start where the platform's samples put them (400000001).
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const pagesMigration: Migration = {
  version: 22,
  name: 'pages',
  sql: (w) => `
CREATE TABLE pages (
  page_id ${w.identity(400000001)},
  name TEXT NOT NULL,
  username TEXT UNIQUE,
  type TEXT NOT NULL,
  website TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '{}',
  created_at ${w.bigint} NOT NULL
);
CREATE INDEX pages_name ON pages (name);
${w.dialect === 'sqlite' ? "INSERT INTO sqlite_sequence (name, seq) VALUES ('pages', 400000000);" : ''}

CREATE TABLE page_fans (
  page_id ${w.bigint} NOT NULL REFERENCES pages (page_id) ON DELETE CASCADE,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  created_at ${w.bigint} NOT NULL,
  PRIMARY KEY (page_id, uid)
);
CREATE INDEX page_fans_uid ON page_fans (uid, page_id);

CREATE TABLE page_admins (
  page_id ${w.bigint} NOT NULL REFERENCES pages (page_id) ON DELETE CASCADE,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  PRIMARY KEY (page_id, uid)
);
CREATE INDEX page_admins_uid ON page_admins (uid, page_id);

CREATE TABLE page_apps (
  page_id ${w.bigint} NOT NULL REFERENCES pages (page_id) ON DELETE CASCADE,
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  added_at ${w.bigint} NOT NULL,
  PRIMARY KEY (page_id, app_id)
);
CREATE INDEX page_apps_app ON page_apps (app_id, page_id);
`,
};
