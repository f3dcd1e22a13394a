/**
 * The home page and the wall in a real browser (Debian's chromium, headless, driven by
 * playwright-core), without JavaScript of ours: a person signs in on the front page, posts a
 * status, a friend comments, likes and unlikes it and posts on their wall, the owner removes a
 * post; a stranger sees no friends-only post and no composer. Both pages fit a phone screen. On
 * both stores.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/features/people/records.js';
import { chromiumSuite, hasChromium, launchChromium } from '../support/chromium.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { PASSWORD } from '../pages/page-kit.js';
import { hasPostgres } from '../support/postgres.js';

// Both stores: the pages read and write the stream through the same service on each.
for (const { backend, skip } of [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
]) describe.skipIf(!hasChromium || skip)(chromiumSuite(`home page and wall (${backend})`), () => {
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

  /** A browser of its own for `person`, signed in on the front page. */
  async function signedInPage(person: Person): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    expect(await page.textContent('main')).toContain('self-hosted social platform');
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

  it('posts a status, a friend comments, likes, unlikes and posts on the wall, the owner removes a post', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const bob = await server.createPerson('Bob Bobson');
    await server.services.friends.addDirectly(ada.uid, bob.uid);

    const adaPage = await signedInPage(ada);
    await expect(adaPage.title()).resolves.toBe('News feed | Hearth');
    await adaPage.fill('textarea[name=message]', 'is designing the Analytical Engine');
    await adaPage.click('button[name=publish]');
    await adaPage.waitForSelector('article.story');
    expect(await adaPage.textContent('article.story .story-message')).toBe('is designing the Analytical Engine');
    const postId = await adaPage.getAttribute('article.story', 'data-post-id');

    const bobPage = await signedInPage(bob);
    const story = `article[data-post-id="${postId}"]`;
    expect(await bobPage.textContent(`${story} .story-head`)).toContain('Ada Lovelace');
    await bobPage.fill(`${story} input[name=text]`, 'Marvellous!');
    await bobPage.click(`${story} button[name=comment]`);
    await bobPage.waitForSelector(`${story} .comment`);
    expect(await bobPage.textContent(`${story} .comment`)).toContain('Bob Bobson Marvellous!');

    await bobPage.click(`${story} button[name=like]`);
    await bobPage.waitForSelector(`${story} button[name=unlike]`);
    expect(await bobPage.textContent(`${story} .story-likes`)).toBe('You like this.');
    await adaPage.reload();
    expect(await adaPage.textContent(`${story} .story-likes`)).toBe('Bob Bobson likes this.');
    await bobPage.click(`${story} button[name=unlike]`);
    await bobPage.waitForSelector(`${story} button[name=like]`);
    expect(await bobPage.$(`${story} .story-likes`)).toBeNull();
    // Not Bob's post to remove.
    expect(await bobPage.$(`${story} button[name=remove]`)).toBeNull();

    // Bob posts on Ada's wall from her profile.
    await bobPage.click(`${story} .story-head a`);
    await bobPage.waitForSelector('.profile-wall');
    await bobPage.fill('textarea[name=message]', 'See you at the Society, Ada');
    await bobPage.click('button[name=publish]');
    await bobPage.waitForSelector('article.story .story-to');
    expect(await bobPage.textContent('article.story .story-head')).toBe('Bob Bobson ▸ Ada Lovelace');
    await fitsPhone(bobPage);

    // Ada removes it from her feed.
    await adaPage.reload();
    const wallPost = await adaPage.getAttribute('article.story', 'data-post-id');
    expect(wallPost).not.toBe(postId);
    await adaPage.click(`article[data-post-id="${wallPost}"] button[name=remove]`);
    await adaPage.waitForSelector(story);
    expect(await adaPage.$(`article[data-post-id="${wallPost}"]`)).toBeNull();
    expect(await adaPage.$$('article.story')).toHaveLength(1);
    await fitsPhone(adaPage);
  });

  it('a stranger sees no friends-only post and no composer, and may ask to be friends', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const dee = await server.createPerson('Dee Stranger');
    const adaPage = await signedInPage(ada);
    await adaPage.fill('textarea[name=message]', 'only for my friends');
    await adaPage.selectOption('select[name=privacy]', 'ALL_FRIENDS');
    await adaPage.click('button[name=publish]');
    await adaPage.waitForSelector('article.story');
    await adaPage.fill('textarea[name=message]', 'hello everyone');
    await adaPage.click('button[name=publish]');
    expect(await adaPage.$$('article.story')).toHaveLength(2);

    const deePage = await signedInPage(dee);
    await deePage.goto(`${server.url}/profile.php?id=${ada.uid}`);
    const wall = (await deePage.textContent('.profile-wall')) ?? '';
    expect(wall).toContain('hello everyone');
    expect(wall).not.toContain('only for my friends');
    expect(await deePage.$('textarea[name=message]')).toBeNull();
    expect(await deePage.$('.profile-wall input[name=text]')).toBeNull();
    await deePage.click('button[name=request]');
    await deePage.waitForSelector('.notice.info');
    expect(await deePage.textContent('.notice.info')).toBe('Friend request sent to Ada Lovelace.');
    await deePage.goto(`${server.url}/profile.php?id=${ada.uid}`);
    expect(await deePage.textContent('.friend-requested')).toBe('Friend request sent.');
    await fitsPhone(deePage);
  });
});
