/**
 * Groups and who is in them. A membership row is a person who joined (`joined` 1, maybe an officer
 * or an admin too) or who was invited and has not replied (`joined` 0). A membership goes with the
 * group or the person; a group outlives its creator (creator_uid becomes null). Group ids start
 * where the platform's samples put them (600000001).
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const groupsMigration: Migration = {
  version: 21,
  name: 'groups',
  sql: (w) => `
CREATE TABLE groups (
  gid ${w.identity(600000001)},
  name TEXT NOT NULL,
  nid ${w.bigint} NOT NULL DEFAULT 0,
  description TEXT NOT NULL DEFAULT '',
  group_type TEXT NOT NULL DEFAULT '',
  group_subtype TEXT NOT NULL DEFAULT '',
  recent_news TEXT NOT NULL DEFAULT '',
  office TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  venue_street TEXT NOT NULL DEFAULT '',
  venue_city TEXT NOT NULL DEFAULT '',
  venue_state TEXT NOT NULL DEFAULT '',
  venue_country TEXT NOT NULL DEFAULT '',
  privacy TEXT NOT NULL,
  creator_uid ${w.bigint} REFERENCES people (uid) ON DELETE SET NULL,
  update_time ${w.bigint} NOT NULL
);
${w.dialect === 'sqlite' ? "INSERT INTO sqlite_sequence (name, seq) VALUES ('groups', 600000000);" : ''}

CREATE TABLE group_members (
  gid ${w.bigint} NOT NULL REFERENCES groups (gid) ON DELETE CASCADE,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  joined INTEGER NOT NULL,
  officer INTEGER NOT NULL DEFAULT 0,
  admin INTEGER NOT NULL DEFAULT 0,
  added_at ${w.bigint} NOT NULL,
  PRIMARY KEY (gid, uid)
);
CREATE INDEX group_members_uid ON group_members (uid, gid);
`,
};
