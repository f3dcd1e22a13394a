/**
 * Canvas pages (docs/canvas.md): an app's canvas name, unique and stored lower-case (the name is
 * matched case-insensitively by lower-casing what the browser asked for), and the cookie jar of
 * FBML canvas pages. A jar belongs to a viewer and an app: a signed-in person's jar is `u<uid>`,
 * a visitor's is `b<id>` of the browser cookie Hearth gave them. `uid` repeats the person of a
 * `u` jar so that their cookies go with their account.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const canvasMigration: Migration = {
  version: 34,
  name: 'canvas',
  sql: (w) => `
ALTER TABLE apps ADD COLUMN canvas_name TEXT;
CREATE UNIQUE INDEX apps_canvas_name ON apps (canvas_name);

CREATE TABLE canvas_cookies (
  jar TEXT NOT NULL,
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  value TEXT NOT NULL,
  expires_at ${w.bigint} NOT NULL,
  uid ${w.bigint} REFERENCES people (uid) ON DELETE CASCADE,
  PRIMARY KEY (jar, app_id, name, path)
);
-- For the people foreign key, the cookies an app's removal takes, and the clean-up of expired cookies.
CREATE INDEX canvas_cookies_uid ON canvas_cookies (uid, app_id);
CREATE INDEX canvas_cookies_app ON canvas_cookies (app_id);
CREATE INDEX canvas_cookies_expiry ON canvas_cookies (expires_at);
`,
};
