/**
 * The friends page in a real browser (Debian's chromium, headless, driven by playwright-core):
 * two people, one asks the other by e-mail, the other accepts, and each sees the other as a friend;
 * then a person makes a friend list and puts a friend on it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumSuite, hasChromium, launchChromium } from '../support/chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/features/people/records.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { PASSWORD } from '../pages/page-kit.js';

describe.skipIf(!hasChromium)(chromiumSuite('friends page'), () => {
  let browser: Browser;
  let server: TestServer;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([
      launchChromium(),
      startTestServer(),
    ]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  /** A browser of its own (own cookies) for `person`, signed in on the friends page. */
  async function signedInPage(person: Person): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/friends.php`);
    await page.fill('input[name=email]', person.email);
    await page.fill('input[name=pass]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('input[name=friend]');
    return page;
  }

  it('A asks B, B accepts, and both see each other as friends', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const bob = await server.createPerson('Bob Bobson');
    const adaPage = await signedInPage(ada);
    await expect(adaPage.title()).resolves.toBe('Your friends | Hearth');
    expect(await adaPage.textContent('main')).toContain('You have no friends here yet.');

    await adaPage.fill('input[name=friend]', bob.email);
    await adaPage.click('button[name=request]');
    await adaPage.waitForSelector('.notice.info');
    expect(await adaPage.textContent('.notice.info')).toBe(`Your friend request to ${bob.email} is on its way: whoever has that address on Hearth, now or when they join, will see it.`);
    expect(await adaPage.textContent('.friends.outgoing')).toContain(bob.email);

    const bobPage = await signedInPage(bob);
    expect(await bobPage.textContent('.friends.incoming')).toContain('Ada Lovelace');
    await bobPage.click(`button[name=accept][value="${ada.uid}"]`);
    await bobPage.waitForSelector('.notice.info');
    expect(await bobPage.textContent('.notice.info')).toBe('You and Ada Lovelace are now friends.');
    expect(await bobPage.textContent('.friends.current')).toContain('Ada Lovelace');
    expect(await bobPage.$('.friends.incoming')).toBeNull();

    await adaPage.reload();
    expect(await adaPage.textContent('.friends.current')).toContain('Bob Bobson');
    expect(await adaPage.$('.friends.outgoing')).toBeNull();
    expect(await server.services.friends.areFriends(ada.uid, bob.uid)).toBe(true);

    // Fits a phone screen without sideways scrolling.
    await adaPage.setViewportSize({ width: 375, height: 667 });
    expect(await adaPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('makes a friend list and puts a friend on it', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const bob = await server.createPerson('Bob Bobson');
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    const page = await signedInPage(ada);

    await page.fill('input#list_name', 'Engine Club');
    await page.click('button[name=create_list]');
    await page.waitForSelector('.notice.info');
    expect(await page.textContent('.notice.info')).toBe('You made the list “Engine Club”.');
    expect(await page.textContent('.friend-list')).toContain('Nobody is on this list yet.');

    const [list] = await server.services.friendLists.listsOf(ada.uid);
    await page.selectOption(`select#member-${list!.flid}`, String(bob.uid));
    await page.click(`button[name=add_to_list][value="${list!.flid}"]`);
    await page.waitForSelector('.friend-list .members');
    expect(await page.textContent('.notice.info')).toBe('Bob Bobson is now on your list “Engine Club”.');
    expect(await page.textContent('.friend-list .members')).toContain('Bob Bobson');
    expect(await server.services.friendLists.membersOf(ada.uid, list!.flid)).toEqual([bob.uid]);

    // The list's forms fit a phone screen too.
    await page.setViewportSize({ width: 375, height: 667 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
