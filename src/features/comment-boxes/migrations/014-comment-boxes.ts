/**
 * Comments of `fb:comments` boxes. A set is named by the app's xid and belongs to the app: its
 * comments go with the app, and each comment with the person who wrote it (FK cascade). Comment
 * ids are numbers in the range of the platform's samples (65020, 403917).
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const FIRST_COMMENT_ID = 400001;

export const commentBoxesMigration: Migration = {
  version: 14,
  name: 'comment-boxes',
  sql: (w) => `
CREATE TABLE box_comments (
  comment_id ${w.identity(FIRST_COMMENT_ID)},
  app_id ${w.bigint} NOT NULL REFERENCES apps (app_id) ON DELETE CASCADE,
  xid TEXT NOT NULL,
  fromid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  text TEXT NOT NULL,
  post_id TEXT,
  created_at ${w.bigint} NOT NULL
);
CREATE INDEX box_comments_set ON box_comments (app_id, xid, comment_id);
${w.dialect === 'sqlite' ? `INSERT INTO sqlite_sequence (name, seq) VALUES ('box_comments', ${FIRST_COMMENT_ID - 1});` : ''}
`,
};
