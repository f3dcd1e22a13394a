/**
 * The group pages in a real browser (Debian's chromium, headless, driven by playwright-core): a
 * person creates a group from their groups page, after a first try without a name; another opens
 * it, clicks Join and appears in the member list, then writes on the group's wall; a stranger gets
 * the 404 for a SECRET group. The pages fit a phone screen. On both stores.
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
]) describe.skipIf(!hasChromium || skip)(chromiumSuite(`group pages (${backend})`), () => {
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

  it('creates a group, another person joins it and writes on its wall; a stranger does not find a secret one', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const bob = await server.createPerson('Bob Bobson');
    const dan = await server.createPerson('Dan Dennett');

    const adaPage = await signedInPage(ada);
    await adaPage.goto(`${server.url}/groups.php`);
    expect(await adaPage.textContent('h1')).toBe('Your groups');
    await adaPage.click('a:text("Create a group")');
    expect(adaPage.url()).toBe(`${server.url}/creategroup.php`);
    await fitsPhone(adaPage);
    // Spaces only get past the browser's `required`, not the service.
    await adaPage.fill('input[name=name]', '   ');
    await adaPage.click('button:text("Create group")');
    expect(await adaPage.textContent('#name-error')).toBe('The group needs a name.');
    await adaPage.fill('input[name=name]', 'Analytical Engine Fans');
    await adaPage.fill('input[name=group_type]', 'Just for Fun');
    await adaPage.fill('input[name=group_subtype]', 'Fan Clubs');
    await adaPage.fill('textarea[name=description]', 'Gears, cards and poetry.');
    await adaPage.selectOption('select[name=privacy]', 'OPEN');
    await adaPage.fill('input[name=website]', 'https://engine.example.org');
    await adaPage.fill('input[name=office]', 'Marylebone');
    await adaPage.click('button:text("Create group")');
    await adaPage.waitForSelector('#group-members');
    const groupUrl = adaPage.url();
    expect(groupUrl).toMatch(new RegExp(`^${server.url}/group\\.php\\?gid=\\d+$`));
    expect(await adaPage.textContent('h1')).toBe('Analytical Engine Fans');
    expect(await adaPage.textContent('main')).toContain('You are an admin of this group.');
    expect(await adaPage.getAttribute('a:text("https://engine.example.org")', 'href')).toBe('https://engine.example.org');
    await fitsPhone(adaPage);
    await adaPage.goto(`${server.url}/groups.php`);
    expect(await adaPage.textContent('.group-list')).toContain('Analytical Engine Fans');

    const bobPage = await signedInPage(bob);
    await bobPage.goto(groupUrl);
    expect(await bobPage.textContent('.group-members')).not.toContain('Bob Bobson');
    await bobPage.click('button:text("Join this group")');
    await bobPage.waitForSelector('.notice.success');
    expect(await bobPage.textContent('.notice.success')).toBe('You joined Analytical Engine Fans.');
    expect(await bobPage.textContent('.group-members')).toContain('Bob Bobson');
    expect(await bobPage.textContent('main')).toContain('You are a member of this group.');

    await bobPage.fill('.place-wall textarea[name=message]', 'Punched cards for everyone on Tuesday');
    await bobPage.click('.place-wall button[name=publish]');
    await bobPage.waitForSelector('.place-wall .story');
    expect(bobPage.url().startsWith(groupUrl)).toBe(true);
    expect(await bobPage.textContent('.place-wall')).toContain('Punched cards for everyone on Tuesday');
    await fitsPhone(bobPage);
    await adaPage.goto(groupUrl);
    expect(await adaPage.textContent('.place-wall')).toContain('Punched cards for everyone on Tuesday');

    const secret = await server.services.groups.create({ name: 'Note G Reading Circle', creator: ada.uid, privacy: 'SECRET' });
    const danPage = await signedInPage(dan);
    const answer = await danPage.goto(`${server.url}/group.php?gid=${secret.gid}`);
    expect(answer?.status()).toBe(404);
    expect(await danPage.textContent('h1')).toBe('No such group');
    expect(await danPage.textContent('body')).not.toContain('Note G Reading Circle');
  });
});
