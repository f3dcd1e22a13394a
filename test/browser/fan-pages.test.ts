/**
 * A fan page in a real browser (Debian's chromium, headless, driven by playwright-core): a person
 * opens a band's page, clicks "Become a fan" and sees the fan count go up, writes on the page's
 * wall, and leaves again; the page's admin posts on the wall as the page; a visitor who is not
 * signed in reads both posts with no button to press. The page fits a phone screen. On both stores.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/features/people/records.js';
import { chromiumSuite, hasChromium, launchChromium } from '../support/chromium.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { PASSWORD } from '../pages/page-kit.js';

for (const { backend, skip } of [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
]) describe.skipIf(!hasChromium || skip)(chromiumSuite(`fan pages (${backend})`), () => {
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

  async function newPage(): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    // A step that fails says which, well inside the test's own time.
    context.setDefaultTimeout(5_000);
    return context.newPage();
  }

  /** A browser of its own for `person`, signed in on the front page. */
  async function signedInPage(person: Person): Promise<Page> {
    const page = await newPage();
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

  /** The wall's posts, each as its text. */
  async function wallPosts(page: Page): Promise<string[]> {
    return (await page.$$eval('.place-wall .story', (stories) => stories.map((story) => story.textContent?.replace(/\s+/g, ' ').trim() ?? ''))) as string[];
  }

  it('a person becomes a fan and writes on the wall; the admin posts as the page; a visitor reads both', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const bob = await server.createPerson('Bob Bobson');
    const cleo = await server.createPerson('Cleo Cleary');
    const band = await server.services.pages.create({ name: 'Hearth Quartet', admin: ada.uid, type: 'MUSICIANS', website: 'http://hearth.example.org', details: { bio: 'Four strings and more.' } });
    await server.services.pages.addFan(band.pageId, cleo.uid);
    const address = `${server.url}/page.php?id=${band.pageId}`;

    const bobPage = await signedInPage(bob);
    await bobPage.goto(address);
    expect(await bobPage.textContent('h1')).toBe('Hearth Quartet');
    expect(await bobPage.textContent('.page-fan-count')).toBe('1 fan');
    expect(await bobPage.textContent('.page-details')).toContain('Four strings and more.');
    // Only fans and admins write on a page's wall.
    expect(await bobPage.$('.place-wall textarea[name=message]')).toBeNull();
    await fitsPhone(bobPage);

    await bobPage.click('button:text("Become a fan")');
    await bobPage.waitForSelector('button:text("Remove me from fans")');
    expect(bobPage.url()).toBe(address);
    expect(await bobPage.textContent('.page-fan-count')).toBe('2 fans');
    expect(await bobPage.textContent('.page-fan-status')).toBe('You are a fan of Hearth Quartet.');
    expect(await server.services.pages.isFan(band.pageId, bob.uid)).toBe(true);

    await bobPage.fill('.place-wall textarea[name=message]', 'Great gig last night!');
    await bobPage.click('.place-wall button[name=publish]');
    await bobPage.waitForSelector('.place-wall .story');
    expect(bobPage.url().split('#')[0]).toBe(address);
    expect((await wallPosts(bobPage))[0]).toContain('Bob Bobson');
    expect((await wallPosts(bobPage))[0]).toContain('Great gig last night!');

    const adaPage = await signedInPage(ada);
    await adaPage.goto(address);
    expect(await adaPage.textContent('.page-admin')).toContain('You are an admin of this page.');
    // The composer offers posting as the page first.
    expect(await adaPage.inputValue('.place-wall select[name=as]')).toBe(String(band.pageId));
    await adaPage.fill('.place-wall textarea[name=message]', 'New album out on Friday.');
    await adaPage.click('.place-wall button[name=publish]');
    await adaPage.waitForSelector('.place-wall .story:has-text("New album out on Friday.")');
    const [newest] = await wallPosts(adaPage);
    expect(newest).toContain('Hearth Quartet');
    expect(newest).not.toContain('Ada Lovelace');
    expect(await adaPage.getAttribute('.place-wall .story .place-link', 'href')).toBe(`/page.php?id=${band.pageId}`);
    await fitsPhone(adaPage);

    const visitor = await newPage();
    await visitor.goto(address);
    expect(await visitor.textContent('.page-fan-count')).toBe('2 fans');
    expect(await visitor.$$('.profile-head button')).toHaveLength(0);
    expect(await visitor.$('.place-wall textarea')).toBeNull();
    const seen = await wallPosts(visitor);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toContain('New album out on Friday.');
    expect(seen[1]).toContain('Great gig last night!');
    await fitsPhone(visitor);

    await bobPage.goto(address);
    await bobPage.click('button:text("Remove me from fans")');
    await bobPage.waitForSelector('button:text("Become a fan")');
    expect(await bobPage.textContent('.page-fan-count')).toBe('1 fan');
    expect(await server.services.pages.isFan(band.pageId, bob.uid)).toBe(false);
  }, 60_000);
});
