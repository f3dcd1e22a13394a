/**
 * When each person's stream last moved: the latest updated time of any post on their wall or by
 * them. A read of many people's posts (a news feed) starts from the newest of these and, window by
 * window, asks only for the people who had anything in that window — one small-table lookup per
 * person instead of a seek into the posts' indexes. It only ever grows: a removed post leaves it as
 * it was, which keeps it an upper bound, all the reads need.
 */
import type { Migration } from '../../../db/migrations/migration.js';

/** Fills the table from the posts there are (here, and after a bulk load of posts). */
export const BACKFILL_STREAM_ACTIVITY = `INSERT INTO stream_activity (uid, updated_at)
SELECT uid, MAX(updated_at) FROM (
  SELECT wall_uid AS uid, updated_at FROM posts UNION ALL SELECT actor_uid AS uid, updated_at FROM posts
) AS sides GROUP BY uid`;

export const streamActivityMigration: Migration = {
  version: 15,
  name: 'stream-activity',
  sql: (w) => `
CREATE TABLE stream_activity (
  uid ${w.bigint} PRIMARY KEY REFERENCES people (uid) ON DELETE CASCADE,
  updated_at ${w.bigint} NOT NULL
);
${BACKFILL_STREAM_ACTIVITY};
`,
};
