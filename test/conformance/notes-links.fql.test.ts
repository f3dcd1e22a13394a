/**
 * The FQL `note` and `link` tables on both backends: every column, lookups by each index column,
 * the XML of `image_urls` (`<image_urls_elt>` items), the 2009 tutorial's query of a user's latest
 * links, privacy (the stream's rule for the story; without a session what everyone may see), and
 * what a removed story leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import type { SharedLink } from '../../src/features/links/records.js';
import type { Note } from '../../src/features/notes/records.js';
import { xmlScalarAnswer } from '../support/test-server.js';
import { expectError, phpJson } from './protocol-helpers.js';
import { BACKENDS, clientOf, streamCast, type StreamCast } from './stream.setup.js';

const T0 = Date.UTC(2010, 0, 1);
const S0 = T0 / 1000;

describe.each(BACKENDS)('FQL note and link on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  let asBob: RestClient;
  let note: Note;
  let later: Note;
  let links: SharedLink[];

  beforeAll(async () => {
    if (skip) return;
    cast = await streamCast(backend);
    const { notes, links: shared } = cast.server.services;
    const origin = cast.server.url;
    note = await notes.create({ uid: cast.ada.uid, appId: cast.web.appId, title: 'On the Engine', content: '<p>Notes</p>', origin }, new Date(T0));
    later = await notes.create({ uid: cast.ada.uid, appId: cast.desktop.appId, title: 'Note G', content: 'Bernoulli', origin }, new Date(T0 + 60_000));
    links = [];
    for (let i = 0; i < 7; i++) {
      links.push(await shared.post({ owner: cast.ada.uid, appId: cast.web.appId, url: `http://example.org/${i}`, comment: `link ${i}`, image: i === 6 ? 'http://example.org/6.jpg' : undefined }, new Date(T0 + i * 1000)));
    }
    asBob = await clientOf(cast.server, cast.web, cast.bob, []);
  });
  afterAll(() => cast?.server.close());

  const query = async (client: RestClient, text: string, format: 'xml' | 'json' = 'json') => (await client.callRaw('fql.query', { query: text }, { format })).body;

  it.skipIf(skip)('answers every column of note by uid, newest first, and by note_id; notes of every app', async () => {
    expect(await query(asBob, `SELECT uid, note_id, created_time, updated_time, content, title FROM note WHERE uid = ${cast.ada.uid} ORDER BY created_time DESC`)).toBe(
      phpJson([
        { uid: cast.ada.uid, note_id: later.noteId, created_time: S0 + 60, updated_time: S0 + 60, content: 'Bernoulli', title: 'Note G' },
        { uid: cast.ada.uid, note_id: note.noteId, created_time: S0, updated_time: S0, content: '<p>Notes</p>', title: 'On the Engine' },
      ]),
    );
    expect(await query(asBob, `SELECT title FROM note WHERE note_id = ${note.noteId}`, 'xml')).toBe(
      xmlScalarAnswer('fql_query_response', '\n  <note>\n    <title>On the Engine</title>\n  </note>\n', ' list="true"'),
    );
    // A subquery of the viewer's friends reaches their notes (Ada's, written through either app).
    const viaFriends = JSON.parse(await query(asBob, `SELECT note_id FROM note WHERE uid IN (SELECT uid2 FROM friend WHERE uid1 = me())`)) as Array<{ note_id: number }>;
    expect(viaFriends.map((row) => row.note_id).sort()).toEqual([note.noteId, later.noteId].sort());
  });

  it.skipIf(skip)('answers the tutorial’s query of link: url and title by owner, newest first, LIMIT 5', async () => {
    const newest = links.slice(2).reverse();
    expect(await query(asBob, `SELECT url,title FROM link WHERE owner = ${cast.ada.uid} ORDER BY created_time DESC LIMIT 5`)).toBe(phpJson(newest.map((link) => ({ url: link.url, title: '' }))));
  });

  it.skipIf(skip)('answers every column of link by link_id, image_urls as <image_urls_elt> items in XML and an array in JSON', async () => {
    const [withImage, without] = [links[6]!, links[0]!];
    const columns = 'link_id, owner, owner_comment, created_time, title, summary, url, image_urls';
    expect(await query(asBob, `SELECT ${columns} FROM link WHERE link_id IN (${withImage.linkId}, ${without.linkId})`)).toBe(
      phpJson([withImage, without].map((link) => ({
        link_id: link.linkId, owner: cast.ada.uid, owner_comment: link.comment, created_time: Math.floor(link.createdAt.getTime() / 1000), title: '', summary: '', url: link.url, image_urls: link.imageUrls,
      }))),
    );
    expect(await query(asBob, `SELECT image_urls FROM link WHERE link_id IN (${withImage.linkId}, ${without.linkId})`, 'xml')).toBe(
      xmlScalarAnswer(
        'fql_query_response',
        '\n  <link>\n    <image_urls list="true">\n      <image_urls_elt>http://example.org/6.jpg</image_urls_elt>\n    </image_urls>\n  </link>\n' +
          '  <link>\n    <image_urls list="true"/>\n  </link>\n',
        ' list="true"',
      ),
    );
  });

  it.skipIf(skip)('shows without a session what everyone may see, and a story’s privacy decides who reads its note or link', async () => {
    const noSession = cast.server.client(cast.web);
    expect(await query(noSession, `SELECT note_id FROM note WHERE note_id = ${note.noteId}`)).toBe(`[{"note_id":${note.noteId}}]`);
    expect(await query(noSession, `SELECT link_id FROM link WHERE link_id = ${links[0]!.linkId}`)).toBe(`[{"link_id":${links[0]!.linkId}}]`);
    const setPrivacy = (storyId: number, privacy: string) => cast.server.store.database.query.updateTable('posts').set({ privacy }).where('story_id', '=', storyId).execute();
    await setPrivacy(note.storyId!, 'ALL_FRIENDS');
    await setPrivacy(links[0]!.storyId!, 'ALL_FRIENDS');
    const asDan = await clientOf(cast.server, cast.web, cast.dan, []);
    for (const client of [noSession, asDan]) {
      expect(await query(client, `SELECT note_id FROM note WHERE note_id = ${note.noteId}`)).toBe('[]');
      expect(await query(client, `SELECT link_id FROM link WHERE link_id = ${links[0]!.linkId}`)).toBe('[]');
    }
    expect(await query(asBob, `SELECT note_id FROM note WHERE note_id = ${note.noteId}`)).toBe(`[{"note_id":${note.noteId}}]`);
    expect(await query(asBob, `SELECT link_id FROM link WHERE link_id = ${links[0]!.linkId}`)).toBe(`[{"link_id":${links[0]!.linkId}}]`);
    await setPrivacy(note.storyId!, 'EVERYONE');
    await setPrivacy(links[0]!.storyId!, 'EVERYONE');
  });

  it.skipIf(skip)('keeps a note and a link whose story was removed from the stream, readable by everyone', async () => {
    const asAda = await clientOf(cast.server, cast.web, cast.ada, ['publish_stream']);
    const link = links[1]!;
    expect(await asAda.call('stream.remove', { post_id: `${cast.ada.uid}_${link.storyId}` })).toBe(true);
    expect(await query(cast.server.client(cast.web), `SELECT owner_comment FROM link WHERE link_id = ${link.linkId}`)).toBe('[{"owner_comment":"link 1"}]');
  });

  it.skipIf(skip)('refuses an unknown column (602) and a statement with no index (604)', async () => {
    expectError(await asBob.callRaw('fql.query', { query: `SELECT body FROM note WHERE uid = ${cast.ada.uid}` }), 'xml', 602, /^The field you requested does not exist/);
    expectError(await asBob.callRaw('fql.query', { query: `SELECT url FROM link WHERE title = ''` }), 'xml', 604, /^Your statement is not indexable/);
  });
});
