/**
 * Notifications in a real browser (Chromium, no script), on both stores: an app sends Ada a
 * notification through the API, and Bob writes her a message; Ada sees its count in the top bar of her pages, beside the Inbox's,
 * opens Notifications and finds it marked new, and the count is gone; opened again it is read.
 * The pages fit a phone screen.
 */
import { expect, it } from 'vitest';
import { browserSuiteOnBothStores, fitsPhone } from '../support/browser-suite.js';

browserSuiteOnBothStores('notifications', (world) => {
  it('an app notifies Ada; the top bar counts it; opening Notifications shows it new and reads it', async () => {
    const { server } = world;
    const ada = await server.createPerson('Ada Lovelace');
    const bob = await server.createPerson('Bob Bobson');
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    const app = await server.createApp('web');
    await server.store.authorizations.authorize(ada.uid, app.appId);

    const page = await world.signedInPage(ada);
    const bar = 'header nav.topbar-links';
    expect(await page.$$eval(`${bar} a`, (links) => links.map((link) => link.textContent))).toEqual(['Home', 'Profile', 'Friends', 'Inbox', 'Notifications', 'Requests']);

    const sent = await server.client(app).callRaw('notifications.send', { to_ids: ada.uid, notification: 'Your <a href="http://example.org/gears">gear</a> has shipped.' }, { format: 'json' });
    expect(sent.body).toBe(`"${ada.uid}"`);
    await server.services.mailbox.send({ from: bob.uid, to: [ada.uid], body: 'Did the gear arrive?' });
    await page.reload();
    expect(await page.textContent(`${bar} a[href="/notifications.php"]`)).toBe('Notifications 1');
    expect(await page.textContent(`${bar} a[href="/inbox/"]`)).toBe('Inbox 1');
    await fitsPhone(page);

    await page.click(`${bar} a[href="/notifications.php"]`);
    expect(await page.textContent('h1')).toBe('Notifications');
    const item = page.locator('.notification-item').first();
    expect(await item.getAttribute('class')).toContain('notification-unread');
    expect((await item.innerText()).split('\n')[0]).toBe('New Your gear has shipped.');
    expect(await item.locator('.muted').innerText()).toMatch(new RegExp(`^${app.name} · `));
    expect(await item.locator('a', { hasText: 'gear' }).getAttribute('href')).toBe('http://example.org/gears');
    expect(await page.textContent(`${bar} a[href="/notifications.php"]`)).toBe('Notifications');
    expect(await page.textContent(`${bar} a[href="/inbox/"]`)).toBe('Inbox 1');
    await fitsPhone(page);

    await page.reload();
    expect(await page.locator('.notification-unread').count()).toBe(0);
    expect(await page.textContent('.notification-item')).toContain('Your gear has shipped.');
  });
});
