/**
 * notes.get: a person's notes, newest first, as the reader may see them. The reader is the session
 * user; a call without a session reads what everyone may see. Notes the reader may not see are left
 * out, and nothing visible is an empty list, not an error. `note_ids` narrows to those of the
 * person's notes.
 */
import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { defineMethod, optional, uid } from '../../../dispatch/method-kit.js';
import { MAX_NOTES_READ } from '../note-service.js';
import { idList } from './note-params.js';
import { noteValue } from './note-value.js';

export const notesGet = defineMethod({
  name: 'notes.get',
  summary: "A person's notes the reader may see, newest first (note_id, title, content, created_time, updated_time, uid).",
  params: {
    uid: optional(uid, 'whose notes; defaults to the session user (desktop apps: only the session user); web apps without a session must give it'),
    note_ids: optional(idList(), 'only these of the person’s notes (JSON array or comma list; empty: all)'),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'anyone', otherUserError: 200 } },
  handler: async ({ targetUid, session, params, services }) => {
    if (!(await services.people.findMany([targetUid])).length) throw new ApiError(110, `uid ${targetUid} names nobody`);
    // An empty list (PHP's json_encode of array()) asks for no narrowing, as an empty value does.
    const notes =
      params.note_ids === undefined || params.note_ids.length === 0
        ? await services.notes.ofAuthors([targetUid])
        : (await services.notes.byIds(params.note_ids)).filter((note) => note.uid === targetUid);
    const newestFirst = [...notes].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.noteId - a.noteId).slice(0, MAX_NOTES_READ);
    const readable = await services.notes.readable(session?.uid, newestFirst);
    return new ApiList('note', readable.map(noteValue));
  },
});
