/**
 * The story a note makes in its author's stream: an app story (type 237; the stream has no post
 * type of its own for notes) on the author's own wall, whose attachment names the note and links to
 * its page, `/note.php?note_id=N`, with "{*actor*} wrote a note" as caption and the start of the
 * note as plain text for description (the stream cuts it at 1,000 characters).
 */
import type { Note } from './records.js';

export const NOTE_STORY_TYPE = 237;

/** The note's page on this server (pages/note-page.ts); stories and apps keep this URL. */
export function notePageUrl(origin: string, noteId: number): string {
  return `${origin}/note.php?note_id=${noteId}`;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };

/** The note's HTML as one line of text: tags dropped, the common entities read, white space joined. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|#39|nbsp);/g, (_match, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function noteStoryAttachment(note: Pick<Note, 'noteId' | 'title' | 'content'>, origin: string): Record<string, unknown> {
  return {
    name: note.title,
    href: notePageUrl(origin, note.noteId),
    caption: '{*actor*} wrote a note',
    description: plainText(note.content),
  };
}
