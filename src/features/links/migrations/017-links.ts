/**
 * Shared links: a URL with the owner's comment, shared through an app. A link goes with its owner
 * (FK cascade) and outlives the app (app_id becomes null). Its story is a link post (type 80) of
 * the owner's stream; removing that post leaves the link (story_id becomes null). Link ids are in
 * the range of the platform's samples (1000000401).
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const FIRST_LINK_ID = 1000000401;

export const linksMigration: Migration = {
  version: 17,
  name: 'links',
  sql: (w) => `
CREATE TABLE links (
  link_id ${w.identity(FIRST_LINK_ID)},
  owner_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  app_id ${w.bigint} REFERENCES apps (app_id) ON DELETE SET NULL,
  url TEXT NOT NULL,
  owner_comment TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  image_urls TEXT NOT NULL,
  story_id ${w.bigint} REFERENCES posts (story_id) ON DELETE SET NULL,
  created_at ${w.bigint} NOT NULL
);
CREATE INDEX links_owner ON links (owner_uid, created_at, link_id);
CREATE INDEX links_story ON links (story_id);
${w.dialect === 'sqlite' ? `INSERT INTO sqlite_sequence (name, seq) VALUES ('links', ${FIRST_LINK_ID - 1});` : ''}
`,
};
