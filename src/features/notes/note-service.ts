/**
 * Notes: a person writes them through an app (notes.create), which alone may change them later
 * (notes.edit, notes.delete); anyone who may see a note's story in the stream may read the note
 * (story-visibility.ts). Writing a note publishes its story (note-story.ts); deleting the note
 * removes the story too, editing leaves the story as it was told.
 */
import type { Services, Store } from '../feature.js';
import { postIdOf } from '../stream/post-ids.js';
import { noteStoryAttachment, NOTE_STORY_TYPE } from './note-story.js';
import type { Note } from './records.js';
import { visibleByStory } from './story-visibility.js';

export type { Note } from './records.js';

/** The most notes one read gives per person (notes.get, FQL by uid), newest first. */
export const MAX_NOTES_READ = 1000;

export interface NewNoteInput {
  readonly uid: number;
  readonly appId: number;
  readonly title: string;
  readonly content: string;
  /** This server as the app reached it: the story links to the note's page here. */
  readonly origin: string;
}

/** What a change to a note came to: `not-yours` for a note of someone else or written through another app. */
export type NoteChange = 'done' | 'no-such-note' | 'not-yours';

export class NoteService {
  readonly #store: Store;
  readonly #services: Pick<Services, 'stream'>;

  constructor(store: Store, services: Pick<Services, 'stream'>) {
    this.#store = store;
    this.#services = services;
  }

  async create(input: NewNoteInput, now = new Date()): Promise<Note> {
    const note = await this.#store.notes.insert({ uid: input.uid, appId: input.appId, title: input.title, content: input.content, createdAt: now, updatedAt: now });
    let storyId: number;
    try {
      ({ storyId } = await this.#services.stream.publish(
        { actor: input.uid, wall: input.uid, appId: input.appId, type: NOTE_STORY_TYPE, message: '', attachment: noteStoryAttachment(note, input.origin), actionLinks: null },
        now,
      ));
    } catch (error) {
      // No note without its story.
      await this.#store.notes.delete(note.noteId);
      throw error;
    }
    await this.#store.notes.setStory(note.noteId, storyId);
    return { ...note, storyId };
  }

  /** The note if `uid` wrote it through `appId`. */
  async #own(uid: number, appId: number, noteId: number): Promise<Note | Exclude<NoteChange, 'done'>> {
    const [note] = await this.#store.notes.byIds([noteId]);
    if (note === undefined) return 'no-such-note';
    return note.uid === uid && note.appId === appId ? note : 'not-yours';
  }

  async edit(uid: number, appId: number, noteId: number, change: { readonly title: string; readonly content: string }, now = new Date()): Promise<NoteChange> {
    const note = await this.#own(uid, appId, noteId);
    if (typeof note === 'string') return note;
    return (await this.#store.notes.update(noteId, { ...change, updatedAt: now })) ? 'done' : 'no-such-note';
  }

  async delete(uid: number, appId: number, noteId: number): Promise<NoteChange> {
    const note = await this.#own(uid, appId, noteId);
    if (typeof note === 'string') return note;
    if (!(await this.#store.notes.delete(noteId))) return 'no-such-note';
    // The story goes with the note; one already removed from the stream is no matter.
    if (note.storyId !== null) await this.#services.stream.remove(uid, postIdOf(uid, note.storyId), appId);
    return 'done';
  }

  /** The notes with these ids, whoever may read them. */
  byIds(noteIds: readonly number[]): Promise<Note[]> {
    return this.#store.notes.byIds(noteIds);
  }

  /** Each person's notes, newest first, at most MAX_NOTES_READ each, whoever may read them. */
  ofAuthors(uids: readonly number[]): Promise<Note[]> {
    return this.#store.notes.ofAuthors(uids, MAX_NOTES_READ);
  }

  /** Those of `notes` that `viewer` (undefined: nobody) may read, in their order. */
  readable(viewer: number | undefined, notes: readonly Note[]): Promise<Note[]> {
    return visibleByStory(this.#services, viewer, notes);
  }
}
