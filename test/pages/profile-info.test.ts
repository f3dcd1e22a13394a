/**
 * The apps' info sections on profile.php (docs/pages.md, "/profile.php?id=UID"; docs/profile-info.md):
 * title, the app's name, each field with its items, for everyone who can see the profile; only what
 * a text or thumbnail section shows; every text escaped; links and images only through the URL
 * rules; and a section that goes with the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText, type PageResponse } from '../support/browserless.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { registerApp, signedInBrowser } from './page-kit.js';

/** The info sections of the page, by app. */
function sections(page: PageResponse): Map<number, string> {
  return new Map([...page.body.matchAll(/<section class="fbml-box info-section"[^>]*data-app-id="(\d+)">([\s\S]*?)<\/section>/g)].map((match) => [Number(match[1]), match[2]!]));
}

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('info sections on profile.php ($backend)', ({ backend, skip }) => {
  let server: TestServer;
  let engines: App;
  let quotes: App;
  let ada: Person;
  let bob: Person;

  const setInfo = (app: App, uid: number, title: string, type: 1 | 5, fields: unknown) =>
    server.client(app).call('profile.setInfo', { uid, title, type, info_fields: JSON.stringify(fields) });

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    engines = await registerApp(server, { name: 'Engine Club' });
    quotes = await registerApp(server, { name: 'Quotes <& Co>' });
    [ada, bob] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Bob Bobson')];
    for (const app of [engines, quotes]) await server.store.authorizations.authorize(ada.uid, app.appId);
    await setInfo(engines, ada.uid, 'Engines', 5, [
      {
        field: 'Favorite Engines',
        items: [
          { label: 'Analytical Engine', link: 'http://example.org/ae', image: 'http://img.example.org/ae.jpg', sublabel: '1837', description: 'Never finished.' },
          { label: 'Difference Engine', link: 'https://example.org/de' },
        ],
      },
    ]);
    // A text section shows labels and links only, whatever else it was sent.
    await setInfo(quotes, ada.uid, 'Quotes', 1, [
      { field: 'Favorite Quotes', items: [{ label: 'The Analytical Engine weaves algebraic patterns', link: 'http://example.org/q', image: 'http://img.example.org/q.jpg', description: 'hidden in text sections' }] },
    ]);
  });
  afterAll(() => server?.close());

  it.skipIf(skip)('shows each authorized app’s section with its title, the app’s name, fields with a colon and items, to a visitor who is not signed in', async () => {
    const page = await new Browserless(server.url).get(`/profile.php?id=${ada.uid}`);
    expect(page.status).toBe(200);
    const shown = sections(page);
    expect([...shown.keys()]).toEqual([engines.appId, quotes.appId]);

    const enginesHtml = shown.get(engines.appId)!;
    expect(pageText(enginesHtml)).toBe('Engines From Engine Club Favorite Engines: Analytical Engine 1837 Never finished. Difference Engine');
    expect(enginesHtml).toContain('<a href="http://example.org/ae" rel="nofollow noopener noreferrer" target="_blank">Analytical Engine</a>');
    expect(enginesHtml).toContain('<a href="https://example.org/de" rel="nofollow noopener noreferrer" target="_blank">Difference Engine</a>');
    expect(enginesHtml).toContain('<img src="http://img.example.org/ae.jpg"');

    const quotesHtml = shown.get(quotes.appId)!;
    expect(pageText(quotesHtml)).toBe('Quotes From Quotes <& Co> Favorite Quotes: The Analytical Engine weaves algebraic patterns');
    expect(quotesHtml).toContain('From Quotes &lt;&amp; Co&gt;');
    expect(quotesHtml).not.toContain('<img');
    expect(quotesHtml).not.toContain('hidden in text sections');
  });

  it.skipIf(skip)('shows the same sections to the owner and to a signed-in stranger', async () => {
    for (const person of [ada, bob]) {
      const page = await (await signedInBrowser(server, person)).get(`/profile.php?id=${ada.uid}`);
      expect([...sections(page).keys()]).toEqual([engines.appId, quotes.appId]);
    }
  });

  it.skipIf(skip)('escapes hostile text, links no javascript: URL and shows no image on Hearth’s own host or outside http(s)', async () => {
    const mallory = await server.createPerson('Mallory Markup');
    await server.store.authorizations.authorize(mallory.uid, engines.appId);
    const { port } = new URL(server.url);
    await setInfo(engines, mallory.uid, '<script>x()</script>', 5, [
      {
        field: '<b onmouseover="x()">F</b>',
        items: [
          { label: '<img src=x onerror=alert(1)>', link: 'javascript:alert(1)', image: `http://127.0.0.1:${port}/logout.php`, sublabel: '"><script>alert(2)</script>', description: '<iframe src="//evil.example">' },
          { label: 'Data image', link: ' JaVaScRiPt:alert(3)', image: 'data:image/png;base64,AAAA' },
          { label: 'Script image', link: 'http://example.org/ok', image: 'javascript:alert(4)' },
          { label: 'Relative', link: '/home.php', image: '//img.example.org/protocol-relative.png' },
        ],
      },
    ]);
    const page = await new Browserless(server.url).get(`/profile.php?id=${mallory.uid}`);
    const section = sections(page).get(engines.appId)!;
    expect(section).toContain('&lt;script&gt;x()&lt;/script&gt;');
    expect(section).toContain('&lt;b onmouseover=&quot;x()&quot;&gt;F&lt;/b&gt;:');
    expect(section).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(section).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(section).toContain('&lt;iframe src=&quot;//evil.example&quot;&gt;');
    // Hostile text shows as text: no element or attribute of it reaches the page.
    expect(section).not.toMatch(/<script|<iframe|<b\b|onmouseover="/i);
    expect(section).not.toMatch(/href="\s*javascript:/i);
    expect(section).not.toContain('<img');
    // The texts stay, unlinked; an http(s) link still links.
    expect(pageText(section)).toContain('Data image Script image Relative');
    expect(section).toContain('<a href="http://example.org/ok"');
    expect(section).not.toContain('href="/home.php"');
  });

  it.skipIf(skip)('shows no section for a section without fields, and none once the person removes the app', async () => {
    const cleo = await server.createPerson('Cleo Cleary');
    for (const app of [engines, quotes]) await server.store.authorizations.authorize(cleo.uid, app.appId);
    await setInfo(engines, cleo.uid, 'Engines', 1, [{ field: 'Engines', items: [{ label: 'Babbage', link: 'http://example.org/b' }] }]);
    await setInfo(quotes, cleo.uid, 'Nothing yet', 1, []);
    const browser = new Browserless(server.url);
    expect([...sections(await browser.get(`/profile.php?id=${cleo.uid}`)).keys()]).toEqual([engines.appId]);

    await server.services.grants.revoke(cleo.uid, engines, 'person');
    const after = await browser.get(`/profile.php?id=${cleo.uid}`);
    expect(sections(after).size).toBe(0);
    expect(after.body).not.toContain('Babbage');
  });
});
