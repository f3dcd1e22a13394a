/**
 * The developer's pages in a real browser (Debian's chromium, headless, driven by playwright-core),
 * on both stores: a person creates an application, sets its callback URL and canvas page name,
 * resets its secret after confirming, reads the new secret off the page, and an API call signed
 * with it works while the old secret is refused.
 */
import { expect, it } from 'vitest';
import { RestClient } from '../../sdk/index.js';
import { browserSuiteOnBothStores, fitsPhone } from '../support/browser-suite.js';

browserSuiteOnBothStores('developers', (world) => {
  it('creates an app, sets its callback URL and canvas name, resets the secret and calls the API with the new one', async () => {
    const { server } = world;
    const person = await server.createPerson('Grace Hopper');
    const page = await world.signedInPage(person);

    await page.goto(`${server.url}/developers/`);
    expect(await page.textContent('h1')).toBe('Developers');
    await fitsPhone(page);
    await page.fill('input[name=name]', 'Word Game');
    await page.click('button[name=create_app]');
    await page.waitForSelector('#api_key');
    expect(await page.textContent('h1')).toBe('Word Game');
    expect(await page.textContent('main')).toContain('Your application is created, in sandbox mode.');
    await fitsPhone(page);
    const apiKey = (await page.textContent('#api_key'))!;
    expect(apiKey).toMatch(/^[0-9a-f]{32}$/);
    const appId = Number(await page.textContent('#app_id'));

    await page.fill('input[name=callback_url]', 'http://app.example.com/fb');
    await page.fill('input[name=canvas_name]', 'WordGame');
    await page.selectOption('select[name=use_iframe]', '1');
    await page.click('button[name=save_canvas]');
    await page.waitForSelector('#callback-warning');
    expect(await page.textContent('main')).toContain('Your settings are saved.');
    expect(await page.textContent('#callback-warning')).toContain('Your callback URL does not end in “/”.');
    expect(await page.inputValue('input[name=canvas_name]')).toBe('wordgame');
    await page.fill('input[name=callback_url]', 'http://app.example.com/fb/');
    await page.click('button[name=save_canvas]');
    await page.waitForSelector('text=Your settings are saved.');
    expect(await page.$('#callback-warning')).toBeNull();
    expect(await server.store.apps.findById(appId)).toMatchObject({ callbackUrl: 'http://app.example.com/fb/', canvasName: 'wordgame' });

    await page.click('text=Show the secret');
    await page.waitForSelector('#secret');
    const oldSecret = (await page.textContent('#secret'))!;
    await page.click('button[name=reset_secret]');
    await page.waitForSelector('button[name=confirm_reset]');
    expect(await page.textContent('h1')).toBe('Reset the secret of Word Game?');
    await fitsPhone(page);
    await page.click('button[name=confirm_reset]');
    await page.waitForSelector('#secret');
    const newSecret = (await page.textContent('#secret'))!;
    expect(newSecret).toMatch(/^[0-9a-f]{32}$/);
    expect(newSecret).not.toBe(oldSecret);

    const properties = { properties: ['application_name', 'callback_url', 'canvas_name', 'use_iframe', 'dev_mode'] };
    const client = new RestClient({ serverUrl: server.url, apiKey, secret: newSecret });
    expect(JSON.parse(await client.call('admin.getAppProperties', properties))).toEqual({
      application_name: 'Word Game',
      callback_url: 'http://app.example.com/fb/',
      canvas_name: 'wordgame',
      use_iframe: 1,
      dev_mode: 1,
    });
    await expect(new RestClient({ serverUrl: server.url, apiKey, secret: oldSecret }).call('admin.getAppProperties', properties)).rejects.toMatchObject({ code: 104 });
  });
});
