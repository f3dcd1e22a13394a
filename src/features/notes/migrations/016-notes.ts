/**
 * Notes: a title and an HTML body, written by a person through an app. A note goes with its author
 * (FK cascade) and outlives the app (app_id becomes null, and no app may change it any more). Its
 * story is a post of the author's stream; removing that post from the stream leaves the note
 * (story_id becomes null). Note ids are in the range of the platform's samples (1000000301).
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const FIRST_NOTE_ID = 1000000301;

export const notesMigration: Migration = {
  version: 16,
  name: 'notes',
  sql: (w) => `
CREATE TABLE notes (
  note_id ${w.identity(FIRST_NOTE_ID)},
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  app_id ${w.bigint} REFERENCES apps (app_id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  story_id ${w.bigint} REFERENCES posts (story_id) ON DELETE SET NULL,
  created_at ${w.bigint} NOT NULL,
  updated_at ${w.bigint} NOT NULL
);
CREATE INDEX notes_uid ON notes (uid, created_at, note_id);
CREATE INDEX notes_story ON notes (story_id);
${w.dialect === 'sqlite' ? `INSERT INTO sqlite_sequence (name, seq) VALUES ('notes', ${FIRST_NOTE_ID - 1});` : ''}
`,
};
