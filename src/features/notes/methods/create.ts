/**
 * notes.create: a note by the acting person, through the calling app, which alone may change it
 * later. Answers the new note_id (`<notes_create_response …>1000000301</notes_create_response>`,
 * JSON the number). The note is also a story of the person's stream. See docs/notes-and-links.md.
 */
import { defineMethod, required, uid, optional } from '../../../dispatch/method-kit.js';
import { content, MAX_TITLE_LENGTH, needCreateNote, needText, title } from './note-params.js';

export const notesCreate = defineMethod({
  name: 'notes.create',
  summary: 'Writes a note for the acting person (also a story of their stream); answers its note_id. Needs create_note or publish_stream (else 281).',
  params: {
    title: required(title, `the title, at most ${MAX_TITLE_LENGTH} characters`),
    content: required(content, 'the body, HTML'),
    uid: optional(uid, 'web apps: the author, a person who authorized the app, instead of a session; desktop apps: only the session user'),
  },
  answer: 'number',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, session, targetUid, params, services, origin }) => {
    await needCreateNote(services, targetUid, app, session);
    const note = await services.notes.create({
      uid: targetUid,
      appId: app.appId,
      title: needText(params.title, 'title'),
      content: needText(params.content, 'content'),
      origin,
    });
    return note.noteId;
  },
});
