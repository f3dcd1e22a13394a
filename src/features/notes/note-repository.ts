/** Notes in the database, for both dialects. */
import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import { valueList, type ValueList } from '../../db/value-list.js';
import type { NewNote, Note, NoteRepository } from './records.js';
import type { NotesTable } from './tables.js';

function toNote(row: Selectable<NotesTable>): Note {
  return {
    noteId: Number(row.note_id),
    uid: Number(row.uid),
    appId: row.app_id === null ? null : Number(row.app_id),
    title: row.title,
    content: row.content,
    storyId: row.story_id === null ? null : Number(row.story_id),
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

export class StoredNoteRepository implements NoteRepository {
  readonly #db: Database;
  readonly #ids: ValueList<number>;
  readonly #byIds;
  readonly #ofAuthors;

  constructor(db: Database) {
    this.#db = db;
    const ids = (this.#ids = valueList<number>(db, 'bigint'));
    this.#byIds = prepareQuery(db, (q, p: Placeholders<{ ids: unknown }>) => q.selectFrom('notes').selectAll().where(ids.contains(sql.ref('note_id'), p.ids)));
    // Numbered newest first per author, so that one statement serves any number of people.
    this.#ofAuthors = prepareQuery(db, (_q, p: Placeholders<{ uids: unknown; limit: number }>) =>
      sql<Selectable<NotesTable>>`SELECT note_id, uid, app_id, title, content, story_id, created_at, updated_at FROM (
        SELECT notes.*, ROW_NUMBER() OVER (PARTITION BY uid ORDER BY created_at DESC, note_id DESC) AS rank
        FROM notes WHERE ${ids.contains(sql.ref('uid'), p.uids)}
      ) AS ranked WHERE rank <= ${p.limit} ORDER BY uid, rank`,
    );
  }

  async insert(note: NewNote): Promise<Note> {
    const row = await this.#db.query
      .insertInto('notes')
      .values({
        uid: note.uid,
        app_id: note.appId,
        title: note.title,
        content: note.content,
        story_id: null,
        created_at: note.createdAt.getTime(),
        updated_at: note.updatedAt.getTime(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toNote(row);
  }

  async setStory(noteId: number, storyId: number): Promise<void> {
    await this.#db.query.updateTable('notes').set({ story_id: storyId }).where('note_id', '=', noteId).execute();
  }

  async update(noteId: number, change: { readonly title: string; readonly content: string; readonly updatedAt: Date }): Promise<boolean> {
    const result = await this.#db.query
      .updateTable('notes')
      .set({ title: change.title, content: change.content, updated_at: change.updatedAt.getTime() })
      .where('note_id', '=', noteId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(noteId: number): Promise<boolean> {
    const result = await this.#db.query.deleteFrom('notes').where('note_id', '=', noteId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async byIds(noteIds: readonly number[]): Promise<Note[]> {
    if (noteIds.length === 0) return [];
    return (await this.#byIds.all({ ids: this.#ids.bind(noteIds) })).map(toNote);
  }

  async ofAuthors(uids: readonly number[], limit: number): Promise<Note[]> {
    if (uids.length === 0 || limit <= 0) return [];
    return (await this.#ofAuthors.all({ uids: this.#ids.bind(uids), limit })).map(toNote);
  }
}
