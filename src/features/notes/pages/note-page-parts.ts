/**
 * What the notes pages (note.php, notes.php) and the profile's Notes box share: their paths, the
 * notes a viewer may read, a note's first line as text, and the frame with the viewer's tabs.
 */
import { renderPage } from '../../../http/page-kit/layout.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Services } from '../../feature.js';
import type { Person } from '../../people/records.js';
import { accountNav, signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { plainText } from '../note-story.js';
import type { Note } from '../records.js';

export const NOTE_PAGE_PATH = '/note.php';
export const NOTES_PAGE_PATH = '/notes.php';

/** The page of one note: the path its story's link names (note-story.ts), without the origin. */
export function notePagePath(noteId: number): string {
  return `${NOTE_PAGE_PATH}?note_id=${noteId}`;
}

export function notesPagePath(uid: number): string {
  return `${NOTES_PAGE_PATH}?id=${uid}`;
}

/** The note, when it exists and `viewer` may read it (the rule of its story, story-visibility.ts). */
export async function readableNote(services: Services, viewer: Person | undefined, noteId: number): Promise<Note | undefined> {
  const [readable] = await services.notes.readable(viewer?.uid, await services.notes.byIds([noteId]));
  return readable;
}

/** `author`'s notes that `viewer` may read, newest first, at most `limit`. */
export async function readableNotesOf(services: Services, viewer: Person | undefined, author: number, limit?: number): Promise<Note[]> {
  const readable = await services.notes.readable(viewer?.uid, await services.notes.ofAuthors([author]));
  return limit === undefined ? readable : readable.slice(0, limit);
}

/** How long a first line may be in a list before it is cut, in characters. */
const FIRST_LINE_LENGTH = 200;

// A tag that ends a line in a note's HTML: a line break, or the end of a block.
const LINE_END_TAG = /^<(?:br\b|\/(?:p|div|li|h[1-6]|blockquote|pre|tr)\b)/i;
// Elements whose text is no text of the note (the page never shows them).
const HIDDEN_ELEMENTS = /<(script|style)\b[\s\S]*?<\/\1\s*>/gi;

/** The first line of the note that holds words, as plain text, cut to FIRST_LINE_LENGTH characters. */
export function firstLine(content: string): string {
  // Tags first, so that a line break inside a tag does not end a line.
  const lines = content
    .replace(HIDDEN_ELEMENTS, ' ')
    .replace(/<[^>]*>/g, (tag) => (LINE_END_TAG.test(tag) ? '\n' : ' '))
    .split(/\r?\n|\r/);
  const line = lines.map(plainText).find((text) => text !== '') ?? '';
  const characters = [...line];
  return characters.length <= FIRST_LINE_LENGTH ? line : `${characters.slice(0, FIRST_LINE_LENGTH - 1).join('').trimEnd()}…`;
}

export interface NotesFrame {
  readonly title: string;
  readonly body: SafeHtml;
  readonly viewer: Person | undefined;
}

/** The notes pages' frame: the signed-in person's tabs on top, who is signed in below. */
export function notesPage(frame: NotesFrame): SafeHtml {
  const { viewer } = frame;
  const body = html`${viewer && accountNav(undefined, viewer)}
${frame.body}
${viewer && signedInLine(viewer)}`;
  return renderPage({ title: frame.title, body, wide: true, topNote: viewer && displayName(viewer) });
}
