/**
 * Walls that are not people's: an event's, a group's, a fan page's wall is kept in `posts` like
 * anyone's, with the place's id as `wall_uid` (and a page's own posts with its id as `actor_uid`),
 * so those two columns and `stream_activity.uid` no longer point only at people. Nothing removes
 * people, so the cascade those keys carried had nothing to do; a removal of people would now
 * remove their posts itself.
 *
 * PostgreSQL drops the keys. SQLite cannot drop a key, so the two tables are rebuilt by SQLite's
 * own procedure, with foreign keys off (`rebuildsTables`): a copy is made, the old table dropped and
 * the copy renamed, so the comments', likes', notes', links' and photos' keys name the new `posts`
 * and nothing cascades when the old one goes; the story id sequence carries over, so no id is given
 * out twice.
 */
import type { Migration } from '../../../db/migrations/migration.js';

const POST_COLUMNS = 'story_id, wall_uid, actor_uid, app_id, type, message, attachment, action_links, template_bundle_id, privacy, privacy_custom, created_at, updated_at';

export const placeWallsMigration: Migration = {
  version: 25,
  name: 'place-walls',
  rebuildsTables: true,
  sql: {
    sqlite: `
CREATE TABLE posts_placed (
  story_id INTEGER PRIMARY KEY AUTOINCREMENT,
  wall_uid INTEGER NOT NULL,
  actor_uid INTEGER NOT NULL,
  app_id INTEGER REFERENCES apps (app_id) ON DELETE SET NULL,
  type INTEGER NOT NULL,
  message TEXT NOT NULL,
  attachment TEXT,
  action_links TEXT,
  template_bundle_id INTEGER,
  privacy TEXT NOT NULL,
  privacy_custom TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO posts_placed (${POST_COLUMNS}) SELECT ${POST_COLUMNS} FROM posts;
DELETE FROM sqlite_sequence WHERE name = 'posts_placed';
INSERT INTO sqlite_sequence (name, seq) SELECT 'posts_placed', seq FROM sqlite_sequence WHERE name = 'posts';
DROP TABLE posts;
ALTER TABLE posts_placed RENAME TO posts;
CREATE INDEX posts_wall ON posts (wall_uid, updated_at, story_id);
CREATE INDEX posts_actor ON posts (actor_uid, updated_at, story_id);
CREATE INDEX posts_app ON posts (app_id, updated_at);

CREATE TABLE stream_activity_placed (
  uid INTEGER PRIMARY KEY,
  updated_at INTEGER NOT NULL
);
INSERT INTO stream_activity_placed (uid, updated_at) SELECT uid, updated_at FROM stream_activity;
DROP TABLE stream_activity;
ALTER TABLE stream_activity_placed RENAME TO stream_activity;
`,
    postgres: `
ALTER TABLE posts DROP CONSTRAINT posts_wall_uid_fkey, DROP CONSTRAINT posts_actor_uid_fkey;
ALTER TABLE stream_activity DROP CONSTRAINT stream_activity_uid_fkey;
`,
  },
};
