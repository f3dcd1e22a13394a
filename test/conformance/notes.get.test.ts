/**
 * notes.get on both backends: the list byte for byte (XML `<note>` items in a list="true" root,
 * JSON an array of objects), newest first, `note_ids`, who may read (the stream's rule for the
 * note's story; without a session what everyone may see), and bad ids (100, 110).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import type { Note } from '../../src/features/notes/records.js';
import { xmlScalarAnswer } from '../support/test-server.js';
import { expectError, phpJson } from './protocol-helpers.js';
import { BACKENDS, clientOf, seconds, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'notes_get_response';
const T0 = Date.UTC(2010, 0, 1);

describe.each(BACKENDS)('notes.get on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  let asBob: RestClient;
  let older: Note;
  let newer: Note;

  beforeAll(async () => {
    if (skip) return;
    cast = await streamCast(backend);
    const write = (title: string, content: string, at: number) =>
      cast.server.services.notes.create({ uid: cast.ada.uid, appId: cast.web.appId, title, content, origin: cast.server.url }, new Date(T0 + at * 1000));
    older = await write('On the Engine', 'Notes by the translator.', 0);
    newer = await write('Bernoulli & <numbers>', '<p>Note G</p>', 100);
    asBob = await clientOf(cast.server, cast.web, cast.bob, []);
  });
  afterAll(() => cast?.server.close());

  const xmlNote = (note: Note, content: string, title = note.title) =>
    `  <note>\n    <note_id>${note.noteId}</note_id>\n    <title>${title}</title>\n    <content>${content}</content>\n` +
    `    <created_time>${seconds(note.createdAt)}</created_time>\n    <updated_time>${seconds(note.updatedAt)}</updated_time>\n    <uid>${note.uid}</uid>\n  </note>\n`;
  const jsonNote = (note: Note) => ({
    note_id: note.noteId, title: note.title, content: note.content, created_time: seconds(note.createdAt), updated_time: seconds(note.updatedAt), uid: note.uid,
  });
  const ids = async (client: RestClient, args: Record<string, unknown>) =>
    (JSON.parse((await client.callRaw('notes.get', args as never, { format: 'json' })).body) as Array<{ note_id: number }>).map((note) => note.note_id);

  it.skipIf(skip)('writes one <note> per note, newest first, in a list="true" root; JSON an array of objects with the same keys', async () => {
    const xml = await asBob.callRaw('notes.get', { uid: cast.ada.uid });
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.body).toBe(
      xmlScalarAnswer(ROOT, '\n' + xmlNote(newer, '&lt;p&gt;Note G&lt;/p&gt;', 'Bernoulli &amp; &lt;numbers&gt;') + xmlNote(older, 'Notes by the translator.'), ' list="true"'),
    );
    expect(seconds(older.createdAt)).toBe(T0 / 1000);
    const json = await asBob.callRaw('notes.get', { uid: cast.ada.uid }, { format: 'json' });
    expect(json.body).toBe(phpJson([jsonNote(newer), jsonNote(older)]));
  });

  it.skipIf(skip)('reads the session user’s own notes by default, and an empty list when there are none', async () => {
    const asAda = await clientOf(cast.server, cast.web, cast.ada, []);
    expect(await ids(asAda, {})).toEqual([newer.noteId, older.noteId]);
    expect((await asBob.callRaw('notes.get', {})).body).toBe(xmlScalarAnswer(ROOT, '', ' list="true"'));
    expect((await asBob.callRaw('notes.get', {}, { format: 'json' })).body).toBe('[]');
  });

  it.skipIf(skip)('narrows to note_ids, sent as a JSON array, a comma list or bracket-less; ids of someone else’s notes give nothing', async () => {
    const other = await cast.server.services.notes.create({ uid: cast.cleo.uid, appId: cast.web.appId, title: 'Cleo', content: 'x', origin: cast.server.url });
    expect(await ids(asBob, { uid: cast.ada.uid, note_ids: JSON.stringify([older.noteId]) })).toEqual([older.noteId]);
    expect(await ids(asBob, { uid: cast.ada.uid, note_ids: ` ${older.noteId} , ${newer.noteId},` })).toEqual([newer.noteId, older.noteId]);
    expect(await ids(asBob, { uid: cast.ada.uid, note_ids: `${other.noteId}` })).toEqual([]);
    expect(await ids(asBob, { uid: cast.ada.uid, note_ids: '[]' })).toEqual([newer.noteId, older.noteId]);
    expect(await ids(asBob, { uid: cast.ada.uid, note_ids: '' })).toEqual([newer.noteId, older.noteId]);
  });

  it.skipIf(skip)('lets anyone read notes whose story everyone may see: a stranger, and a web app without a session', async () => {
    const asDan = await clientOf(cast.server, cast.web, cast.dan, []);
    expect(await ids(asDan, { uid: cast.ada.uid })).toEqual([newer.noteId, older.noteId]);
    expect(await ids(cast.server.client(cast.web), { uid: cast.ada.uid })).toEqual([newer.noteId, older.noteId]);
  });

  it.skipIf(skip)('keeps to the stream’s rule for the story: a note whose story only its author may see is hers alone', async () => {
    const secret = await cast.server.services.notes.create({ uid: cast.cleo.uid, appId: cast.web.appId, title: 'Mine', content: 'x', origin: cast.server.url });
    // A story made private as the stream allows: it is what decides who reads the note.
    await cast.server.store.database.query.updateTable('posts').set({ privacy: 'SELF' }).where('story_id', '=', secret.storyId!).execute();
    const asCleo = await clientOf(cast.server, cast.web, cast.cleo, []);
    expect(await ids(asCleo, {})).toContain(secret.noteId);
    expect(await ids(await clientOf(cast.server, cast.web, cast.ada, []), { uid: cast.cleo.uid })).not.toContain(secret.noteId);
    expect(await ids(cast.server.client(cast.web), { uid: cast.cleo.uid })).not.toContain(secret.noteId);
  });

  it.skipIf(skip)('refuses a uid that names nobody (110), a malformed one (110), bad note_ids (100), and no uid without a session (102)', async () => {
    expectError(await asBob.callRaw('notes.get', { uid: 999999999 }), 'xml', 110, 'Invalid user id (uid 999999999 names nobody)');
    expectError(await asBob.callRaw('notes.get', { uid: 'ada' }), 'xml', 110, /^Invalid user id/);
    expectError(await asBob.callRaw('notes.get', { note_ids: '[1,"x"]' }), 'xml', 100, 'Invalid parameter (note_ids: "x" is not an id)');
    expectError(await asBob.callRaw('notes.get', { note_ids: '[1,' }), 'xml', 100, 'Invalid parameter (note_ids: not a JSON array or a comma-separated list)');
    expectError(await asBob.callRaw('notes.get', { note_ids: '0' }, { format: 'json' }), 'json', 100, 'Invalid parameter (note_ids: "0" is not an id)');
    expectError(await cast.server.client(cast.web).callRaw('notes.get', {}), 'xml', 102, /^Session key invalid or no longer valid/);
  });
});
