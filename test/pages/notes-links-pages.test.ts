/**
 * note.php, notes.php and the profile's Notes and Links boxes, on both stores: who may read a note
 * (the author, a friend, a stranger, nobody signed in) by its story's privacy; the 404 of a removed
 * or unknown note; hostile note content and link URLs never reaching a page as markup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Note } from '../../src/features/notes/records.js';
import type { Person } from '../../src/features/people/records.js';
import { timeText } from '../../src/http/page-kit/time-text.js';
import { Browserless, pageText, type PageResponse } from '../support/browserless.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { loadXssVectors } from '../unit/fbml-xss-vectors.js';
import { signedInBrowser } from './page-kit.js';

const T0 = Date.UTC(2010, 0, 1);

/** The part of a page between an element's opening tag (found by `marker`) and `end`. */
function section(page: PageResponse, marker: string, end: string): string {
  const start = page.body.indexOf(marker);
  if (start === -1) return '';
  const stop = page.body.indexOf(end, start);
  return page.body.slice(start, stop === -1 ? undefined : stop);
}

/** Every tag in the body of `page` that could run something: script-like elements, handlers, script URLs. */
function dangerousTags(page: string): string[] {
  const body = page.slice(page.indexOf('<body'));
  return (body.match(/<[^>]+>/g) ?? []).filter(
    (tag) =>
      /^<\/?\s*(?:script|iframe|object|embed|frame|base|meta|link|style|svg|math)\b/i.test(tag) ||
      /[\s/"'`]on[a-z]+\s*=/i.test(tag) ||
      /\b(?:href|src|action|formaction|xlink:href|srcdoc)\s*=\s*["'`]?\s*(?:javascript|vbscript|data):/i.test(tag),
  );
}

for (const { backend, skip } of [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
]) describe.skipIf(skip)(`notes and links in the pages (${backend})`, () => {
  let server: TestServer;
  let app: App;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    app = await server.createApp('web');
  });
  afterAll(() => server?.close());

  async function world() {
    const [ada, bob, dee] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Bob Bobson'), await server.createPerson('Dee Stranger')];
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    const browsers = { ada: await signedInBrowser(server, ada), bob: await signedInBrowser(server, bob), dee: await signedInBrowser(server, dee), nobody: new Browserless(server.url) };
    return { ada, bob, dee, browsers };
  }

  function writeNote(author: Person, title: string, content: string, at = T0): Promise<Note> {
    return server.services.notes.create({ uid: author.uid, appId: app.appId, title, content, origin: server.url }, new Date(at));
  }

  function setStoryPrivacy(storyId: number | null, privacy: string) {
    return server.store.database.query.updateTable('posts').set({ privacy }).where('story_id', '=', storyId!).execute();
  }

  it('shows a public note to everyone: title, author linked, when written and edited, and the body', async () => {
    const { ada, browsers } = await world();
    const note = await writeNote(ada, 'On the Engine', '<p>The Engine weaves <b>algebraic</b> patterns.</p>');
    await server.services.notes.edit(ada.uid, app.appId, note.noteId, { title: 'On the Analytical Engine', content: '<p>The Engine weaves <b>algebraic</b> patterns.</p>' }, new Date(T0 + 3_600_000));
    for (const browser of Object.values(browsers)) {
      const page = await browser.get(`/note.php?note_id=${note.noteId}`);
      expect(page.status).toBe(200);
      // No script may run on it, as on every page.
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(page.headers.get('content-security-policy')).not.toContain('script-src');
      const text = pageText(page.body);
      expect(text).toContain('On the Analytical Engine');
      expect(text).toContain(`By Ada Lovelace · ${timeText(new Date(T0))} · Edited ${timeText(new Date(T0 + 3_600_000))}`);
      expect(page.body).toContain(`<a href="/profile.php?id=${ada.uid}">Ada Lovelace</a>`);
      expect(section(page, '<div class="note-body">', '</article>')).toContain('<p>The Engine weaves <b>algebraic</b> patterns.</p>');
    }
    // The story in the stream links to this very page.
    const [post] = await server.services.stream.byStoryIds([note.storyId!]);
    expect((post!.attachment as { href: string }).href).toBe(`${server.url}/note.php?note_id=${note.noteId}`);
  });

  it('follows the story’s privacy: friends only, then only the author', async () => {
    const { ada, browsers } = await world();
    const note = await writeNote(ada, 'For friends', '<p>Between us</p>');
    await setStoryPrivacy(note.storyId, 'ALL_FRIENDS');
    const status = async (who: keyof typeof browsers) => (await browsers[who].get(`/note.php?note_id=${note.noteId}`)).status;
    expect({ ada: await status('ada'), bob: await status('bob'), dee: await status('dee'), nobody: await status('nobody') }).toEqual({ ada: 200, bob: 200, dee: 404, nobody: 404 });
    await setStoryPrivacy(note.storyId, 'SELF');
    expect({ ada: await status('ada'), bob: await status('bob'), dee: await status('dee'), nobody: await status('nobody') }).toEqual({ ada: 200, bob: 404, dee: 404, nobody: 404 });
    const hidden = await browsers.dee.get(`/note.php?note_id=${note.noteId}`);
    expect(pageText(hidden.body)).toContain('No such note This note does not exist, or you cannot see it.');
    expect(hidden.body).not.toContain('Between us');
  });

  it('answers a removed or unknown note with the 404 page, and a malformed id with the 400 page', async () => {
    const { ada, browsers } = await world();
    const note = await writeNote(ada, 'Soon gone', 'gone');
    expect(await server.services.notes.delete(ada.uid, app.appId, note.noteId)).toBe('done');
    for (const path of [`/note.php?note_id=${note.noteId}`, '/note.php?note_id=999999999999']) {
      const page = await browsers.ada.get(path);
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('<h1>No such note</h1>');
    }
    for (const path of ['/note.php', '/note.php?note_id=abc', '/notes.php', '/notes.php?id=-1']) expect((await browsers.ada.get(path)).status).toBe(400);
    expect((await browsers.ada.get('/notes.php?id=999999999999')).status).toBe(404);
  });

  it('never lets hostile note content reach a page as markup', async () => {
    const { ada, bob, browsers } = await world();
    // The API refuses control characters in parameters (wire/form-decoding.ts), so no note holds a NUL.
    const vectors = loadXssVectors({ owner: ada.uid, friend: bob.uid }).filter((vector) => /<script|onerror|javascript:/i.test(vector) && !vector.includes('\0')).slice(0, 16);
    expect(vectors.length).toBeGreaterThan(10);
    for (const vector of vectors) {
      const note = await writeNote(ada, `<script>__xss()</script> ${vector.slice(0, 200)}`, `<p>Before</p>${vector}<p>After</p>`);
      const page = await browsers.bob.get(`/note.php?note_id=${note.noteId}`);
      expect(page.status).toBe(200);
      expect(dangerousTags(page.body), vector).toEqual([]);
      expect(page.body).toContain('&lt;script&gt;__xss()&lt;/script&gt;');
    }
    // The list and the profile show titles and first lines as text.
    for (const page of [await browsers.bob.get(`/notes.php?id=${ada.uid}`), await browsers.bob.get(`/profile.php?id=${ada.uid}`)]) {
      expect(page.status).toBe(200);
      expect(dangerousTags(page.body)).toEqual([]);
    }
  });

  it('lists a person’s notes on notes.php, newest first, with their first line; only those the viewer may read', async () => {
    const { ada, dee, browsers } = await world();
    const first = await writeNote(ada, 'Note A', '<h2>Sketch</h2><p>Of the Engine</p>', T0);
    const second = await writeNote(ada, 'Note G', 'Bernoulli numbers\nin the second line', T0 + 60_000);
    const secret = await writeNote(ada, 'Private thoughts', 'mine', T0 + 120_000);
    await setStoryPrivacy(secret.storyId, 'ALL_FRIENDS');

    const items = (page: PageResponse) => [...page.body.matchAll(/<li class="note-item">([\s\S]*?)<\/li>/g)].map((match) => pageText(match[1]!));
    const asBob = await browsers.bob.get(`/notes.php?id=${ada.uid}`);
    expect(asBob.status).toBe(200);
    expect(pageText(asBob.body)).toContain('Ada Lovelace’s notes');
    expect(items(asBob)).toEqual([`Private thoughts ${timeText(new Date(T0 + 120_000))} mine`, `Note G ${timeText(new Date(T0 + 60_000))} Bernoulli numbers`, `Note A ${timeText(new Date(T0))} Sketch`]);
    expect(asBob.body).toContain(`<a class="note-item-title" href="/note.php?note_id=${second.noteId}">Note G</a>`);
    expect(asBob.body).toContain(`href="/note.php?note_id=${first.noteId}"`);

    const titles = (page: PageResponse) => [...page.body.matchAll(/<a class="note-item-title"[^>]*>([^<]*)<\/a>/g)].map((match) => match[1]);
    for (const browser of [browsers.dee, browsers.nobody]) expect(titles(await browser.get(`/notes.php?id=${ada.uid}`))).toEqual(['Note G', 'Note A']);
    expect(pageText((await browsers.ada.get(`/notes.php?id=${ada.uid}`)).body)).toContain('Your notes');
    expect(pageText((await browsers.ada.get(`/notes.php?id=${dee.uid}`)).body)).toContain('Dee has no notes you can see.');
  });

  it('shows the latest notes and links on the profile, linked safely; a javascript: link stays text', async () => {
    const { ada, browsers } = await world();
    const notes: Note[] = [];
    for (let i = 0; i < 6; i++) notes.push(await writeNote(ada, `Note ${i}`, `body ${i}`, T0 + i * 1000));
    await setStoryPrivacy(notes[5]!.storyId, 'ALL_FRIENDS');
    for (let i = 0; i < 5; i++) await server.services.links.post({ owner: ada.uid, appId: app.appId, url: `https://example.org/page/${i}?a=1&b=2`, comment: i === 4 ? '<b>worth</b> reading' : '' }, new Date(T0 + i * 1000));
    // links.post refuses such a URL; one stored by other means must still not become a link.
    await server.store.links.insert({ owner: ada.uid, appId: app.appId, url: 'javascript:__xss()', comment: 'not a link', title: '', summary: '', imageUrls: [], createdAt: new Date(T0 + 10_000) });

    const notesOf = (page: PageResponse) => section(page, '<section class="fbml-box profile-notes"', '</section>');
    const linksOf = (page: PageResponse) => section(page, '<section class="fbml-box profile-links"', '</section>');

    const asBob = await browsers.bob.get(`/profile.php?id=${ada.uid}`);
    expect([...notesOf(asBob).matchAll(/<a href="\/note\.php\?note_id=(\d+)">([^<]*)<\/a>/g)].map((match) => match[2])).toEqual(['Note 5', 'Note 4', 'Note 3', 'Note 2', 'Note 1']);
    expect(notesOf(asBob)).toContain(`<a href="/notes.php?id=${ada.uid}">See all</a>`);
    const asDee = await browsers.dee.get(`/profile.php?id=${ada.uid}`);
    expect([...notesOf(asDee).matchAll(/<a href="\/note\.php\?note_id=\d+">([^<]*)<\/a>/g)].map((match) => match[1])).toEqual(['Note 4', 'Note 3', 'Note 2', 'Note 1', 'Note 0']);

    const links = linksOf(asDee);
    expect(links).toContain('<span class="link-item-title">javascript:__xss()</span>');
    expect(links).not.toMatch(/href="javascript/i);
    expect(links).toContain('<a class="link-item-title" href="https://example.org/page/4?a=1&amp;b=2" rel="nofollow noopener noreferrer" target="_blank">https://example.org/page/4?a=1&amp;b=2</a>');
    expect(links).toContain('<p class="link-item-comment">&lt;b&gt;worth&lt;/b&gt; reading</p>');
    expect(pageText(links)).toContain('not a link');
    // The newest five: the javascript: one and links 4 to 1.
    expect([...links.matchAll(/class="link-item-title"/g)]).toHaveLength(5);
    expect(links).not.toContain('/page/0');
    expect(dangerousTags(asDee.body)).toEqual([]);

    // Someone with neither gets neither box.
    const { bob } = await world();
    const empty = await browsers.ada.get(`/profile.php?id=${bob.uid}`);
    expect(empty.status).toBe(200);
    expect(notesOf(empty)).toBe('');
    expect(linksOf(empty)).toBe('');
  });
});
