/**
 * page.php and pages.php on both stores: a page's own page for a visitor who is not signed in (no
 * fan button, no fans' names), becoming a fan and leaving (pages.isFan follows), forms without the
 * CSRF token refused, unknown and malformed ids, the page's details (set ones only, a website
 * linked only when it is http(s)), and the signed-in person's list of the pages they run and like.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Page } from '../../src/features/pages/records.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText, type PageResponse } from '../support/browserless.js';
import { hasPostgres } from '../support/postgres.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { signedInBrowser } from './page-kit.js';

const T0 = new Date(Date.UTC(2010, 0, 1));

/** The part of a page from `marker` to the next `end`, or '' when `marker` is not there. */
function section(page: PageResponse, marker: string, end: string): string {
  const start = page.body.indexOf(marker);
  if (start === -1) return '';
  const stop = page.body.indexOf(end, start);
  return page.body.slice(start, stop === -1 ? undefined : stop);
}

const fanCount = (page: PageResponse) => pageText(section(page, '<p class="page-fan-count">', '</p>'));
const hasButton = (page: PageResponse, name: string) => new RegExp(`<button[^>]*name="${name}"`).test(page.body);

for (const { backend, skip } of [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
]) describe.skipIf(skip)(`${backend}: fan pages`, () => {
  let server: TestServer;
  let app: App;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    app = await server.createApp('web');
  });
  afterAll(() => server?.close());

  async function world() {
    const [ada, bob, cleo] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Bob Bobson'), await server.createPerson('Cleo Cleary')];
    const band = await server.services.pages.create(
      {
        name: 'Hearth Quartet',
        admin: ada.uid,
        username: `quartet.${ada.uid}`,
        type: 'MUSICIANS',
        website: 'http://hearth.example.org/?a=1&b=2',
        details: { bio: 'Four strings & more\nsince 1843', genre_party: '1', genre_dance: '1', genre_sing: '0', hometown: 'London', founded: '', location_city: 'London', location_country: 'United Kingdom' },
      },
      T0,
    );
    await server.services.pages.addFan(band.pageId, cleo.uid, T0);
    return { ada, bob, cleo, band };
  }

  async function isFan(person: Person, page: Page): Promise<string> {
    const session = await signedInSession(server, app, person);
    return (await webClient(server, app, session).callRaw('pages.isFan', { page_id: page.pageId }, { format: 'json' })).body;
  }

  it('shows a page to a visitor who is not signed in: name, type, details, count; no fan button and no fans’ names', async () => {
    const { cleo, band } = await world();
    const page = await new Browserless(server.url).get(`/page.php?id=${band.pageId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.body).toContain('<h1>Hearth Quartet</h1>');
    expect(page.body).toContain('<p class="muted page-type">Musicians</p>');
    expect(fanCount(page)).toBe('1 fan');
    expect(hasButton(page, 'fan')).toBe(false);
    expect(hasButton(page, 'unfan')).toBe(false);
    expect(pageText(page.body)).toContain('Sign in to become a fan.');
    expect(page.body).not.toContain('Cleo Cleary');
    expect(page.body).not.toContain(`/profile.php?id=${cleo.uid}`);

    const details = section(page, '<dl class="info-fields">', '</dl>');
    const shown = [...details.matchAll(/<dt class="property-name">([^<]*)<\/dt>\s*<dd data-field="([^"]*)">([\s\S]*?)<\/dd>/g)].map((match) => [match[2], match[1], match[3]]);
    expect(shown).toEqual([
      ['website', 'Website', '<a class="page-website" href="http://hearth.example.org/?a=1&amp;b=2" rel="nofollow noopener noreferrer" target="_blank">http://hearth.example.org/?a=1&amp;b=2</a>'],
      ['username', 'Username', band.username],
      ['location', 'Location', 'London, United Kingdom'],
      ['genre', 'Genre', 'Dance, Party'],
      ['hometown', 'Hometown', 'London'],
      ['bio', 'Biography', 'Four strings &amp; more<br>since 1843'],
    ]);
  });

  it('lets a signed-in person become a fan and stop being one; the count and pages.isFan follow', async () => {
    const { bob, cleo, band } = await world();
    const browser = await signedInBrowser(server, bob);
    const path = `/page.php?id=${band.pageId}`;
    const before = await browser.get(path);
    expect(before.status).toBe(200);
    expect(hasButton(before, 'fan')).toBe(true);
    expect(hasButton(before, 'unfan')).toBe(false);
    expect(pageText(before.body)).toContain('Become a fan');
    // A signed-in viewer sees who some of the fans are.
    expect(section(before, '<section class="profile-friends page-fans"', '</section>')).toContain(`<a href="/profile.php?id=${cleo.uid}">Cleo Cleary</a>`);
    expect(await isFan(bob, band)).toBe('false');

    const joined = await browser.submit(before, { button: 'fan' });
    expect(joined.status).toBe(303);
    expect(joined.location).toBe(`${server.url}${path}`);
    const after = await browser.get(path);
    expect(fanCount(after)).toBe('2 fans');
    expect(pageText(after.body)).toContain('You are a fan of Hearth Quartet.');
    expect(hasButton(after, 'fan')).toBe(false);
    expect(hasButton(after, 'unfan')).toBe(true);
    expect(pageText(section(after, '<section class="profile-friends page-fans"', '</section>'))).toContain('Fans (2)');
    expect(await isFan(bob, band)).toBe('true');
    // Pressing it again (a second tab) changes nothing.
    await browser.submit(before, { button: 'fan' });
    expect(fanCount(await browser.get(path))).toBe('2 fans');

    const left = await browser.submit(after, { button: 'unfan' });
    expect(left.status).toBe(303);
    const gone = await browser.get(path);
    expect(fanCount(gone)).toBe('1 fan');
    expect(hasButton(gone, 'fan')).toBe(true);
    expect(await isFan(bob, band)).toBe('false');
  });

  it('refuses a fan form without the CSRF token, or with another browser’s, and changes nothing', async () => {
    const { bob, band } = await world();
    const browser = await signedInBrowser(server, bob);
    const path = `/page.php?id=${band.pageId}`;
    await browser.get(path);
    for (const fields of [{ fan: '1' }, { fan: '1', csrf_token: 'x'.repeat(43) }] as Array<Record<string, string>>) {
      const refused = await browser.post(path, fields);
      expect(refused.status).toBe(403);
      expect(refused.body).toContain('<h1>This form has expired</h1>');
      expect(refused.body).toContain(`href="/page.php?id=${band.pageId}"`);
    }
    expect(await isFan(bob, band)).toBe('false');
    expect(fanCount(await browser.get(path))).toBe('1 fan');
    // Nobody signed in: the form goes back to the page and nothing changes.
    const visitor = new Browserless(server.url);
    const page = await visitor.get(path);
    const token = visitor.cookie('hearth_csrf')!;
    expect((await visitor.post(path, { fan: '1', csrf_token: token })).status).toBe(303);
    expect(fanCount(page)).toBe('1 fan');
    expect(fanCount(await visitor.get(path))).toBe('1 fan');
  });

  it('tells an admin they are one', async () => {
    const { ada, bob, band } = await world();
    const asAda = await (await signedInBrowser(server, ada)).get(`/page.php?id=${band.pageId}`);
    expect(pageText(asAda.body)).toContain('You are an admin of this page.');
    const asBob = await (await signedInBrowser(server, bob)).get(`/page.php?id=${band.pageId}`);
    expect(pageText(asBob.body)).not.toContain('admin');
  });

  it('answers an unknown page with the 404 page and a malformed id with the 400 page', async () => {
    const { bob } = await world();
    for (const browser of [new Browserless(server.url), await signedInBrowser(server, bob)]) {
      for (const path of ['/page.php?id=999999999999', '/page.php?id=1']) {
        const page = await browser.get(path);
        expect(page.status).toBe(404);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(page.body).toContain('<h1>No such page</h1>');
      }
      for (const path of ['/page.php', '/page.php?id=', '/page.php?id=abc', '/page.php?id=-1', '/page.php?id=0400000001', '/page.php?id=1e9', `/page.php?id=${'9'.repeat(40)}`, '/page.php?id=%ZZ']) {
        const page = await browser.get(path);
        expect(page.status, path).toBe(400);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      }
      expect(pageText((await browser.get('/page.php?id=abc')).body)).toContain('“abc” is not a page id');
    }
  });

  it('does not link a javascript: website, and shows hostile text as text', async () => {
    const { ada } = await world();
    const hostile = await server.services.pages.create({ name: '<script>__xss()</script> Band', admin: ada.uid, website: 'javascript:alert(1)', details: { bio: '<img src=x onerror=alert(1)>' } });
    const page = await new Browserless(server.url).get(`/page.php?id=${hostile.pageId}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toMatch(/href="\s*javascript/i);
    expect(page.body).toContain('<span class="page-website">javascript:alert(1)</span>');
    expect(page.body).not.toContain('<script>__xss()');
    expect(page.body).toContain('&lt;script&gt;__xss()&lt;/script&gt; Band');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // A page with no details has no Information box; its type is the default one.
    const plain = await server.services.pages.create({ name: 'Plain', admin: ada.uid });
    const bare = await new Browserless(server.url).get(`/page.php?id=${plain.pageId}`);
    expect(bare.body).not.toContain('page-details');
    expect(bare.body).toContain('<p class="muted page-type">Organization</p>');
    expect(fanCount(bare)).toBe('No fans yet');
  });

  it('gives the page’s own page as pages.getInfo’s page_url', async () => {
    const { bob, band } = await world();
    const session = await signedInSession(server, app, bob);
    const answer = JSON.parse((await webClient(server, app, session).callRaw('pages.getInfo', { page_ids: String(band.pageId), fields: 'page_url' }, { format: 'json' })).body) as Array<{ page_url: string }>;
    expect(answer[0]!.page_url).toBe(`${server.url}/page.php?id=${band.pageId}`);
  });

  it('lists on pages.php the pages a person runs and those they are a fan of, linked', async () => {
    const { ada, bob, band } = await world();
    const second = await server.services.pages.create({ name: 'Engine Works', admin: bob.uid, type: 'COMPANY' });
    await server.services.pages.addFan(band.pageId, bob.uid);
    await server.services.pages.addFan(second.pageId, bob.uid);
    const list = await (await signedInBrowser(server, bob)).get('/pages.php');
    expect(list.status).toBe(200);
    const admin = section(list, '<ul class="friends pages-admin">', '</ul>');
    const fan = section(list, '<ul class="friends pages-fan">', '</ul>');
    expect(admin).toContain(`<a class="friend-name" href="/page.php?id=${second.pageId}">Engine Works</a>`);
    expect(admin).not.toContain('Hearth Quartet');
    expect(pageText(admin)).toContain('Company · 1 fan');
    expect(fan).toContain(`<a class="friend-name" href="/page.php?id=${band.pageId}">Hearth Quartet</a>`);
    expect(fan).toContain(`href="/page.php?id=${second.pageId}"`);
    expect(pageText(fan)).toContain('Musicians · 2 fans');

    const none = await (await signedInBrowser(server, await server.createPerson('Dee Nobody'))).get('/pages.php');
    expect(pageText(none.body)).toContain('You run no pages.');
    expect(pageText(none.body)).toContain('You are not a fan of any page yet.');
    expect(pageText((await (await signedInBrowser(server, ada)).get('/pages.php')).body)).toContain('Hearth Quartet');
    // Nobody signed in: the sign-in form.
    const visitor = await new Browserless(server.url).get('/pages.php');
    expect(visitor.status).toBe(200);
    expect(visitor.body).toContain('name="email"');
    expect(visitor.body).not.toContain('Pages you run');
  });
});
