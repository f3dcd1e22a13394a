/**
 * The stream: posts on walls, their comments and likes. Everything goes with the person (FK
 * cascade: a post with either its author or its wall's owner, comments and likes with their
 * author and with the post); a post outlives the app it was made through (app_id becomes null).
 *
 * The reads: a wall (posts on it or by its owner) and the news feed (posts on the walls of, or by,
 * the viewer and their friends), newest first by updated time — one index per side of the OR —
 * and an app's posts for the app filters.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const streamMigration: Migration = {
  version: 12,
  name: 'stream',
  sql: (w) => `
CREATE TABLE posts (
  story_id ${w.identity(1000000001)},
  wall_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  actor_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  app_id ${w.bigint} REFERENCES apps (app_id) ON DELETE SET NULL,
  type INTEGER NOT NULL,
  message TEXT NOT NULL,
  attachment TEXT,
  action_links TEXT,
  template_bundle_id ${w.bigint},
  privacy TEXT NOT NULL,
  privacy_custom TEXT,
  created_at ${w.bigint} NOT NULL,
  updated_at ${w.bigint} NOT NULL
);
${
  // Story ids in the range the platform's examples use, as people's uids are (see 001-initial).
  w.dialect === 'sqlite' ? "INSERT INTO sqlite_sequence (name, seq) VALUES ('posts', 1000000000);" : ''
}
CREATE INDEX posts_wall ON posts (wall_uid, updated_at, story_id);
CREATE INDEX posts_actor ON posts (actor_uid, updated_at, story_id);
CREATE INDEX posts_app ON posts (app_id, updated_at);

CREATE TABLE post_comments (
  comment_id ${w.identity(1)},
  story_id ${w.bigint} NOT NULL REFERENCES posts (story_id) ON DELETE CASCADE,
  from_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  app_id ${w.bigint} REFERENCES apps (app_id) ON DELETE SET NULL,
  text TEXT NOT NULL,
  created_at ${w.bigint} NOT NULL
);
CREATE INDEX post_comments_story ON post_comments (story_id, comment_id);
CREATE INDEX post_comments_author ON post_comments (from_uid);

CREATE TABLE post_likes (
  story_id ${w.bigint} NOT NULL REFERENCES posts (story_id) ON DELETE CASCADE,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  created_at ${w.bigint} NOT NULL,
  PRIMARY KEY (story_id, uid)
);
CREATE INDEX post_likes_uid ON post_likes (uid, story_id);
`,
};
