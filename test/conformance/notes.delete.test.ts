/**
 * notes.delete on both backends: the answer (`1`, JSON `true`), the note and its story gone, the
 * permission (281), someone else's note or another app's (1600), an unknown id (100).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import type { NewNoteInput } from '../../src/features/notes/note-service.js';
import { expectAnswer, expectError } from './protocol-helpers.js';
import { BACKENDS, clientOf, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'notes_delete_response';
const NOT_YOURS = /^The user does not have permission to modify this note\./;

describe.each(BACKENDS)('notes.delete on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  let asAda: RestClient;

  beforeAll(async () => {
    if (skip) return;
    cast = await streamCast(backend);
    asAda = await clientOf(cast.server, cast.web, cast.ada, ['publish_stream']);
  });
  afterAll(() => cast?.server.close());

  const write = (input: Partial<NewNoteInput> = {}) =>
    cast.server.services.notes.create({ uid: cast.ada.uid, appId: cast.web.appId, title: 'T', content: 'C', origin: cast.server.url, ...input });

  it.skipIf(skip)('answers 1 in XML and true in JSON, and the note and its story are gone', async () => {
    for (const format of ['xml', 'json'] as const) {
      const note = await write();
      expectAnswer(await asAda.callRaw('notes.delete', { note_id: note.noteId }, { format }), format, ROOT, '1', 'true');
      expect(await cast.server.services.notes.byIds([note.noteId])).toEqual([]);
      expect(await cast.server.services.stream.byStoryIds([note.storyId!])).toEqual([]);
      expectError(await asAda.callRaw('notes.delete', { note_id: note.noteId }, { format }), format, 100, 'Invalid parameter (note_id: no such note)');
    }
  });

  it.skipIf(skip)('deletes a note whose story was already removed from the stream', async () => {
    const note = await write();
    expect(await asAda.call('stream.remove', { post_id: `${cast.ada.uid}_${note.storyId}` })).toBe(true);
    expect((await cast.server.services.notes.byIds([note.noteId]))[0]?.storyId).toBeNull();
    expectAnswer(await asAda.callRaw('notes.delete', { note_id: note.noteId }), 'xml', ROOT, '1', '');
  });

  it.skipIf(skip)('refuses someone else’s note and one written through another app (1600), and keeps them', async () => {
    const bobs = await write({ uid: cast.bob.uid });
    expectError(await asAda.callRaw('notes.delete', { note_id: bobs.noteId }), 'xml', 1600, NOT_YOURS);
    const elsewhere = await write({ appId: cast.desktop.appId });
    expectError(await asAda.callRaw('notes.delete', { note_id: elsewhere.noteId }, { format: 'json' }), 'json', 1600, NOT_YOURS);
    expect(await cast.server.services.notes.byIds([bobs.noteId, elsewhere.noteId])).toHaveLength(2);
  });

  it.skipIf(skip)('needs create_note or publish_stream (281); a web app may act for its user by uid without a session', async () => {
    const note = await write();
    const asAdaWithout = await clientOf(cast.server, cast.desktop, cast.ada, ['share_item']);
    expectError(await asAdaWithout.callRaw('notes.delete', { note_id: note.noteId }), 'xml', 281, 'Managing notes requires the extended permission create_note.');
    expectAnswer(await cast.server.client(cast.web).callRaw('notes.delete', { uid: cast.ada.uid, note_id: note.noteId }), 'xml', ROOT, '1', '');
    expectError(await asAda.callRaw('notes.delete', { note_id: '12x' }), 'xml', 100, 'Invalid parameter (note_id: not a positive integer)');
  });
});
