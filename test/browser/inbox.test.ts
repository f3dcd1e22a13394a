/**
 * The Inbox in a real browser (Debian's chromium, headless, driven by playwright-core, no script):
 * Ada composes a message to Bob, ticking him among her friends; Bob finds it unread in his Inbox,
 * opens it and replies; Ada finds the reply unread in hers and reads it. The pages fit a phone
 * screen. On both stores.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/features/people/records.js';
import { PASSWORD } from '../pages/page-kit.js';
import { chromiumSuite, hasChromium, launchChromium } from '../support/chromium.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** The page is no wider than a phone's screen (375 px), then back to a desktop's. */
async function fitsPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 375, height: 667 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 720 });
}

for (const { backend, skip } of [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
]) describe.skipIf(!hasChromium || skip)(chromiumSuite(`inbox (${backend})`), () => {
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

  /** A browser of the person's own, signed in on the front page; the pages need no script. */
  async function signedInPage(person: Person): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    contexts.push(context);
    context.setDefaultTimeout(5_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.fill('input[name=email]', person.email);
    await page.fill('input[name=pass]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('textarea[name=message]');
    return page;
  }

  it('Ada writes to Bob, picking him among her friends; Bob reads it unread and replies; Ada reads the reply', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const bob = await server.createPerson('Bob Bobson');
    const cleo = await server.createPerson('Cleo Cleary');
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    await server.services.friends.addDirectly(ada.uid, cleo.uid);

    const adaPage = await signedInPage(ada);
    await adaPage.goto(`${server.url}/inbox/`);
    expect(await adaPage.textContent('h1')).toBe('Inbox');
    expect(await adaPage.textContent('.thread-list, .card')).toContain('No messages yet.');
    await adaPage.click('nav.inbox-tabs a:text("Compose Message")');
    expect(await adaPage.textContent('h1')).toBe('Compose Message');
    expect(await adaPage.$$eval('.friend-picker label', (labels) => labels.map((label) => label.textContent))).toEqual(['Bob Bobson', 'Cleo Cleary']);
    await fitsPhone(adaPage);
    await adaPage.check('label:text("Bob Bobson")');
    await adaPage.fill('input[name=subject]', 'Engine plans');
    await adaPage.fill('textarea[name=body]', 'Shall we build it?\nThe cards are punched.');
    await adaPage.click('button[name=send]');
    await adaPage.waitForSelector('.notice.success');
    expect(await adaPage.textContent('h1')).toBe('Engine plans');
    expect(await adaPage.textContent('.notice.success')).toBe('Your message was sent.');
    const threadUrl = adaPage.url().replace(/&sent=1$/, '');
    expect(threadUrl).toMatch(/\/inbox\/readmessage\.php\?t=\d+$/);
    expect(await adaPage.innerText('.message-body')).toBe('Shall we build it?\nThe cards are punched.');
    await adaPage.click('nav.inbox-tabs a:text("Sent Messages")');
    expect(await adaPage.textContent('.thread-item')).toContain('To Bob Bobson');

    const bobPage = await signedInPage(bob);
    await bobPage.goto(`${server.url}/inbox/`);
    expect(await bobPage.textContent('nav.inbox-tabs a[aria-current=page]')).toBe('Inbox (1)');
    const unread = await bobPage.textContent('.thread-item.thread-unread');
    expect(unread).toContain('Ada Lovelace');
    expect(unread).toContain('Engine plans');
    expect(unread).toContain('1 new message');
    expect(unread).toContain('Shall we build it? The cards are punched.');
    // Marked, not only in words: the subject bold and the count highlighted.
    expect(await bobPage.$eval('.thread-unread .thread-subject', (link) => getComputedStyle(link).fontWeight)).toBe('700');
    expect(await bobPage.$eval('.thread-unread mark', (mark) => getComputedStyle(mark).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await fitsPhone(bobPage);
    await bobPage.click('.thread-unread a:text("Engine plans")');
    await bobPage.waitForSelector('form.reply-form');
    expect(bobPage.url()).toBe(threadUrl);
    expect(await bobPage.textContent('nav.inbox-tabs a[aria-current=page]')).toBe('Inbox');
    await bobPage.fill('form.reply-form textarea[name=body]', 'Yes! I will bring the gears.');
    await bobPage.click('button[name=reply]');
    await bobPage.waitForSelector('.message-item:nth-child(2)');
    expect(bobPage.url()).toBe(threadUrl);
    expect(await bobPage.$$eval('.message-item .message-body', (bodies) => bodies.map((body) => body.textContent))).toEqual(['Shall we build it?The cards are punched.', 'Yes! I will bring the gears.']);
    await fitsPhone(bobPage);
    await bobPage.goto(`${server.url}/inbox/`);
    expect(await bobPage.$('.thread-unread')).toBeNull();

    await adaPage.goto(`${server.url}/inbox/`);
    expect(await adaPage.textContent('nav.inbox-tabs a[aria-current=page]')).toBe('Inbox (1)');
    expect(await adaPage.textContent('.thread-item.thread-unread')).toContain('Yes! I will bring the gears.');
    await adaPage.click('.thread-unread a:text("Engine plans")');
    await adaPage.waitForSelector('.message-item:nth-child(2)');
    expect(await adaPage.textContent('.message-item:nth-child(2)')).toContain('Bob Bobson');
    expect(await adaPage.textContent('.message-item:nth-child(2) .message-body')).toBe('Yes! I will bring the gears.');
    await adaPage.goto(`${server.url}/inbox/`);
    expect(await adaPage.$('.thread-unread')).toBeNull();
    expect(await adaPage.$eval('.thread-item .thread-subject', (link) => getComputedStyle(link).fontWeight)).toBe('400');
  });
});
