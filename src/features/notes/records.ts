/** What the notes feature keeps, and the repository that keeps it. */

export interface Note {
  readonly noteId: number;
  /** The author. */
  readonly uid: number;
  /** The app it was written through; null when that app is gone. */
  readonly appId: number | null;
  readonly title: string;
  /** HTML, as the app sent it. */
  readonly content: string;
  /** The story id of the post that tells of it; null once that post is removed from the stream. */
  readonly storyId: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type NewNote = Omit<Note, 'noteId' | 'storyId'>;

export interface NoteRepository {
  /** Assigns the next note id. */
  insert(note: NewNote): Promise<Note>;
  /** Links the note to its story. */
  setStory(noteId: number, storyId: number): Promise<void>;
  /** Replaces title and content; returns whether the note exists. */
  update(noteId: number, change: { readonly title: string; readonly content: string; readonly updatedAt: Date }): Promise<boolean>;
  /** Returns whether it existed. */
  delete(noteId: number): Promise<boolean>;
  /** The notes with these ids that exist, in no particular order. */
  byIds(noteIds: readonly number[]): Promise<Note[]>;
  /** Each person's notes, newest first (created time, then id), at most `limit` each. */
  ofAuthors(uids: readonly number[], limit: number): Promise<Note[]>;
}
