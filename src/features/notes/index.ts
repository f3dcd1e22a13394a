/** Notes: what people write through apps, a title and an HTML body (notes.*), each a story of their stream; the pages note.php and notes.php. */
import { defineFeature } from '../feature.js';
import { noteTable } from './fql-tables.js';
import { notesCreate } from './methods/create.js';
import { notesDelete } from './methods/delete.js';
import { notesEdit } from './methods/edit.js';
import { notesGet } from './methods/get.js';
import { notesMigration } from './migrations/016-notes.js';
import { StoredNoteRepository } from './note-repository.js';
import { NoteService } from './note-service.js';
import { notePage } from './pages/note-page.js';
import { notesListPage } from './pages/notes-page.js';
import type { NoteRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly notes: NoteRepository;
  }
  interface Services {
    readonly notes: NoteService;
  }
}

export const notesFeature = defineFeature({
  name: 'notes',
  migrations: [notesMigration],
  repositories: ({ db }) => ({ notes: new StoredNoteRepository(db) }),
  services: ({ store, services }) => ({ notes: new NoteService(store, services) }),
  methods: [notesCreate, notesGet, notesEdit, notesDelete],
  fqlTables: [noteTable],
  pages: [notePage, notesListPage],
});
