/** The notes feature's table: the notes people write, each also a story of their stream. */
import type { Generated } from 'kysely';

export interface NotesTable {
  note_id: Generated<number>;
  /** The author. */
  uid: number;
  /** The app it was written through; null when the app is gone. Only that app may edit or delete it. */
  app_id: number | null;
  title: string;
  /** HTML, as the app sent it. */
  content: string;
  /** The story of the author's stream that tells of the note; null once that story is removed. */
  story_id: number | null;
  created_at: number;
  updated_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    notes: NotesTable;
  }
}
