/**
 * notes.create on both backends: the answer (the note_id as the root's text, a JSON number), the
 * note kept and its story in the stream, the permission (create_note, or publish_stream which
 * covers it: else 281), who may be named, and bad input (100) — docs/notes-and-links.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import { FIRST_NOTE_ID } from '../../src/features/notes/migrations/016-notes.js';
import { expectAnswer, expectError } from './protocol-helpers.js';
import { BACKENDS, clientOf, grant, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'notes_create_response';
const PERMISSION_281 = 'Managing notes requires the extended permission create_note.';

describe.each(BACKENDS)('notes.create on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  let asAda: RestClient;

  beforeAll(async () => {
    if (skip) return;
    cast = await streamCast(backend);
    asAda = await clientOf(cast.server, cast.web, cast.ada, ['create_note']);
  });
  afterAll(() => cast?.server.close());

  const noteIdIn = (body: string): number => Number(/>(\d+)<|^(\d+)$/.exec(body)!.slice(1).find(Boolean));

  it.skipIf(skip)('answers the new note_id as the root text in XML and a number in JSON; ids count up from the platform’s range', async () => {
    const xml = await asAda.callRaw('notes.create', { title: 'On the Engine', content: 'Notes by the translator.' });
    const noteId = noteIdIn(xml.body);
    expect(noteId).toBeGreaterThanOrEqual(FIRST_NOTE_ID);
    expectAnswer(xml, 'xml', ROOT, String(noteId), '');
    const json = await asAda.callRaw('notes.create', { title: 'Second', content: 'More.' }, { format: 'json' });
    expectAnswer(json, 'json', ROOT, '', String(noteId + 1));
  });

  it.skipIf(skip)('keeps the note as sent, through the app, and tells of it in the stream: an app story linking to the note’s page', async () => {
    const content = '<p>Notes by <b>the translator</b> &amp; friends.</p>';
    const noteId = noteIdIn((await asAda.callRaw('notes.create', { title: 'On <the> Engine', content })).body);
    const [note] = await cast.server.services.notes.byIds([noteId]);
    expect(note).toMatchObject({ noteId, uid: cast.ada.uid, appId: cast.web.appId, title: 'On <the> Engine', content });
    expect(note!.updatedAt).toEqual(note!.createdAt);
    const [post] = await cast.server.services.stream.byStoryIds([note!.storyId!]);
    expect(post).toMatchObject({ type: 237, actor: cast.ada.uid, wall: cast.ada.uid, appId: cast.web.appId, message: '', privacy: { value: 'EVERYONE' } });
    expect(post!.attachment).toEqual({
      name: 'On <the> Engine',
      href: `${cast.server.url}/note.php?note_id=${noteId}`,
      caption: '{*actor*} wrote a note',
      description: 'Notes by the translator & friends.',
    });
  });

  it.skipIf(skip)('needs create_note, or publish_stream which covers it: else 281 and no note', async () => {
    const asBob = await clientOf(cast.server, cast.web, cast.bob, ['share_item']);
    for (const format of ['xml', 'json'] as const) {
      expectError(await asBob.callRaw('notes.create', { title: 'T', content: 'C' }, { format }), format, 281, PERMISSION_281);
    }
    expect(await cast.server.services.notes.ofAuthors([cast.bob.uid])).toEqual([]);
    await grant(cast.server, cast.web, cast.bob, 'publish_stream');
    expect(noteIdIn((await asBob.callRaw('notes.create', { title: 'T', content: 'C' })).body)).toBeGreaterThan(0);
  });

  it.skipIf(skip)('refuses an empty or blank title or content, a missing one, and a title over 255 characters (100)', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ title: '   ', content: 'C' }, /^Invalid parameter \(title: must not be empty\)$/],
      [{ title: 'T', content: '\n' }, /^Invalid parameter \(content: must not be empty\)$/],
      [{ title: 'T' }, /^Invalid parameter/],
      [{ content: 'C' }, /^Invalid parameter/],
      [{ title: 'x'.repeat(256), content: 'C' }, /^Invalid parameter \(title: longer than 255 characters\)$/],
      [{ title: 'T', content: 'x'.repeat(65_537) }, /^Invalid parameter \(content: longer than 65536 characters\)$/],
    ];
    const before = (await cast.server.services.notes.ofAuthors([cast.ada.uid])).length;
    for (const [args, message] of cases) expectError(await asAda.callRaw('notes.create', args), 'xml', 100, message);
    expect(await cast.server.services.notes.ofAuthors([cast.ada.uid])).toHaveLength(before);
  });

  it.skipIf(skip)('lets a web app name a user of it by uid without a session, and nobody else (200); a desktop app only its session user', async () => {
    const { server, web, desktop, cleo, dan } = cast;
    await grant(server, web, cleo, 'create_note');
    const noteId = noteIdIn((await server.client(web).callRaw('notes.create', { uid: cleo.uid, title: 'Offline', content: 'Written while away' })).body);
    expect((await server.services.notes.byIds([noteId]))[0]?.uid).toBe(cleo.uid);
    expectError(await server.client(web).callRaw('notes.create', { uid: dan.uid, title: 'T', content: 'C' }), 'xml', 200, `Permissions error (uid ${dan.uid} has not authorized this application)`);
    const asAdaDesktop = await clientOf(server, desktop, cast.ada, ['create_note']);
    expectError(await asAdaDesktop.callRaw('notes.create', { uid: cleo.uid, title: 'T', content: 'C' }), 'xml', 200, /^Permissions error/);
    const own = noteIdIn((await asAdaDesktop.callRaw('notes.create', { title: 'From the desktop', content: 'C' })).body);
    expect((await server.services.notes.byIds([own]))[0]?.appId).toBe(desktop.appId);
  });
});
