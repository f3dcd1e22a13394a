/**
 * /developers/ and /developers/apps.php on both stores: creating an app with only a name (in
 * sandbox mode), its keys and the secret shown on request, "Reset secret" (asked first; the old
 * secret stops working for API calls), every section's settings round-tripping through the page and
 * admin.getAppProperties, bad input marked on the form with nothing stored, the callback URL
 * warning, the canvas name's confirmation, developers added and removed, the 404 for everyone
 * else, and the CSRF token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestClient } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText, type PageResponse } from '../support/browserless.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { formNames, registerApp, signedInBrowser } from './page-kit.js';

const STORES = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

const settingsPath = (appId: number, query = '') => `/developers/apps.php?app_id=${appId}${query}`;

/** The value the page's input `name` shows. */
function inputValue(page: PageResponse, name: string): string | undefined {
  const tag = new RegExp(`<input\\b[^>]*\\bname="${name}"[^>]*>`).exec(page.body)?.[0];
  return tag === undefined ? undefined : /\bvalue="([^"]*)"/.exec(tag)?.[1];
}

/** The problem marked under the field `name`, as text. */
function fieldProblem(page: PageResponse, name: string): string | undefined {
  const found = new RegExp(`<p class="field-error" id="${name}-error">([^<]*)</p>`).exec(page.body)?.[1];
  return found === undefined ? undefined : pageText(found);
}

describe.each(STORES)('$backend: the developer’s pages', ({ backend, skip }) => {
  let server: TestServer;
  let developer: Person;
  let browser: Browserless;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    developer = await server.createPerson('Grace Hopper');
    browser = await signedInBrowser(server, developer);
  });
  afterAll(async () => {
    await server?.services.notifier.settled();
    await server?.close();
  });

  /** Posts a form of the app's page as the browser would, with the CSRF token. */
  const post = (as: Browserless, appId: number, fields: Record<string, string>) => as.post(settingsPath(appId), { ...fields, csrf_token: as.cookie('hearth_csrf')! });

  async function createApp(name = 'Word Game'): Promise<App> {
    await browser.get('/developers/');
    const created = await browser.post('/developers/', { name, create_app: '1', csrf_token: browser.cookie('hearth_csrf')! });
    expect(created.status, created.body).toBe(303);
    const appId = Number(/app_id=(\d+)/.exec(created.location!)?.[1]);
    return (await server.store.apps.findById(appId))!;
  }

  const properties = async (app: App, names: readonly string[]) => {
    const current = (await server.store.apps.findById(app.appId))!;
    return JSON.parse(await server.client(current).call('admin.getAppProperties', { properties: names })) as Record<string, unknown>;
  };

  it.skipIf(skip)('asks a visitor to sign in, on the list and on an app’s page', async () => {
    const visitor = new Browserless(server.url);
    const list = await visitor.get('/developers/');
    expect(list.status).toBe(200);
    expect(pageText(list.body)).toContain('Sign in to create applications and change their settings.');
    expect(formNames(list)).toContain('pass');
    expect((await visitor.get('/developers')).location).toBe(`${server.url}/developers/`);
    const app = await createApp('Visitor Check');
    const page = await visitor.get(settingsPath(app.appId));
    expect(pageText(page.body)).toContain('Sign in to see and change the settings of your applications.');
    expect(page.body).not.toContain(app.apiKey);
  });

  it.skipIf(skip)('creates an app from a name alone: a web app in sandbox mode, listed, with its keys shown', async () => {
    const page = await browser.get('/developers/');
    expect(pageText(page.body)).toContain('Create an application');
    const created = await browser.submit(page, { button: 'create_app', fields: { name: '  Scrabulous  ' } });
    expect(created.status).toBe(303);
    const shown = await browser.get(created.location!);
    expect(shown.status).toBe(200);
    const appId = Number(/app_id=(\d+)/.exec(created.location!)?.[1]);
    const app = (await server.store.apps.findById(appId))!;
    expect(app).toMatchObject({ name: 'Scrabulous', type: 'web', callbackUrl: null });
    expect(pageText(shown.body)).toContain('Your application is created, in sandbox mode.');
    expect(shown.body).toContain(`<code id="api_key">${app.apiKey}</code>`);
    expect(shown.body).not.toContain(app.secret);
    expect(await properties(app, ['application_name', 'dev_mode', 'desktop'])).toEqual({ application_name: 'Scrabulous', dev_mode: 1, desktop: 0 });
    expect(await server.services.developers.isDeveloper(app.appId, developer.uid)).toBe(true);
    const list = await browser.get('/developers/');
    expect(list.body).toContain(`href="/developers/apps.php?app_id=${app.appId}"`);
    expect(pageText(list.body)).toContain('Scrabulous');
  });

  it.skipIf(skip)('refuses an app without a name (400), marking the field and creating nothing', async () => {
    const before = (await server.services.apps.list()).length;
    const refused = await browser.submit(await browser.get('/developers/'), { button: 'create_app', fields: { name: '   ' } });
    expect(refused.status).toBe(400);
    expect(fieldProblem(refused, 'name')).toBe('Give your application a name.');
    expect(refused.body).toContain('aria-invalid="true"');
    expect(await server.services.apps.list()).toHaveLength(before);
  });

  it.skipIf(skip)('shows the secret on request, resets it after asking, and the old secret stops working for API calls', async () => {
    const app = await createApp('Secret Keeper');
    const shown = await browser.get(settingsPath(app.appId, '&show_secret=1'));
    expect(shown.body).toContain(`<code id="secret">${app.secret}</code>`);
    const oldClient = new RestClient({ serverUrl: server.url, apiKey: app.apiKey, secret: app.secret });
    expect(await oldClient.call('admin.getAppProperties', { properties: ['application_name'] })).toBe('{"application_name":"Secret Keeper"}');

    const asked = await browser.submit(shown, { button: 'reset_secret' });
    expect(asked.status).toBe(200);
    expect(pageText(asked.body)).toContain('Reset the secret of Secret Keeper?');
    expect((await server.store.apps.findById(app.appId))!.secret).toBe(app.secret);

    const reset = await browser.submit(asked, { button: 'confirm_reset' });
    expect(reset.status).toBe(303);
    const after = await browser.get(reset.location!);
    const secret = (await server.store.apps.findById(app.appId))!.secret;
    expect(secret).not.toBe(app.secret);
    expect(secret).toMatch(/^[0-9a-f]{32}$/);
    expect(after.body).toContain(`<code id="secret">${secret}</code>`);
    expect(pageText(after.body)).toContain('The secret is reset. Calls signed with the old one now fail');

    await expect(oldClient.call('admin.getAppProperties', { properties: ['application_name'] })).rejects.toMatchObject({ code: 104 });
    const newClient = new RestClient({ serverUrl: server.url, apiKey: app.apiKey, secret });
    expect(await newClient.call('admin.getAppProperties', { properties: ['application_name'] })).toBe('{"application_name":"Secret Keeper"}');
  });

  it.skipIf(skip)('stores every setting of every section, shows it again, and admin.getAppProperties answers it', async () => {
    const app = await createApp('All Settings');
    const sections: Record<string, Record<string, string>> = {
      basic: {
        application_name: 'All Settings Renamed',
        description: 'A game of words.\nWith two lines.',
        email: 'dev@example.com',
        contact_email: 'help@example.com',
        icon_url: 'http://static.example.com/icon.gif',
        logo_url: 'http://static.example.com/logo.gif',
        about_url: 'http://www.example.com/about',
        help_url: 'http://www.example.com/help',
        privacy_url: 'http://www.example.com/privacy',
        tos_url: 'http://www.example.com/tos',
      },
      canvas: {
        canvas_name: 'AllSettings',
        callback_url: 'http://app.example.com/fb/',
        use_iframe: '1',
        dashboard_url: 'http://apps.example.com/allsettings/bookmark',
        edit_url: 'http://app.example.com/fb/edit',
        see_all_url: 'http://app.example.com/fb/all',
      },
      connect: {
        connect_url: 'http://www.example.com/',
        base_domain: 'Example.com',
        connect_preview_template: 'http://www.example.com/people/{account_id}',
        connect_reclaim_url: 'http://www.example.com/reclaim',
      },
      authentication: {
        authorize_url: 'http://app.example.com/fb/authorized',
        post_install_url: 'http://apps.example.com/allsettings/welcome',
        uninstall_url: 'http://app.example.com/fb/removed',
        installable: '1',
        private_install: '1',
      },
      profile: {
        default_fbml: '<fb:name uid="profileowner" /> plays words',
        default_action_fbml: '<fb:profile-action url="http://apps.example.com/allsettings/">Play</fb:profile-action>',
        default_column: '0',
        profile_tab_url: 'tab.php',
        tab_default_name: 'Words',
        message_url: 'http://app.example.com/fb/attach',
        message_action: 'Attach a word',
      },
      advanced: { desktop: '0', ip_list: '10.0.0.0/8, 127.0.0.1', rate_limit: '1000/3600', is_mobile: '1', preload_fql: '{"friends":{"pattern":".*","query":"SELECT uid2 FROM friend WHERE uid1={*user*}"}}' },
    };
    for (const [section, fields] of Object.entries(sections)) {
      const saved = await post(browser, app.appId, { ...fields, [`save_${section}`]: '1' });
      expect(saved.status, `${section}: ${pageText(saved.body)}`).toBe(303);
      expect(saved.location).toBe(`${server.url}${settingsPath(app.appId, `&done=saved#${section}`)}`);
    }
    // dev_mode was left out of the advanced form: an unticked box turns sandbox mode off.
    expect(await properties(app, ['dev_mode'])).toEqual({ dev_mode: 0 });

    const expected: Record<string, unknown> = {
      ...sections.basic,
      description: 'A game of words.\nWith two lines.',
      ...sections.canvas,
      canvas_name: 'allsettings',
      use_iframe: 1,
      ...sections.connect,
      base_domain: 'example.com',
      ...sections.authentication,
      post_authorize_redirect_url: sections.authentication!.post_install_url,
      installable: 1,
      private_install: 1,
      ...sections.profile,
      default_column: 0,
      desktop: 0,
      ip_list: '10.0.0.0/8,127.0.0.1/32',
      is_mobile: 1,
      preload_fql: sections.advanced!.preload_fql,
    };
    expect(await properties(app, Object.keys(expected))).toEqual(expected);
    const stored = (await server.store.apps.findById(app.appId))!;
    expect(stored).toMatchObject({ name: 'All Settings Renamed', callbackUrl: 'http://app.example.com/fb/', canvasName: 'allsettings', rateLimit: { requests: 1000, windowSeconds: 3600 } });

    const page = await browser.get(settingsPath(app.appId));
    expect(inputValue(page, 'callback_url')).toBe('http://app.example.com/fb/');
    expect(inputValue(page, 'canvas_name')).toBe('allsettings');
    expect(inputValue(page, 'base_domain')).toBe('example.com');
    expect(inputValue(page, 'rate_limit')).toBe('1000/3600');
    expect(inputValue(page, 'ip_list')).toBe('10.0.0.0/8,127.0.0.1/32');
    expect(page.body).toContain('<option value="1" selected>iframe</option>');
    expect(page.body).toContain('<option value="0" selected>Narrow</option>');
    expect(page.body).toMatch(/<input type="checkbox" id="private_install" name="private_install" value="1" checked>/);
    expect(page.body).toContain('A game of words.\nWith two lines.</textarea>');
    expect(page.body).toContain('&lt;fb:name uid=&quot;profileowner&quot; /&gt; plays words</textarea>');

    // Emptied fields remove what they held; the rate limit goes.
    expect((await post(browser, app.appId, { ...sections.advanced, rate_limit: '', ip_list: '', save_advanced: '1' })).status).toBe(303);
    expect(await properties(app, ['ip_list'])).toEqual({ ip_list: '' });
    expect((await server.store.apps.findById(app.appId))!.rateLimit).toBeNull();
  });

  it.skipIf(skip)('marks each bad setting on its form (400) and stores nothing of that section', async () => {
    const app = await createApp('Bad Input');
    const cases: Array<[string, Record<string, string>, Record<string, string>]> = [
      ['canvas', { callback_url: `http://app.example.com/${'x'.repeat(80)}/`, canvas_name: 'ok_name' }, { callback_url: 'Callback URL may be at most 100 characters long; this one has 104.' }],
      ['canvas', { callback_url: 'ftp://app.example.com/', canvas_name: 'x' }, { callback_url: 'Callback URL must start with http:// or https://, not "ftp://app.example.com/".', canvas_name: 'Canvas name must be 3 to 32 characters of a-z, 0-9, _ and -; got "x".' }],
      ['canvas', { canvas_name: 'inbox' }, { canvas_name: 'Canvas name "inbox" is one of Hearth\'s own addresses; choose another.' }],
      ['canvas', { use_iframe: '2' }, { use_iframe: 'Render method must be one of FBML, iframe.' }],
      ['basic', { application_name: ' ', email: 'nobody', about_url: 'not a url' }, { application_name: 'Application name is required.', email: 'Developer contact e-mail is not an e-mail address: “nobody”.', about_url: 'About URL is not a URL: "not a url".' }],
      ['connect', { connect_url: 'http://www.other.org/', base_domain: 'example.com' }, { base_domain: 'The Connect URL’s host www.other.org is not under example.com: a base domain must hold your site.' }],
      ['connect', { base_domain: 'http://example.com/' }, { base_domain: 'Base domain must be a domain name such as example.com, without http:// or a path.' }],
      ['authentication', { authorize_url: 'mailto:me@example.com', post_install_url: `http://a.example.com/${'p'.repeat(90)}` }, { authorize_url: 'Post-Authorize Callback URL must start with http:// or https://, not "mailto:me@example.com".', post_install_url: 'Post-Add URL may be at most 100 characters long; this one has 111.' }],
      ['profile', { message_action: 'A label far too long to show' }, { message_action: 'Attachment action may be at most 20 characters long; this one has 28.' }],
      ['advanced', { ip_list: '10.0.0.0/33', rate_limit: 'lots', preload_fql: '{not json' }, { ip_list: 'Server IP whitelist: not an IP address or CIDR block: "10.0.0.0/33".', rate_limit: 'Rate limit must be REQUESTS/SECONDS such as 1000/3600, or none; got "lots".', preload_fql: 'Preload FQL must be a JSON text.' }],
    ];
    for (const [section, fields, problems] of cases) {
      const refused = await post(browser, app.appId, { application_name: 'Bad Input', ...fields, [`save_${section}`]: '1' });
      expect(refused.status, section).toBe(400);
      expect(pageText(refused.body)).toContain(`Nothing in ${section[0]!.toUpperCase()}${section.slice(1)} was saved`);
      for (const [name, message] of Object.entries(problems)) expect(fieldProblem(refused, name), name).toBe(message);
      // What was typed is shown again, to be corrected.
      for (const [name, value] of Object.entries(fields)) if (inputValue(refused, name) !== undefined) expect(inputValue(refused, name)).toBe(value.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
    }
    const stored = (await server.store.apps.findById(app.appId))!;
    expect(stored).toMatchObject({ name: 'Bad Input', callbackUrl: null, canvasName: null, postAuthorizeUrl: null, allowedAddresses: [], rateLimit: null });
    expect(await properties(app, ['email', 'about_url', 'connect_url', 'base_domain', 'post_install_url', 'message_action', 'preload_fql', 'dev_mode'])).toEqual({
      email: '', about_url: '', connect_url: '', base_domain: '', post_install_url: '', message_action: '', preload_fql: '', dev_mode: 1,
    });
  });

  it.skipIf(skip)('warns about a callback URL without a trailing slash, and asks before a canvas name changes', async () => {
    const app = await createApp('Slashless');
    expect((await post(browser, app.appId, { callback_url: 'http://app.example.com/fb', canvas_name: 'slashless', use_iframe: '0', save_canvas: '1' })).status).toBe(303);
    const warned = await browser.get(settingsPath(app.appId));
    expect(pageText(warned.body)).toContain('Your callback URL does not end in “/”. Canvas addresses are added to it as they are, so /apps/NAME/step.php would fetch http://app.example.com/fbstep.php.');
    // Another app may not take the name; this one keeps it unless the change is confirmed.
    const other = await createApp('Other');
    const taken = await post(browser, other.appId, { canvas_name: 'Slashless', save_canvas: '1' });
    expect(fieldProblem(taken, 'canvas_name')).toBe(`Canvas name "slashless" is taken by app ${app.appId}.`);
    const unconfirmed = await post(browser, app.appId, { callback_url: 'http://app.example.com/fb/', canvas_name: 'renamed', use_iframe: '0', save_canvas: '1' });
    expect(unconfirmed.status).toBe(400);
    expect(fieldProblem(unconfirmed, 'canvas_name')).toBe('Links to /apps/slashless/ stop working when the name changes: tick “Change the canvas page name” to confirm.');
    expect((await server.store.apps.findById(app.appId))!).toMatchObject({ canvasName: 'slashless', callbackUrl: 'http://app.example.com/fb' });
    expect((await post(browser, app.appId, { callback_url: 'http://app.example.com/fb/', canvas_name: 'renamed', use_iframe: '0', confirm_canvas_name: '1', save_canvas: '1' })).status).toBe(303);
    const fixed = await browser.get(settingsPath(app.appId));
    expect(fixed.body).not.toContain('callback-warning');
    expect((await server.store.apps.findById(app.appId))!.canvasName).toBe('renamed');
    // A desktop program has no canvas pages.
    const desktop = await post(browser, app.appId, { desktop: '1', save_advanced: '1' });
    expect(fieldProblem(desktop, 'desktop')).toBe('A desktop program has no canvas pages: remove the canvas page name “renamed” (Canvas) first.');
    expect((await server.store.apps.findById(app.appId))!.type).toBe('web');
  });

  it.skipIf(skip)('answers another person with the same 404 as for an app that does not exist, for views and changes', async () => {
    const app = await createApp('Mine Alone');
    const stranger = await server.createPerson('Mallory Knox');
    const elsewhere = await signedInBrowser(server, stranger);
    const theirs = await elsewhere.get(settingsPath(app.appId, '&show_secret=1'));
    const missing = await elsewhere.get(settingsPath(999_999));
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(pageText(theirs.body).replace(String(app.appId), 'N')).toBe(pageText(missing.body).replace('999999', 'N'));
    expect(theirs.body).not.toContain(app.apiKey);
    expect(theirs.body).not.toContain('Mine Alone');
    for (const fields of [{ application_name: 'Taken Over', save_basic: '1' } as Record<string, string>, { confirm_reset: '1' }, { developer: String(stranger.uid), add_developer: '1' }]) {
      expect((await post(elsewhere, app.appId, fields)).status).toBe(404);
    }
    expect(await server.store.apps.findById(app.appId)).toMatchObject({ name: 'Mine Alone', secret: app.secret });
    expect(await server.services.developers.isDeveloper(app.appId, stranger.uid)).toBe(false);
    expect(pageText((await elsewhere.get('/developers/')).body)).toContain('You have no applications yet.');
  });

  it.skipIf(skip)('refuses a change without the CSRF token (403) and changes nothing', async () => {
    const app = await createApp('Forgery Target');
    for (const csrf_token of [undefined, 'f'.repeat(43)]) {
      const fields: Record<string, string> = { application_name: 'Forged', save_basic: '1', ...(csrf_token ? { csrf_token } : {}) };
      const refused = await browser.post(settingsPath(app.appId), fields);
      expect(refused.status).toBe(403);
      expect(pageText(refused.body)).toContain('This form has expired.');
      expect((await browser.post(settingsPath(app.appId), { confirm_reset: '1', ...(csrf_token ? { csrf_token } : {}) })).status).toBe(403);
      expect((await browser.post('/developers/', { name: 'Forged App', create_app: '1', ...(csrf_token ? { csrf_token } : {}) })).status).toBe(403);
    }
    expect(await server.store.apps.findById(app.appId)).toMatchObject({ name: 'Forgery Target', secret: app.secret });
    expect((await server.services.apps.list()).some((candidate) => candidate.name === 'Forged App')).toBe(false);
  });

  it.skipIf(skip)('adds developers by e-mail or uid, who then see the app; keeps the last one; a developer may leave', async () => {
    const app = await createApp('Team App');
    const [ada, alan] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Alan Turing')];
    expect((await post(browser, app.appId, { developer: ` ${ada.email.toUpperCase()} `, add_developer: '1' })).status).toBe(303);
    expect((await post(browser, app.appId, { developer: String(alan.uid), add_developer: '1' })).status).toBe(303);
    const again = await post(browser, app.appId, { developer: String(alan.uid), add_developer: '1' });
    expect(fieldProblem(again, 'developer')).toBe('Alan Turing is already a developer of Team App.');
    const unknown = await post(browser, app.appId, { developer: 'nobody@example.org', add_developer: '1' });
    expect(unknown.status).toBe(400);
    expect(fieldProblem(unknown, 'developer')).toBe('No one here has the uid or e-mail address “nobody@example.org”.');
    expect((await server.services.developers.developers(app.appId)).map((person) => person.uid)).toEqual([developer.uid, ada.uid, alan.uid]);

    const adaBrowser = await signedInBrowser(server, ada);
    const seen = await adaBrowser.get(settingsPath(app.appId));
    expect(seen.status).toBe(200);
    expect(pageText(seen.body)).toContain('Grace Hopper');
    expect((await post(adaBrowser, app.appId, { application_name: 'Team App', description: 'Written by Ada', save_basic: '1' })).status).toBe(303);
    expect(await properties(app, ['description'])).toEqual({ description: 'Written by Ada' });

    // A button for someone who is no longer a developer changes nothing.
    const stale = await post(browser, app.appId, { remove_developer: String(ada.uid + 1_000_000) });
    expect(stale.location).toBe(`${server.url}${settingsPath(app.appId)}#developers`);
    // Ada removes Alan, then Grace leaves; Ada, the last one, cannot.
    expect((await post(adaBrowser, app.appId, { remove_developer: String(alan.uid) })).status).toBe(303);
    const left = await post(browser, app.appId, { remove_developer: String(developer.uid) });
    expect(left.location).toBe(`${server.url}/developers/?done=left`);
    expect((await browser.get(settingsPath(app.appId))).status).toBe(404);
    const last = await post(adaBrowser, app.appId, { remove_developer: String(ada.uid) });
    expect(last.status).toBe(400);
    expect(fieldProblem(last, 'developer')).toBe('An application keeps at least one developer: add another before you remove yourself.');
    expect((await server.services.developers.developers(app.appId)).map((person) => person.uid)).toEqual([ada.uid]);
  });

  it.skipIf(skip)('an app made by the operator has no developer until one is added, and shows on no one’s page before', async () => {
    const app = await registerApp(server, { name: 'Operator App' });
    expect((await browser.get(settingsPath(app.appId))).status).toBe(404);
    await server.services.developers.addDeveloper(app.appId, developer.email);
    const page = await browser.get(settingsPath(app.appId));
    expect(page.status).toBe(200);
    expect(inputValue(page, 'callback_url')).toBe('http://app.example.org/callback/');
  });
});
