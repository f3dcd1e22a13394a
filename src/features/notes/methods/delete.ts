/**
 * notes.delete: deletes a note the acting person wrote through the calling app (else 1600), with
 * its story in the stream. Answers `1` (JSON `true`).
 */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { defineMethod, optional, positiveId, required, uid } from '../../../dispatch/method-kit.js';
import { needCreateNote } from './note-params.js';

export const notesDelete = defineMethod({
  name: 'notes.delete',
  summary: 'Deletes a note the person wrote through this app (else 1600), with its story. Needs create_note or publish_stream (else 281).',
  params: {
    note_id: required(positiveId(), 'the note'),
    uid: optional(uid, 'web apps: the author, instead of a session; desktop apps: only the session user'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, session, targetUid, params, services }) => {
    await needCreateNote(services, targetUid, app, session);
    const outcome = await services.notes.delete(targetUid, app.appId, params.note_id);
    if (outcome === 'no-such-note') throw invalidParameter('note_id', 'no such note');
    if (outcome === 'not-yours') throw new ApiError(1600, `note ${params.note_id} was not written by uid ${targetUid} through this application`);
    return true;
  },
});
