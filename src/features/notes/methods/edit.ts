/**
 * notes.edit: replaces the title and content of a note the acting person wrote through the calling
 * app (else 1600) and moves its updated_time on. Answers `1` (JSON `true`).
 */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { defineMethod, optional, positiveId, required, uid } from '../../../dispatch/method-kit.js';
import { content, MAX_TITLE_LENGTH, needCreateNote, needText, title } from './note-params.js';

export const notesEdit = defineMethod({
  name: 'notes.edit',
  summary: 'Replaces the title and content of a note the person wrote through this app (else 1600). Needs create_note or publish_stream (else 281).',
  params: {
    note_id: required(positiveId(), 'the note'),
    title: required(title, `the new title, at most ${MAX_TITLE_LENGTH} characters`),
    content: required(content, 'the new body, HTML'),
    uid: optional(uid, 'web apps: the author, instead of a session; desktop apps: only the session user'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, session, targetUid, params, services }) => {
    await needCreateNote(services, targetUid, app, session);
    const change = { title: needText(params.title, 'title'), content: needText(params.content, 'content') };
    const outcome = await services.notes.edit(targetUid, app.appId, params.note_id, change);
    if (outcome === 'no-such-note') throw invalidParameter('note_id', 'no such note');
    if (outcome === 'not-yours') throw new ApiError(1600, `note ${params.note_id} was not written by uid ${targetUid} through this application`);
    return true;
  },
});
