/**
 * notes.edit on both backends: the answer (`1`, JSON `true`), the new title and content and the
 * updated_time, the permission (281), and the notes it may not touch: someone else's, or one
 * written through another app (1600), an unknown id (100); bad input (100).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import type { Note } from '../../src/features/notes/records.js';
import { expectAnswer, expectError } from './protocol-helpers.js';
import { BACKENDS, clientOf, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'notes_edit_response';
const T0 = Date.UTC(2010, 0, 1);
const NOT_YOURS = /^The user does not have permission to modify this note\. \(note \d+ was not written by uid \d+ through this application\)$/;

describe.each(BACKENDS)('notes.edit on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  let asAda: RestClient;
  let note: Note;

  beforeAll(async () => {
    if (skip) return;
    cast = await streamCast(backend);
    asAda = await clientOf(cast.server, cast.web, cast.ada, ['create_note']);
    note = await cast.server.services.notes.create({ uid: cast.ada.uid, appId: cast.web.appId, title: 'Draft', content: 'First words', origin: cast.server.url }, new Date(T0));
  });
  afterAll(() => cast?.server.close());

  const current = async (noteId: number) => (await cast.server.services.notes.byIds([noteId]))[0];

  it.skipIf(skip)('answers 1 in XML and true in JSON; replaces title and content and moves updated_time on, not created_time', async () => {
    expectAnswer(await asAda.callRaw('notes.edit', { note_id: note.noteId, title: 'On the Engine', content: '<p>Revised</p>' }), 'xml', ROOT, '1', '');
    expect(await current(note.noteId)).toMatchObject({ title: 'On the Engine', content: '<p>Revised</p>', createdAt: new Date(T0) });
    expect((await current(note.noteId))!.updatedAt.getTime()).toBeGreaterThan(T0);
    expectAnswer(await asAda.callRaw('notes.edit', { note_id: note.noteId, title: 'Again', content: 'x' }, { format: 'json' }), 'json', ROOT, '', 'true');
    const [listed] = JSON.parse((await asAda.callRaw('notes.get', {}, { format: 'json' })).body) as Array<{ title: string; created_time: number; updated_time: number }>;
    expect(listed!.title).toBe('Again');
    expect(listed!.created_time).toBe(T0 / 1000);
    expect(listed!.updated_time).toBeGreaterThan(T0 / 1000);
  });

  it.skipIf(skip)('refuses someone else’s note and a note written through another app (1600), leaving them as they were', async () => {
    const bobs = await cast.server.services.notes.create({ uid: cast.bob.uid, appId: cast.web.appId, title: 'Bob’s', content: 'x', origin: cast.server.url });
    for (const format of ['xml', 'json'] as const) {
      expectError(await asAda.callRaw('notes.edit', { note_id: bobs.noteId, title: 'Mine now', content: 'y' }, { format }), format, 1600, NOT_YOURS);
    }
    const asAdaDesktop = await clientOf(cast.server, cast.desktop, cast.ada, ['create_note']);
    expectError(await asAdaDesktop.callRaw('notes.edit', { note_id: note.noteId, title: 'Elsewhere', content: 'y' }), 'xml', 1600, NOT_YOURS);
    expect((await current(bobs.noteId))!.title).toBe('Bob’s');
    expect((await current(note.noteId))!.title).not.toBe('Elsewhere');
  });

  it.skipIf(skip)('needs create_note or publish_stream (281) before it looks at the note', async () => {
    const asCleo = await clientOf(cast.server, cast.web, cast.cleo, ['read_stream']);
    expectError(await asCleo.callRaw('notes.edit', { note_id: note.noteId, title: 'T', content: 'C' }), 'xml', 281, 'Managing notes requires the extended permission create_note.');
    const publisher = await clientOf(cast.server, cast.web, cast.cleo, ['publish_stream']);
    expectError(await publisher.callRaw('notes.edit', { note_id: note.noteId, title: 'T', content: 'C' }), 'xml', 1600, NOT_YOURS);
  });

  it.skipIf(skip)('refuses an unknown or malformed note_id, an empty title or content and a title over 255 characters (100)', async () => {
    expectError(await asAda.callRaw('notes.edit', { note_id: 999999999999, title: 'T', content: 'C' }), 'xml', 100, 'Invalid parameter (note_id: no such note)');
    expectError(await asAda.callRaw('notes.edit', { note_id: 'abc', title: 'T', content: 'C' }), 'xml', 100, 'Invalid parameter (note_id: not a positive integer)');
    expectError(await asAda.callRaw('notes.edit', { note_id: -4, title: 'T', content: 'C' }, { format: 'json' }), 'json', 100, 'Invalid parameter (note_id: not a positive integer)');
    expectError(await asAda.callRaw('notes.edit', { title: 'T', content: 'C' }), 'xml', 100, /^Invalid parameter/);
    expectError(await asAda.callRaw('notes.edit', { note_id: note.noteId, title: ' ', content: 'C' }), 'xml', 100, 'Invalid parameter (title: must not be empty)');
    expectError(await asAda.callRaw('notes.edit', { note_id: note.noteId, title: 'T', content: '' }), 'xml', 100, /^Invalid parameter \(content/);
    expectError(await asAda.callRaw('notes.edit', { note_id: note.noteId, title: 'é'.repeat(256), content: 'C' }), 'xml', 100, 'Invalid parameter (title: longer than 255 characters)');
  });
});
