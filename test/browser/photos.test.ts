/**
 * The photo pages in a real browser (Debian's chromium, headless, driven by playwright-core): the
 * owner creates an album and uploads two files at once through the upload script, watching a
 * progress bar for each, then sees both thumbnails; opens a photo and tags a friend; the friend
 * sees the photo and the tag; a stranger gets the 404 for the friends-only album. The pages fit a
 * phone screen. On both stores.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/features/people/records.js';
import { chromiumSuite, hasChromium, launchChromium } from '../support/chromium.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { PASSWORD } from '../pages/page-kit.js';

for (const { backend, skip } of [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
]) describe.skipIf(!hasChromium || skip)(chromiumSuite(`photo pages (${backend})`), () => {
  let browser: Browser;
  let server: TestServer;
  let folder: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [browser, server, folder] = await Promise.all([launchChromium(), startTestServer({ backend }), mkdtemp(join(tmpdir(), 'hearth-photos-'))]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  /** A browser of its own for `person`, signed in on the front page; `script` for the owner's uploads. */
  async function signedInPage(person: Person, script = false): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: script });
    contexts.push(context);
    const page = await context.newPage();
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

  /** Whether every image on the page loaded (the guard lets them through, the store serves them). */
  function imagesLoaded(page: Page): Promise<boolean> {
    return page.evaluate(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
  }

  it('creates an album, uploads two photos at once with progress, tags a friend; the friend sees it, a stranger does not', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const bob = await server.createPerson('Bob Bobson');
    const dan = await server.createPerson('Dan Dennett');
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    const files = [join(folder, 'engine.jpg'), join(folder, 'loom.png')];
    await writeFile(files[0]!, await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 180, g: 60, b: 40 } } }).jpeg().toBuffer());
    await writeFile(files[1]!, await sharp({ create: { width: 500, height: 700, channels: 3, background: { r: 40, g: 90, b: 180 } } }).png().toBuffer());

    const adaPage = await signedInPage(ada, true);
    await adaPage.goto(`${server.url}/profile.php?id=${ada.uid}`);
    await adaPage.click('.profile-photos a');
    expect(await adaPage.textContent('h1')).toBe('Your photos');
    await fitsPhone(adaPage);
    await adaPage.fill('input[name=name]', 'Engines');
    await adaPage.fill('textarea[name=description]', 'Drawings of the engine');
    await adaPage.selectOption('select[name=visible]', 'friends');
    await adaPage.click('button[name=create]');
    await adaPage.waitForSelector('input[type=file][name=photo]');
    expect(await adaPage.textContent('h1')).toBe('Engines');
    const albumUrl = adaPage.url();

    // The second upload waits until the first one's line has been seen as done.
    let posts = 0;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await adaPage.route('**/album.php*', async (route) => {
      if (route.request().method() === 'POST' && ++posts === 2) await released;
      await route.continue();
    });
    await adaPage.setInputFiles('input[name=photo]', files);
    await adaPage.click('.upload-form button[type=submit]');
    await adaPage.waitForSelector('.upload-progress li.upload-done');
    const rows = await adaPage.$$eval('.upload-progress li', (items) =>
      items.map((item) => ({ name: item.querySelector('.upload-name')?.textContent, progress: item.querySelector('progress')?.value, status: item.querySelector('.upload-status')?.textContent })),
    );
    expect(rows).toEqual([
      { name: 'engine.jpg', progress: 1, status: 'Uploaded' },
      { name: 'loom.png', progress: expect.any(Number), status: 'Uploading' },
    ]);
    release();
    await adaPage.waitForFunction(() => document.querySelectorAll('.photo-grid img').length === 2);
    expect(adaPage.url()).toBe(albumUrl);
    expect(await imagesLoaded(adaPage)).toBe(true);
    await fitsPhone(adaPage);

    // The first photo: tag Bob by the numbers.
    await adaPage.click('.photo-grid li:first-child a');
    await adaPage.waitForSelector('.photo-frame img');
    expect(await adaPage.textContent('.photo-steps')).toContain('Photo 1 of 2');
    expect(await imagesLoaded(adaPage)).toBe(true);
    await adaPage.selectOption('select[name=subject]', String(bob.uid));
    await adaPage.fill('input[name=x]', '25');
    await adaPage.fill('input[name=y]', '60');
    await adaPage.click('button[name=tag]');
    await adaPage.waitForSelector('.photo-tags');
    expect(await adaPage.textContent('.photo-tags')).toBe('In this photo: Bob Bobson');
    expect(await adaPage.textContent('.tag-marker text')).toBe('Bob Bobson');
    // The marker sits a quarter across and 60% down the picture as shown.
    const [frame, marker] = await Promise.all([adaPage.locator('.photo-frame img').boundingBox(), adaPage.locator('.tag-marker circle').boundingBox()]);
    expect(Math.abs(marker!.x + marker!.width / 2 - (frame!.x + frame!.width * 0.25))).toBeLessThan(3);
    expect(Math.abs(marker!.y + marker!.height / 2 - (frame!.y + frame!.height * 0.6))).toBeLessThan(3);
    await fitsPhone(adaPage);
    const photoUrl = adaPage.url();
    await adaPage.click('a[rel=next]');
    expect(await adaPage.textContent('.photo-steps')).toContain('Photo 2 of 2');

    // Bob, a friend, without JavaScript, sees the photo and his tag.
    const bobPage = await signedInPage(bob);
    await bobPage.goto(photoUrl);
    expect(await bobPage.textContent('.photo-tags')).toBe('In this photo: Bob Bobson');
    expect(await imagesLoaded(bobPage)).toBe(true);
    await bobPage.goto(albumUrl);
    expect(await bobPage.$$('.photo-grid img')).toHaveLength(2);
    expect(await bobPage.$('input[type=file]')).toBeNull();

    // Dan, a stranger, gets the 404 for the friends-only album and its photo.
    const danPage = await signedInPage(dan);
    expect((await danPage.goto(albumUrl))?.status()).toBe(404);
    expect(await danPage.textContent('h1')).toBe('No such album');
    expect((await danPage.goto(photoUrl))?.status()).toBe(404);
    await danPage.goto(`${server.url}/photos.php?id=${ada.uid}`);
    expect(await danPage.textContent('main')).toContain('Ada has no albums you can see.');
    await fitsPhone(danPage);
  });
});
