/**
 * Feed template bundles and the stories published from them. A bundle belongs to its app and goes
 * with it, and so do its stories; a story also goes with its actor (FK cascade). Bundle ids are
 * 64-bit and start above 2^32, so clients that read them into 32-bit integers find out at once.
 * Stories are kept per actor and time: the daily cap of feed.publishUserAction counts them.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const FIRST_BUNDLE_ID = 17876842717;

export const feedMigration: Migration = {
  version: 13,
  name: 'feed',
  sql: (w) => `
CREATE TABLE template_bundles (
  bundle_id ${w.identity(FIRST_BUNDLE_ID)},
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  content TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at ${w.bigint} NOT NULL
);
CREATE INDEX template_bundles_app ON template_bundles (app_id, active, content_hash);
${w.dialect === 'sqlite' ? `INSERT INTO sqlite_sequence (name, seq) VALUES ('template_bundles', ${FIRST_BUNDLE_ID - 1});` : ''}

CREATE TABLE feed_stories (
  story_id ${w.identity(1)},
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  bundle_id ${w.bigint} NOT NULL REFERENCES template_bundles (bundle_id) ON DELETE CASCADE,
  actor_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  story_size INTEGER NOT NULL,
  title_html TEXT NOT NULL,
  body_html TEXT NOT NULL,
  title_text TEXT NOT NULL,
  target_ids TEXT NOT NULL,
  user_message TEXT,
  post_id TEXT,
  created_at ${w.bigint} NOT NULL
);
CREATE INDEX feed_stories_actor ON feed_stories (actor_uid, app_id, created_at);
`,
};
