/**
 * The group pages in a real browser (Debian's chromium, headless, driven by playwright-core): a
 * person creates a group from their groups page, after a first try without a name; another opens
 * it, clicks Join and appears in the member list, then writes on the group's wall; a stranger gets
 * the 404 for a SECRET group. The pages fit a phone screen. On both stores.
 */
import { expect, it } from 'vitest';
import { browserSuiteOnBothStores, fitsPhone } from '../support/browser-suite.js';

browserSuiteOnBothStores('group pages', (world) => {
  const { signedInPage } = world;

  it('creates a group, another person joins it and writes on its wall; a stranger does not find a secret one', async () => {
    const ada = await world.server.createPerson('Ada Lovelace');
    const bob = await world.server.createPerson('Bob Bobson');
    const dan = await world.server.createPerson('Dan Dennett');

    const adaPage = await signedInPage(ada);
    await adaPage.goto(`${world.server.url}/groups.php`);
    expect(await adaPage.textContent('h1')).toBe('Your groups');
    await adaPage.click('a:text("Create a group")');
    expect(adaPage.url()).toBe(`${world.server.url}/creategroup.php`);
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
    expect(groupUrl).toMatch(new RegExp(`^${world.server.url}/group\\.php\\?gid=\\d+$`));
    expect(await adaPage.textContent('h1')).toBe('Analytical Engine Fans');
    expect(await adaPage.textContent('main')).toContain('You are an admin of this group.');
    expect(await adaPage.getAttribute('a:text("https://engine.example.org")', 'href')).toBe('https://engine.example.org');
    await fitsPhone(adaPage);
    await adaPage.goto(`${world.server.url}/groups.php`);
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

    const secret = await world.server.services.groups.create({ name: 'Note G Reading Circle', creator: ada.uid, privacy: 'SECRET' });
    const danPage = await signedInPage(dan);
    const answer = await danPage.goto(`${world.server.url}/group.php?gid=${secret.gid}`);
    expect(answer?.status()).toBe(404);
    expect(await danPage.textContent('h1')).toBe('No such group');
    expect(await danPage.textContent('body')).not.toContain('Note G Reading Circle');
  });
});
