/**
 * The event pages in a real browser (Debian's chromium, headless, driven by playwright-core): a
 * person creates an event with the form and invites a friend; the friend finds the invitation on
 * events.php, opens the event, clicks Attending and is listed under Attending, then writes on the
 * event's wall. The pages fit a phone screen. On both stores.
 */
import { expect, it } from 'vitest';
import { browserSuiteOnBothStores, fitsPhone } from '../support/browser-suite.js';

browserSuiteOnBothStores('event pages', (world) => {
  const { signedInPage } = world;

  it('creates an event, invites a friend; the friend finds the invitation, attends, and writes on its wall', async () => {
    const ada = await world.server.createPerson('Ada Lovelace');
    const bob = await world.server.createPerson('Bob Bobson');
    await world.server.services.friends.addDirectly(ada.uid, bob.uid);

    const adaPage = await signedInPage(ada);
    await adaPage.goto(`${world.server.url}/events.php`);
    expect(await adaPage.textContent('h1')).toBe('Your events');
    await adaPage.click('a:text("Create an event")');
    expect(await adaPage.textContent('h1')).toBe('Create an event');
    await fitsPhone(adaPage);
    await adaPage.fill('input[name=name]', 'Analytical Evening');
    await adaPage.fill('input[name=tagline]', 'Numbers and looms');
    await adaPage.selectOption('select[name=category]', { label: 'Meetings' });
    await adaPage.selectOption('select[name=subcategory]', { label: 'Lecture' });
    await adaPage.fill('input[name=location]', 'Royal Institution');
    await adaPage.fill('input[name=city]', 'London');
    await adaPage.fill('textarea[name=description]', 'Bring a punched card.');
    await adaPage.fill('input[name=start_date]', '2032-05-14');
    await adaPage.fill('input[name=start_time]', '19:30');
    await adaPage.fill('input[name=end_date]', '2032-05-14');
    await adaPage.fill('input[name=end_time]', '22:00');
    await adaPage.click('button[name=create]');
    await adaPage.waitForSelector('h1.event-name');
    const eventUrl = adaPage.url();
    expect(eventUrl).toMatch(/\/event\.php\?eid=\d+$/);
    expect(await adaPage.textContent('h1')).toBe('Analytical Evening');
    expect(await adaPage.textContent('.event-details')).toContain('Friday, 14 May 2032 at 19:30 Pacific Time');
    expect(await adaPage.textContent('[data-status=attending]')).toContain('Ada Lovelace');
    await adaPage.check(`input[name=invite_${bob.uid}]`);
    await adaPage.fill('textarea[name=personal_message]', 'Do come');
    await adaPage.click('button[name=invite]');
    await adaPage.waitForSelector('.notice.success');
    expect(await adaPage.textContent('[data-status=not_replied]')).toContain('Bob Bobson');

    const bobPage = await signedInPage(bob);
    await bobPage.goto(`${world.server.url}/events.php`);
    expect(await bobPage.textContent('#events-invitations')).toContain('Invitations');
    await bobPage.click('.event-group a:text("Analytical Evening")');
    await bobPage.waitForSelector('h1.event-name');
    expect(bobPage.url()).toBe(eventUrl);
    expect(await bobPage.textContent('.event-status')).toBe('You are invited and have not replied yet.');
    await fitsPhone(bobPage);
    await bobPage.click('button[name=rsvp][value=attending]');
    await bobPage.waitForSelector('button[name=rsvp][value=attending][aria-pressed=true]');
    expect(await bobPage.textContent('.event-status')).toBe('You are attending.');
    const attending = await bobPage.$$eval('[data-status=attending] li', (items) => items.map((item) => item.textContent));
    expect(attending).toEqual(['Ada Lovelace', 'Bob Bobson']);
    expect(await bobPage.$('[data-status=not_replied]')).toBeNull();

    await bobPage.fill('.place-wall textarea[name=message]', 'Looking forward to the engine!');
    await bobPage.click('.place-wall button[name=publish]');
    await bobPage.waitForSelector('.place-wall .story');
    expect(bobPage.url()).toBe(eventUrl);
    expect(await bobPage.textContent('.place-wall .story')).toContain('Looking forward to the engine!');
    await fitsPhone(bobPage);

    // Ada sees Bob attending and his post on her event's wall.
    await adaPage.goto(eventUrl);
    expect(await adaPage.textContent('[data-status=attending]')).toContain('Bob Bobson');
    expect(await adaPage.textContent('.place-wall')).toContain('Looking forward to the engine!');
  });
});
