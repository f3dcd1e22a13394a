/**
 * The profile page in a real browser (Debian's chromium, headless, driven by playwright-core):
 * an app sets a box through the API, and the owner, a friend, someone else and a browser that is
 * not signed in each see what the box's FBML says they may see. Set HEARTH_SCREENSHOTS=DIR to keep
 * screenshots of the page at desktop and phone width.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { PASSWORD, registerApp } from '../pages/page-kit.js';
import { chromiumSuite, hasChromium, launchChromium } from '../support/chromium.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const SCREENSHOTS = process.env.HEARTH_SCREENSHOTS;

const PROFILE_BOX = `<fb:fbml version="1.1">
<fb:subtitle seeallurl="http://apps.example.org/quiz/all">Latest scores</fb:subtitle>
<fb:wide><p><fb:name uid="profileowner" useyou="false"/> scored 42 in the capital cities quiz, beating 17 friends.</p></fb:wide>
<fb:narrow>Score: 42</fb:narrow>
<p><fb:visible-to-owner bgcolor="lightyellow">Only you see this hint: try the rivers quiz next.</fb:visible-to-owner></p>
<p><fb:visible-to-friends>Friends of <fb:name uid="profileowner" useyou="false" linked="false" firstnameonly="true"/> can challenge her.</fb:visible-to-friends></p>
<fb:if-is-own-profile>Your profile<fb:else>Not your profile</fb:else></fb:if-is-own-profile>
</fb:fbml>`;

const MAIN_BOX = `<fb:narrow><b>Rank 3</b> of 120 players</fb:narrow><fb:wide>never in the main box</fb:wide>`;

describe.skipIf(!hasChromium)(chromiumSuite('profile page'), () => {
  let browser: Browser;
  let server: TestServer;
  let quiz: App;
  let words: App;
  let ada: Person;
  let bob: Person;
  let cleo: Person;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startTestServer()]);
    quiz = await registerApp(server, { name: 'Capital Quiz' });
    words = await registerApp(server, { name: 'Word <Game> & Friends' });
    ada = await server.createPerson('Ada Lovelace');
    bob = await server.createPerson('Bob Bobson');
    cleo = await server.createPerson('Cleo Cleary');
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    for (const app of [quiz, words]) await server.store.authorizations.authorize(ada.uid, app.appId);
    // As the apps would: through the API with the typed client.
    expect(await server.client(quiz).call('profile.setFBML', { uid: ada.uid, profile: PROFILE_BOX, profile_main: MAIN_BOX })).toBe(true);
    expect(
      await server.client(words).call('profile.setFBML', {
        uid: ada.uid,
        profile: '<fb:wide>Last word: <i>serendipity</i> (74 points)</fb:wide><fb:narrow>Last word: serendipity</fb:narrow>',
      }),
    ).toBe(true);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  /** A browser of its own, signed in as `viewer` (or not at all), on Ada's profile. */
  async function adaProfileAs(viewer: Person | undefined): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    if (viewer) {
      await page.goto(`${server.url}/editapps.php`);
      await page.fill('input[name=email]', viewer.email);
      await page.fill('input[name=pass]', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('text=Your applications');
    }
    const response = await page.goto(`${server.url}/profile.php?id=${ada.uid}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  async function shown(page: Page, text: string): Promise<boolean> {
    return page.locator('.fbml-box span', { hasText: text }).last().isVisible();
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    if (!SCREENSHOTS) return;
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  it.each([
    ['the owner', () => ada, { owner: true, friends: true, own: true }],
    ['a friend', () => bob, { owner: false, friends: true, own: false }],
    ['someone else', () => cleo, { owner: false, friends: false, own: false }],
    ['nobody signed in', () => undefined, { owner: false, friends: false, own: false }],
  ])('%s sees what the box says they may see', async (who, viewer, sees) => {
    const page = await adaProfileAs(viewer());
    await expect(page.title()).resolves.toBe('Ada Lovelace | Hearth');
    const box = page.locator('section.fbml-box.wide', { hasText: 'Capital Quiz' });
    await expect(box.locator('h2').textContent()).resolves.toBe('Capital Quiz');
    // The hidden spans are in the page (fbml.md §2) but take up space without showing.
    expect(await box.locator('span', { hasText: 'Only you see this hint' }).count()).toBe(1);
    expect(await shown(page, 'Only you see this hint')).toBe(sees.owner);
    expect(await shown(page, 'can challenge her')).toBe(sees.friends);
    const text = (await box.textContent()) ?? '';
    expect(text).toContain(sees.own ? 'Your profile' : 'Not your profile');
    if (sees.own) expect(text).not.toContain('Not your profile');
    expect(text).toContain('Ada Lovelace scored 42');
    expect(text).not.toContain('Score: 42');

    const main = page.locator('section.fbml-box.main', { hasText: 'Capital Quiz' });
    await expect(main.textContent()).resolves.toContain('Rank 3 of 120 players');
    await expect(main.textContent()).resolves.not.toContain('never in the main box');
    // The second app's name is text, not markup.
    await expect(page.locator('section.fbml-box.wide h2').nth(1).textContent()).resolves.toBe('Word <Game> & Friends');
    if (who === 'the owner') await screenshot(page, 'profile-owner-desktop');
    if (who === 'a friend') await screenshot(page, 'profile-friend-desktop');
  });

  it('fits a phone screen: one column, picture beside the name, main boxes before the wide ones', async () => {
    for (const [viewer, name] of [
      [ada, 'owner'],
      [undefined, 'signed-out'],
    ] as const) {
      const page = await adaProfileAs(viewer);
      await page.setViewportSize({ width: 375, height: 667 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const picture = (await page.locator('.profile-picture').boundingBox())!;
      const heading = (await page.locator('.profile-head h1').boundingBox())!;
      const mainBox = (await page.locator('section.fbml-box.main').first().boundingBox())!;
      const wideBox = (await page.locator('section.fbml-box.wide').first().boundingBox())!;
      expect(heading.x).toBeGreaterThan(picture.x + picture.width - 1);
      expect(mainBox.y).toBeGreaterThan(picture.y + picture.height - 1);
      expect(wideBox.y).toBeGreaterThan(mainBox.y + mainBox.height - 1);
      expect(wideBox.width).toBeGreaterThan(280);
      if (viewer) {
        // The account tabs stay on one line, and no label wraps.
        const tabs = await page.locator('nav.tabs a').evaluateAll((links) =>
          links.map((link) => {
            const style = getComputedStyle(link);
            const box = link.getBoundingClientRect();
            const textHeight = box.height - ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce((sum, side) => sum + parseFloat(style.getPropertyValue(side.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))), 0);
            return { top: box.top, lines: textHeight / parseFloat(style.lineHeight) };
          }),
        );
        expect(new Set(tabs.map((tab) => tab.top)).size).toBe(1);
        for (const tab of tabs) expect(tab.lines).toBeLessThan(1.5);
      }
      await screenshot(page, `profile-${name}-phone`);
    }
  });

  it('at desktop width puts the narrow column left of the wide one', async () => {
    const page = await adaProfileAs(cleo);
    await page.setViewportSize({ width: 1280, height: 900 });
    const narrow = (await page.locator('.profile-narrow').boundingBox())!;
    const wide = (await page.locator('.profile-wide').boundingBox())!;
    expect(narrow.x + narrow.width).toBeLessThan(wide.x);
    expect(wide.width).toBeGreaterThanOrEqual(380);
    await screenshot(page, 'profile-stranger-desktop');
  });
});
