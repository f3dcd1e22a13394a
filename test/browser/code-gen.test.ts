/**
 * /code_gen.php in a real browser (Debian's chromium, headless, driven by playwright-core), on both
 * stores: a person opens the page a desktop program sent them to, signs in, allows the program,
 * presses Generate and reads the code; the program (the SDK's client) exchanges it for a session
 * that never expires and calls users.getLoggedInUser with it, signed with the session's secret.
 */
import { expect, it } from 'vitest';
import { RestClient } from '../../sdk/index.js';
import { PASSWORD, registerApp } from '../pages/page-kit.js';
import { browserSuiteOnBothStores, fitsPhone } from '../support/browser-suite.js';

browserSuiteOnBothStores('code_gen.php', (world) => {
  it('signs in, allows, generates; the program exchanges the code and acts as the person', async () => {
    const { server } = world;
    const program = await registerApp(server, { name: 'Profile Updater', type: 'desktop', callbackUrl: null });
    const person = await server.createPerson('Ada Lovelace');
    const page = await world.newPage();

    await page.goto(`${server.url}/code_gen.php?v=1.0&api_key=${program.apiKey}`);
    expect(await page.textContent('h1')).toBe('Sign in to get a code for Profile Updater');
    await fitsPhone(page);
    await page.fill('input[name=email]', person.email);
    await page.fill('input[name=pass]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('button[name=grant]');
    expect(await page.textContent('h1')).toBe('Profile Updater would like to connect to your account');
    await page.click('button[name=grant]');
    await page.waitForSelector('button[name=generate]');
    expect(await page.textContent('h1')).toBe('Get a code for Profile Updater');
    await fitsPhone(page);
    await page.click('button[name=generate]');
    await page.waitForSelector('#auth_code');
    const code = (await page.textContent('#auth_code'))!;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(await page.textContent('main')).toContain('Copy this code and paste it into Profile Updater to finish.');
    await fitsPhone(page);

    // The program, as a person would paste the code into it: in lower case.
    const client = new RestClient({ serverUrl: server.url, apiKey: program.apiKey, secret: program.secret });
    const session = await client.call('auth.getSession', { auth_token: code.toLowerCase() });
    expect(session).toMatchObject({ uid: person.uid, expires: 0 });
    expect(session.session_key).toMatch(new RegExp(`^3\\.[A-Za-z0-9_-]{22}__\\.0\\.0-${person.uid}$`));
    const signedWithSecret = client.withSession({ sessionKey: session.session_key, secret: session.secret, useSessionSecret: true });
    expect(await signedWithSecret.call('users.getLoggedInUser', {})).toBe(person.uid);
    expect(await signedWithSecret.call('users.hasAppPermission', { ext_perm: 'offline_access' })).toBe(true);
    // Pasting it again does not give a second session.
    await expect(client.call('auth.getSession', { auth_token: code })).rejects.toMatchObject({ code: 100 });
  });
});
