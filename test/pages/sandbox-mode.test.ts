/**
 * Sandbox mode (`dev_mode`) and "who can add" (`installable`) on both stores, at every page that
 * would let a person use an app: login.php (web, desktop, Connect, canvas), authorize.php and
 * connect/prompt_permissions.php, add.php and install.php, the canvas pages, code_gen.php and
 * login_status.php. Each time: a developer goes on, anyone else gets "This application is not
 * available" (403); with installable=0 a newcomer is refused while someone who added the app
 * goes on. Sessions made before keep answering API calls, and a change of either setting or of
 * the developers applies from the next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, AppType } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { sectionById } from '../../src/features/developers/app-settings.js';
import { startScriptedAppServer, type ScriptedAppServer } from '../canvas/canvas-kit.js';
import { Browserless, pageText, type PageResponse } from '../support/browserless.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { formNames, loginPath, signedInBrowser, submitSignIn } from './page-kit.js';

const STORES = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

const SANDBOXED = 'is in sandbox mode: only its developers can use it for now.';
const CLOSED = 'is not taking new users: its developers have turned off “People can add this application”.';

function expectNotAvailable(page: PageResponse, reason: string): void {
  expect(page.status, pageText(page.body)).toBe(403);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const text = pageText(page.body);
  expect(text).toContain('This application is not available');
  expect(text).toContain(reason);
  expect(formNames(page)).not.toContain('grant');
}

describe.each(STORES)('$backend: sandbox mode and who can add', ({ backend, skip }) => {
  let server: TestServer;
  let appServer: ScriptedAppServer;
  let developer: Person;
  let devBrowser: Browserless;
  let apps = 0;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    appServer = await startScriptedAppServer();
    await server.services.canvas.changeSettings({ privateNetworks: '127.0.0.0/8,::1' });
    developer = await server.createPerson();
    devBrowser = await signedInBrowser(server, developer);
  });
  afterAll(async () => {
    await server?.services.notifier.settled();
    await server?.close();
    await appServer?.close();
  });

  /** An app with `developer` as its developer and the given settings, with canvas pages and a Connect site. */
  async function appWith(settings: { dev_mode?: number; installable?: number }, type: AppType = 'web'): Promise<App> {
    const n = ++apps;
    let app = await server.services.apps.register({ name: `Word Game ${n}`, type, callbackUrl: type === 'web' ? `${appServer.origin}/fb/` : null });
    if (type === 'web') app = await server.services.canvas.configure(app, { canvasName: `sandboxed${n}x${Date.now() % 100000}` });
    await server.services.developers.addDeveloper(app.appId, String(developer.uid));
    await server.services.appProperties.write(app, [...Object.entries(settings), ['connect_url', 'http://www.wordgame.example/']]);
    return app;
  }

  async function stranger(): Promise<{ person: Person; browser: Browserless }> {
    const person = await server.createPerson();
    return { person, browser: await signedInBrowser(server, person) };
  }

  /** Someone who added the app before its settings changed. */
  async function earlierUser(app: App): Promise<{ person: Person; browser: Browserless }> {
    const someone = await stranger();
    await server.services.grants.authorize(someone.person.uid, app);
    return someone;
  }

  const webLogin = (app: App, extra: Record<string, string> = {}) => loginPath({ api_key: app.apiKey, v: '1.0', ...extra });
  const isUser = (person: Person, app: App) => server.services.grants.isAppUser(person.uid, app.appId);

  it.skipIf(skip)('login.php: a developer is asked to allow the sandboxed app; anyone else is told it is not available, and nothing is granted', async () => {
    const app = await appWith({ dev_mode: 1 });
    const asked = await devBrowser.get(webLogin(app));
    expect(asked.status).toBe(200);
    expect(formNames(asked)).toContain('grant');
    const allowed = await devBrowser.submit(asked, { button: 'grant' });
    expect(allowed.status).toBe(302);
    expect(allowed.location).toMatch(new RegExp(`^${appServer.origin}/fb/\\?auth_token=[0-9a-f]{32}$`));

    const { person, browser } = await stranger();
    expectNotAvailable(await browser.get(webLogin(app)), `Word Game ${apps} ${SANDBOXED}`);
    // A forged Allow is refused the same way.
    const forged = await browser.post('/login.php', { api_key: app.apiKey, v: '1.0', grant: '1', csrf_token: browser.cookie('hearth_csrf') ?? '' });
    expectNotAvailable(forged, SANDBOXED);
    expect(await isUser(person, app)).toBe(false);
  });

  it.skipIf(skip)('login.php: a visitor gets the sign-in form, since a developer may be signing in; a stranger who signs in is refused', async () => {
    const app = await appWith({ dev_mode: 1 });
    const visitor = new Browserless(server.url);
    const form = await visitor.get(webLogin(app));
    expect(form.status).toBe(200);
    expect(formNames(form)).toContain('pass');
    const person = await server.createPerson();
    const signedIn = await submitSignIn(visitor, form, person);
    expectNotAvailable(await visitor.get(signedIn.location!), SANDBOXED);

    const devVisitor = new Browserless(server.url);
    const devSignedIn = await submitSignIn(devVisitor, await devVisitor.get(webLogin(app)), developer);
    expect(formNames(await devVisitor.get(devSignedIn.location!))).toContain('grant');
  });

  it.skipIf(skip)('login.php: even someone who allowed the app before it went into sandbox mode gets no new token, while their old session still answers API calls', async () => {
    const app = await appWith({});
    const { person, browser } = await earlierUser(app);
    const session = await server.services.sessions.createSession(app, person.uid, { withSecret: false });
    await server.client(app).call('admin.setAppProperties', { properties: { dev_mode: 1 } });
    expectNotAvailable(await browser.get(webLogin(app)), SANDBOXED);
    expect(await server.client(app).withSession({ sessionKey: session.sessionKey }).call('users.getLoggedInUser', {})).toBe(person.uid);
  });

  it.skipIf(skip)('login.php with installable=0: a newcomer is refused, someone who added the app goes on, and so does a developer', async () => {
    const app = await appWith({ installable: 0 });
    const { person, browser } = await stranger();
    expectNotAvailable(await browser.get(webLogin(app)), `Word Game ${apps} ${CLOSED}`);
    expect(await isUser(person, app)).toBe(false);

    const member = await earlierUser(app);
    const handedOver = await member.browser.get(webLogin(app));
    expect(handedOver.status).toBe(302);
    expect(handedOver.location).toMatch(/\?auth_token=[0-9a-f]{32}$/);
    expect(formNames(await devBrowser.get(webLogin(app)))).toContain('grant');
  });

  it.skipIf(skip)('login.php, Connect: the popup refuses a stranger without handing over a session; a developer gets one', async () => {
    const app = await appWith({ dev_mode: 1 });
    const connect = webLogin(app, { next: 'http://www.wordgame.example/done', return_session: '1', fbconnect: '1', connect_display: 'popup' });
    const { browser } = await stranger();
    const refused = await browser.get(connect);
    expectNotAvailable(refused, SANDBOXED);
    expect(refused.location).toBeUndefined();

    await server.services.grants.authorize(developer.uid, app);
    const connected = await devBrowser.get(connect);
    expect(connected.status).toBe(302);
    expect(new URL(connected.location!).searchParams.get('session')).toContain(`"uid":"${developer.uid}"`);
  });

  it.skipIf(skip)('login.php, desktop: a stranger who signs in on the form does not bind the token, so auth.getSession gets nothing', async () => {
    const program = await appWith({ dev_mode: 1 }, 'desktop');
    const token = await server.services.sessions.createToken(program);
    const visitor = new Browserless(server.url);
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, program);
    const signedIn = await submitSignIn(visitor, await visitor.get(webLogin(program, { auth_token: token })), person);
    expectNotAvailable(await visitor.get(signedIn.location!), SANDBOXED);
    expect(await server.services.sessions.tokenAwaitingSignIn(program, token)).toBe(true);

    const devToken = await server.services.sessions.createToken(program);
    const asked = await devBrowser.get(webLogin(program, { auth_token: devToken }));
    expect(formNames(asked)).toContain('grant');
  });

  it.skipIf(skip)('login.php with canvas: a stranger is refused; a developer who allows the app lands on its canvas page', async () => {
    const app = await appWith({ dev_mode: 1 });
    const canvas = webLogin(app, { canvas: '1', next: 'play.php' });
    expectNotAvailable(await (await stranger()).browser.get(canvas), SANDBOXED);
    const allowed = await devBrowser.submit(await devBrowser.get(canvas), { button: 'grant' });
    expect(allowed.location).toBe(`${server.url}/apps/${app.canvasName}/play.php?installed=1`);
  });

  it.skipIf(skip)('authorize.php and connect/prompt_permissions.php: a developer sees the prompt, a stranger is refused, and with installable=0 only a newcomer', async () => {
    const sandboxed = await appWith({ dev_mode: 1 });
    const closed = await appWith({ installable: 0 });
    await server.services.grants.authorize(developer.uid, sandboxed);
    const prompt = (app: App, path = '/authorize.php') => `${path}?${new URLSearchParams({ api_key: app.apiKey, v: '1.0', ext_perm: 'email' })}`;

    const devPrompt = await devBrowser.get(prompt(sandboxed));
    expect(devPrompt.status).toBe(200);
    expect(formNames(devPrompt)).toContain('grant');

    const { person, browser } = await stranger();
    for (const path of ['/authorize.php', '/connect/prompt_permissions.php']) expectNotAvailable(await browser.get(prompt(sandboxed, path)), SANDBOXED);
    const forged = await browser.post('/authorize.php', { api_key: sandboxed.apiKey, v: '1.0', ext_perm: 'email', grant: '1', csrf_token: browser.cookie('hearth_csrf') ?? '' });
    expectNotAvailable(forged, SANDBOXED);
    expect(await isUser(person, sandboxed)).toBe(false);

    expectNotAvailable(await browser.get(prompt(closed)), CLOSED);
    const member = await earlierUser(closed);
    expect(formNames(await member.browser.get(prompt(closed)))).toContain('grant');
  });

  it.skipIf(skip)('add.php and install.php: a stranger is refused at once; a developer and a visitor go on to login.php; with installable=0 a member goes on', async () => {
    const sandboxed = await appWith({ dev_mode: 1 });
    const closed = await appWith({ installable: 0 });
    const add = (app: App, path: string) => `${path}?api_key=${app.apiKey}&next=play.php`;
    const { browser } = await stranger();
    for (const path of ['/add.php', '/install.php']) {
      expectNotAvailable(await browser.get(add(sandboxed, path)), SANDBOXED);
      expectNotAvailable(await browser.get(add(closed, path)), CLOSED);
      const devGoesOn = await devBrowser.get(add(sandboxed, path));
      expect(devGoesOn.status).toBe(302);
      expect(devGoesOn.location).toBe(`${server.url}/login.php?api_key=${sandboxed.apiKey}&next=play.php&v=1.0&canvas=1`);
      expect((await new Browserless(server.url).get(add(sandboxed, path))).status).toBe(302);
    }
    const member = await earlierUser(closed);
    expect((await member.browser.get(add(closed, '/add.php'))).status).toBe(302);
  });

  it.skipIf(skip)('canvas pages of a sandboxed app: a visitor and a stranger get the page with no request to the app (the visitor a way to sign in); a developer gets the app', async () => {
    const app = await appWith({ dev_mode: 1 });
    const before = appServer.received.length;
    const visitor = await new Browserless(server.url).get(`/apps/${app.canvasName}/play.php?to=5`);
    expectNotAvailable(visitor, SANDBOXED);
    expect(visitor.body).toContain(`href="/login.php?api_key=${app.apiKey}&amp;v=1.0&amp;canvas=1&amp;next=play.php%3Fto%3D5"`);
    const strangerPage = await (await stranger()).browser.get(`/apps/${app.canvasName}/play.php`);
    expectNotAvailable(strangerPage, SANDBOXED);
    expect(strangerPage.body).not.toContain('/login.php');
    expect(appServer.received.length).toBe(before);

    const devPage = await devBrowser.get(`/apps/${app.canvasName}/play.php`);
    expect(devPage.status).toBe(200);
    expect(pageText(devPage.body)).toContain('The app at /fb/play.php');
  });

  it.skipIf(skip)('canvas pages with installable=0 are still shown to everyone: looking is not adding', async () => {
    const app = await appWith({ installable: 0 });
    const page = await new Browserless(server.url).get(`/apps/${app.canvasName}/`);
    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain('The app at /fb/');
  });

  it.skipIf(skip)('code_gen.php: a developer is asked to allow the program; a stranger is refused on GET and on Generate; with installable=0 a member gets Generate', async () => {
    const sandboxed = await appWith({ dev_mode: 1 }, 'desktop');
    const closed = await appWith({ installable: 0 }, 'desktop');
    const codeGen = (app: App) => `/code_gen.php?api_key=${app.apiKey}&v=1.0`;
    expect(formNames(await devBrowser.get(codeGen(sandboxed)))).toContain('grant');

    const { person, browser } = await stranger();
    await server.services.grants.authorize(person.uid, sandboxed);
    expectNotAvailable(await browser.get(codeGen(sandboxed)), SANDBOXED);
    const generate = await browser.post('/code_gen.php', { api_key: sandboxed.apiKey, v: '1.0', generate: '1', csrf_token: browser.cookie('hearth_csrf') ?? '' });
    expectNotAvailable(generate, SANDBOXED);
    expect(await server.store.sessionCodes.findFor(sandboxed.appId, person.uid, new Date())).toBeUndefined();

    expectNotAvailable(await browser.get(codeGen(closed)), CLOSED);
    const member = await earlierUser(closed);
    expect(formNames(await member.browser.get(codeGen(closed)))).toContain('generate');
  });

  it.skipIf(skip)('login_status.php: to anyone but a developer a sandboxed app is "not allowed", without a session, even for someone who allowed it before', async () => {
    const app = await appWith({});
    const receiver = 'http://www.wordgame.example/xd_receiver.htm';
    const status = `/extern/login_status.php?${new URLSearchParams({ api_key: app.apiKey, channel: receiver })}`;
    const stateOf = (page: PageResponse) => new URLSearchParams(new URL(page.location!).hash.slice(1));
    const { browser } = await earlierUser(app);
    expect(stateOf(await browser.get(status)).get('state')).toBe('1');

    await server.services.appProperties.write(app, [['dev_mode', 1]]);
    const hidden = stateOf(await browser.get(status));
    expect(hidden.get('state')).toBe('3');
    expect(hidden.has('session')).toBe(false);

    await server.services.grants.authorize(developer.uid, app);
    const connected = stateOf(await devBrowser.get(status));
    expect(connected.get('state')).toBe('1');
    expect(connected.get('session')).toContain(`"uid":"${developer.uid}"`);
  });

  it.skipIf(skip)('a change applies from the next request: sandbox mode on and off, and a new developer', async () => {
    const app = await appWith({});
    const { person, browser } = await stranger();
    const canvas = `/apps/${app.canvasName}/`;
    expect((await browser.get(canvas)).status).toBe(200);
    await server.services.appProperties.write(app, [['dev_mode', 1]]);
    expectNotAvailable(await browser.get(canvas), SANDBOXED);
    await server.services.developers.addDeveloper(app.appId, String(person.uid));
    expect((await browser.get(canvas)).status).toBe(200);
    await server.services.developers.removeDeveloper(app.appId, person.uid, { keepOne: true });
    expectNotAvailable(await browser.get(canvas), SANDBOXED);
    await server.services.appProperties.write(app, [['dev_mode', 0]]);
    expect((await browser.get(canvas)).status).toBe(200);
    // The Advanced form of the settings page, with its sandbox box ticked.
    const saved = await server.services.developers.save(app, sectionById('advanced')!, new Map([['desktop', '0'], ['dev_mode', 'on']]));
    expect('saved' in saved).toBe(true);
    expectNotAvailable(await browser.get(canvas), SANDBOXED);
  });

  it.skipIf(skip)('an app made on /developers/ starts in sandbox mode: its maker may authorize it, nobody else', async () => {
    const app = await server.services.developers.create(developer.uid, 'Fresh Game');
    const prompt = `/authorize.php?api_key=${app.apiKey}&v=1.0&ext_perm=email`;
    expect(formNames(await devBrowser.get(prompt))).toContain('grant');
    expectNotAvailable(await (await stranger()).browser.get(prompt), `Fresh Game ${SANDBOXED}`);
  });

  it.skipIf(skip)('an app registered without these settings (hearth app create, the demo app) is open to everyone, and says installable=1', async () => {
    const app = await server.services.apps.register({ name: 'Open Game', type: 'web', callbackUrl: `${appServer.origin}/fb/` });
    const { browser } = await stranger();
    expect(formNames(await browser.get(webLogin(app)))).toContain('grant');
    expect(JSON.parse(await server.services.appProperties.read(app, ['dev_mode', 'installable']))).toEqual({ dev_mode: 0, installable: 1 });
  });
});
