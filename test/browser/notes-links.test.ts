/**
 * A note and the profile's Notes and Links boxes in a real browser (Debian's chromium, headless,
 * driven by playwright-core), with JavaScript on so that a script that got through would run: a
 * friend opens a note with hostile content from the author's profile; no dialog opens and the
 * canary `window.__xss` is never called; the profile and the note fit a phone screen. On both
 * stores.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/features/people/records.js';
import { chromiumSuite, hasChromium, launchChromium } from '../support/chromium.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { loadXssVectors } from '../unit/fbml-xss-vectors.js';
import { PASSWORD } from '../pages/page-kit.js';

declare global {
  interface Window {
    __xss(...args: unknown[]): void;
    __xssCalls: number;
  }
}

for (const { backend, skip } of [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
]) describe.skipIf(!hasChromium || skip)(chromiumSuite(`notes and links (${backend})`), () => {
  let browser: Browser;
  let server: TestServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startTestServer({ backend })]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  /** A browser of its own for `person`, signed in on the front page, that counts dialogs and canary calls. */
  async function signedInPage(person: Person, dialogs: string[]): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    await context.addInitScript(() => {
      window.__xssCalls = 0;
      window.__xss = () => {
        window.__xssCalls += 1;
      };
    });
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${server.url}/`);
    await page.fill('input[name=email]', person.email);
    await page.fill('input[name=pass]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('textarea[name=message]');
    return page;
  }

  async function fitsPhone(page: Page): Promise<void> {
    await page.setViewportSize({ width: 375, height: 667 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  it('a friend opens a hostile note from the profile: nothing runs, and the pages fit a phone', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const bob = await server.createPerson('Bob Bobson');
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    const app = await server.createApp('web');
    // The API refuses control characters in parameters (wire/form-decoding.ts), so no note holds a NUL.
    const hostile = loadXssVectors({ owner: ada.uid, friend: bob.uid })
      .filter((vector) => /<script|onerror|onload|javascript:|alert\(/i.test(vector) && !vector.includes('\0'))
      .slice(0, 40)
      .map((vector) => vector.replaceAll('__xss()', 'alert(1),__xss()'));
    const long = 'Averyveryverylongwordwithoutanyspacethatwouldotherwisewidenthepagebeyondaphonescreen'.repeat(2);
    const note = await server.services.notes.create({ uid: ada.uid, appId: app.appId, title: 'Sketch of the Analytical Engine', content: `<p>The Engine weaves algebraic patterns. ${long}</p>${hostile.join('\n')}`, origin: server.url });
    await server.services.links.post({ owner: ada.uid, appId: app.appId, url: `https://example.org/${long}`, comment: `<img src=x onerror=alert(1)> ${long}` });

    const dialogs: string[] = [];
    const page = await signedInPage(bob, dialogs);
    await page.goto(`${server.url}/profile.php?id=${ada.uid}`);
    expect(await page.textContent('.profile-links')).toContain('<img src=x onerror=alert(1)>');
    await fitsPhone(page);
    await page.click('.profile-notes a:text("Sketch of the Analytical Engine")');
    await page.waitForSelector('.note-body');
    expect(page.url()).toBe(`${server.url}/note.php?note_id=${note.noteId}`);
    expect(await page.textContent('h1')).toBe('Sketch of the Analytical Engine');
    expect(await page.textContent('.note-body')).toContain('The Engine weaves algebraic patterns.');

    // Give a handler that slipped through the chance to run: hover and focus every element of the
    // body (not click: a safe link would leave the page).
    for (const element of await page.$$('.note-body *')) {
      await element.hover({ force: true, timeout: 1000 }).catch(() => undefined);
      await element.focus().catch(() => undefined);
    }
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => window.__xssCalls)).toBe(0);
    expect(await page.$$('.note-body script, .note-body iframe, .note-body object, .note-body embed')).toHaveLength(0);
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll('.note-body *')].flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on') || /^\s*javascript:/i.test(element.getAttribute(name) ?? ''))),
    );
    expect(handlers).toEqual([]);
    expect(page.url()).toBe(`${server.url}/note.php?note_id=${note.noteId}`);
    await fitsPhone(page);
  });
});
