/** One note as notes.get and the FQL `note` table write it. */
import type { Note } from '../records.js';

export function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** `<note>`: note_id, title, content, created_time, updated_time, and the author's uid last. */
export function noteValue(note: Note): Record<string, string | number> {
  return {
    note_id: note.noteId,
    title: note.title,
    content: note.content,
    created_time: seconds(note.createdAt),
    updated_time: seconds(note.updatedAt),
    uid: note.uid,
  };
}
