import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { startAppCallbackServer, type AppCallbackServer } from '../support/app-callback-server.js';
import { Browserless, pageText, parseForms } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectValidFbSig, formNames, PASSWORD, registerApp, signedInBrowser } from './page-kit.js';

let server: TestServer;
let appServer: AppCallbackServer;
let game: App;
let quiz: App;

beforeAll(async () => {
  server = await startTestServer();
  appServer = await startAppCallbackServer();
  game = await registerApp(server, { name: 'Word Game', postRemoveUrl: `${appServer.origin}/removed` });
  quiz = await registerApp(server, { name: 'Quiz & <Friends>' });
});
afterAll(async () => {
  await server.services.notifier.settled();
  await server.close();
  await appServer.close();
});

describe('editapps.php', () => {
  it('asks a browser that is not signed in to sign in, then lists the apps', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, game);
    const browser = new Browserless(server.url);
    const form = await browser.get('/editapps.php');
    expect(form.status).toBe(200);
    expect(pageText(form.body)).toContain('Sign in to see the applications you use');
    expect(formNames(form)).toEqual(expect.arrayContaining(['email', 'pass', 'csrf_token']));
    const signedIn = await browser.submit(form, { fields: { email: person.email, pass: PASSWORD } });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe(`${server.url}/editapps.php`);
    const list = await browser.get('/editapps.php');
    expect(pageText(list.body)).toContain('Word Game');
  });

  it('removes an app: the person no longer uses it and its post-remove URL hears, signed', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, game);
    await server.services.grants.authorize(person.uid, quiz);
    const browser = await signedInBrowser(server, person);
    const list = await browser.get('/editapps.php');
    expect(list.status).toBe(200);
    expect(list.body).toContain('Quiz &amp; &lt;Friends&gt;');
    const removeButtons = parseForms(list.body).flatMap((form) => form.buttons.filter((button) => button.name === 'remove'));
    expect(removeButtons.map((button) => button.value)).toEqual([String(game.appId), String(quiz.appId)]);

    const gameForm = parseForms(list.body).find((form) => form.buttons.some((button) => button.value === String(game.appId)))!;
    const removed = await browser.post('/editapps.php', [...gameForm.fields, ['remove', String(game.appId)]]);
    expect(removed.status).toBe(303);
    expect(removed.location).toBe(`${server.url}/editapps.php?removed=${game.appId}`);
    expect(await server.services.grants.isAppUser(person.uid, game.appId)).toBe(false);
    expect(await server.services.grants.isAppUser(person.uid, quiz.appId)).toBe(true);

    const after = await browser.get(removed.location!);
    expect(pageText(after.body)).toContain('You removed Word Game.');
    expect(parseForms(after.body).flatMap((form) => form.buttons.map((button) => button.value))).toEqual([String(quiz.appId)]);

    const ping = await appServer.waitFor((request) => request.url === '/removed' && request.body.includes(`fb_sig_user=${person.uid}`));
    const params = expectValidFbSig(ping.body, game);
    expect(params).toMatchObject({ fb_sig_uninstall: '1', fb_sig_added: '0', fb_sig_app_id: String(game.appId), fb_sig_api_key: game.apiKey });
  });

  it('refuses a removal without the CSRF token', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, quiz);
    const browser = await signedInBrowser(server, person);
    const forged = await browser.post('/editapps.php', { remove: String(quiz.appId) });
    expect(forged.status).toBe(403);
    expect(pageText(forged.body)).toContain('This form has expired. Go back and try again.');
    expect(await server.services.grants.isAppUser(person.uid, quiz.appId)).toBe(true);
  });

  it('says so when a person uses no apps, and ignores removals of apps they do not use', async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const list = await browser.get('/editapps.php');
    expect(pageText(list.body)).toContain('You do not use any applications.');
    const csrf = browser.cookie('hearth_csrf')!;
    for (const remove of [String(quiz.appId), '999999', 'abc']) {
      const response = await browser.post('/editapps.php', { remove, csrf_token: csrf });
      expect(response.status).toBe(303);
      expect(response.location).toBe(`${server.url}/editapps.php`);
    }
  });
});
