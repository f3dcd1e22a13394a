/**
 * Photos: people's albums, the photos in them, the tags on them, and the images themselves. The
 * bytes live in the store (so every instance over one PostgreSQL database serves the same photos),
 * each image once: `photo_images` is keyed by the SHA-256 of its bytes, and photos name their three
 * sizes by that key. An album goes with its owner, a photo with its album, a tag with its photo, its
 * subject or its tagger; an album or photo outlives the app it was made through. A photo others see
 * is a story in the stream (`story_id`, type 247), which holds its comments and likes.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const photosMigration: Migration = {
  version: 19,
  name: 'photos',
  sql: (w) => `
CREATE TABLE photo_images (
  image_hash TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes ${w.bytes} NOT NULL
);

CREATE TABLE albums (
  album_id ${w.identity(1)},
  owner_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  app_id ${w.bigint} REFERENCES apps (app_id) ON DELETE SET NULL,
  app_default INTEGER NOT NULL DEFAULT 0,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  location TEXT NOT NULL,
  visible TEXT NOT NULL,
  created_at ${w.bigint} NOT NULL,
  modified_at ${w.bigint} NOT NULL
);
CREATE INDEX albums_owner ON albums (owner_uid, modified_at);
CREATE UNIQUE INDEX albums_app_default ON albums (owner_uid, app_id) WHERE app_default = 1;

CREATE TABLE photos (
  photo_id ${w.identity(1)},
  album_id ${w.bigint} NOT NULL REFERENCES albums (album_id) ON DELETE CASCADE,
  owner_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  app_id ${w.bigint} REFERENCES apps (app_id) ON DELETE SET NULL,
  caption TEXT NOT NULL,
  pending INTEGER NOT NULL,
  url_key TEXT NOT NULL,
  big_image TEXT NOT NULL REFERENCES photo_images (image_hash),
  album_image TEXT NOT NULL REFERENCES photo_images (image_hash),
  small_image TEXT NOT NULL REFERENCES photo_images (image_hash),
  story_id ${w.bigint} REFERENCES posts (story_id) ON DELETE SET NULL,
  created_at ${w.bigint} NOT NULL
);
CREATE INDEX photos_album ON photos (album_id, photo_id);
CREATE INDEX photos_owner ON photos (owner_uid, created_at);
CREATE INDEX photos_story ON photos (story_id);

CREATE TABLE photo_tags (
  tag_id ${w.identity(1)},
  photo_id ${w.bigint} NOT NULL REFERENCES photos (photo_id) ON DELETE CASCADE,
  subject_uid ${w.bigint} REFERENCES people (uid) ON DELETE CASCADE,
  text TEXT NOT NULL,
  x ${w.double} NOT NULL,
  y ${w.double} NOT NULL,
  tagger_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  created_at ${w.bigint} NOT NULL
);
CREATE INDEX photo_tags_photo ON photo_tags (photo_id, tag_id);
CREATE INDEX photo_tags_subject ON photo_tags (subject_uid, photo_id);
`,
};
