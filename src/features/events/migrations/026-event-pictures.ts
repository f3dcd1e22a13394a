/**
 * Event pictures: an event may have one picture, kept in four sizes (pic_big, pic, pic_small,
 * pic_square). The bytes live in the store, like photos, so that every instance over one
 * PostgreSQL database serves them; they go with their event. `picture_key` names the current
 * picture in its URLs (a random key and the file's extension): a new picture is a new URL.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const eventPicturesMigration: Migration = {
  version: 26,
  name: 'event-pictures',
  sql: (w) => `
ALTER TABLE events ADD COLUMN picture_key TEXT;

CREATE TABLE event_pictures (
  eid ${w.bigint} NOT NULL REFERENCES events (eid) ON DELETE CASCADE,
  size TEXT NOT NULL,
  image_hash TEXT NOT NULL,
  content_type TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes ${w.bytes} NOT NULL,
  PRIMARY KEY (eid, size)
);
`,
};
