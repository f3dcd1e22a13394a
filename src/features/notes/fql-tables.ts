/** The FQL `note` table: people's notes, read by the rule of notes.get. */
import { column, defineFqlTable } from '../../fql/table.js';
import { int, string, time } from '../../fql/types.js';
import { seconds } from './methods/note-value.js';
import { MAX_NOTES_READ, type Note } from './note-service.js';

export const noteTable = defineFqlTable<Note, ReadonlySet<number>>({
  name: 'note',
  summary: 'Notes people wrote through apps: a title and an HTML body.',
  privacyDoc: `Those whose story in the author's stream the viewer may see (everyone, as the stream's default for a post on one's own wall); without a session, what everyone may see. By uid, the newest ${MAX_NOTES_READ} of each person.`,
  session: 'optional',
  key: ['note_id'],
  columns: {
    uid: column(int, 'the author', (note) => note.uid, { index: true }),
    note_id: column(int, 'the id', (note) => note.noteId, { index: true }),
    created_time: column(time, 'when it was written', (note) => seconds(note.createdAt)),
    updated_time: column(time, 'when it was last edited (the created time until then)', (note) => seconds(note.updatedAt)),
    content: column(string, 'the body, HTML as the app sent it', (note) => note.content),
    title: column(string, 'the title', (note) => note.title),
  },
  fetch: (name, values, context) => (name === 'uid' ? context.services.notes.ofAuthors(values as number[]) : context.services.notes.byIds(values as number[])),
  facts: async (notes, context) => new Set((await context.services.notes.readable(context.viewer, notes)).map((note) => note.noteId)),
  visible: (note, readable) => readable.has(note.noteId),
});
