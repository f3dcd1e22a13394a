/**
 * A fan page in a real browser (Debian's chromium, headless, driven by playwright-core): a person
 * opens a band's page, clicks "Become a fan" and sees the fan count go up, writes on the page's
 * wall, and leaves again; the page's admin posts on the wall as the page; a visitor who is not
 * signed in reads both posts with no button to press. The page fits a phone screen. On both stores.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserSuiteOnBothStores, fitsPhone } from '../support/browser-suite.js';

browserSuiteOnBothStores('fan pages', (world) => {
  const { signedInPage, newPage } = world;

  /** The wall's posts, each as its text. */
  async function wallPosts(page: Page): Promise<string[]> {
    return (await page.$$eval('.place-wall .story', (stories) => stories.map((story) => story.textContent?.replace(/\s+/g, ' ').trim() ?? ''))) as string[];
  }

  it('a person becomes a fan and writes on the wall; the admin posts as the page; a visitor reads both', async () => {
    const ada = await world.server.createPerson('Ada Lovelace');
    const bob = await world.server.createPerson('Bob Bobson');
    const cleo = await world.server.createPerson('Cleo Cleary');
    const band = await world.server.services.pages.create({ name: 'Hearth Quartet', admin: ada.uid, type: 'MUSICIANS', website: 'http://hearth.example.org', details: { bio: 'Four strings and more.' } });
    await world.server.services.pages.addFan(band.pageId, cleo.uid);
    const address = `${world.server.url}/page.php?id=${band.pageId}`;

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
    expect(await world.server.services.pages.isFan(band.pageId, bob.uid)).toBe(true);

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
    expect(await world.server.services.pages.isFan(band.pageId, bob.uid)).toBe(false);
  }, 60_000);
});
