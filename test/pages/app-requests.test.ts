/**
 * What fb:request-form sends, on both stores: the canvas page's form leads to the confirmation
 * ("Send this request to N friends?", the request as recipients will see it), which keeps only the
 * sender's friends and holds the day's allowance; Send stores the requests and goes on to the
 * form's action with ids[], Cancel without; the action may only be the app's own; Send needs the
 * CSRF token; /reqs.php shows the requests by app, a choice answers one and leads to its address,
 * Ignore answers it; removing the app and 30 days take them away; the app's markup stays inert.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { purgeExpired } from '../../src/platform.js';
import { Browserless, pageText, parseForms, type PageResponse } from '../support/browserless.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { canvasApp, startScriptedAppServer, type ScriptedAppServer } from '../canvas/canvas-kit.js';
import { signedInBrowser } from './page-kit.js';

const SUBMIT_PATH = '/fbml/request_form_submit.php';

/** The request items of reqs.php, as text. */
function requestsText(page: PageResponse): string[] {
  return [...page.body.matchAll(/<li class="note-item request-item"[\s\S]*?<\/li>/g)].map((match) => pageText(match[0]));
}

function topBarCount(page: PageResponse): string | undefined {
  return /<a href="\/reqs\.php">Requests(?: <span class="topbar-count">(\d+)<\/span>)?<\/a>/.exec(page.body)?.[1] ?? (page.body.includes('<a href="/reqs.php">Requests</a>') ? '0' : undefined);
}

for (const { backend, skip } of [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
]) describe.skipIf(skip)(`${backend}: app requests`, () => {
  let server: TestServer;
  let appServer: ScriptedAppServer;
  let app: App;
  let ada: Person, bob: Person, cleo: Person, dan: Person;
  let browsers: { ada: Browserless; bob: Browserless; cleo: Browserless; nobody: Browserless };

  beforeAll(async () => {
    server = await startTestServer({ backend });
    appServer = await startScriptedAppServer();
    app = await canvasApp(server, `${appServer.origin}/fb/`);
    ada = await server.createPerson('Ada Lovelace');
    bob = await server.createPerson('Bob Bobson');
    cleo = await server.createPerson('Cleo Cleary');
    dan = await server.createPerson('Dan Dennett');
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    await server.services.friends.addDirectly(ada.uid, cleo.uid);
    browsers = { ada: await signedInBrowser(server, ada), bob: await signedInBrowser(server, bob), cleo: await signedInBrowser(server, cleo), nobody: new Browserless(server.url) };
  });
  afterAll(async () => {
    await appServer?.close();
    await server?.close();
  });

  /** The fields fb:request-form posts, with these recipients (`ids[]`) and changes. */
  function requestForm(ids: readonly number[], changes: Record<string, string> = {}): Array<[string, string]> {
    const fields: Record<string, string> = {
      app_id: String(app.appId),
      type: 'Quiz',
      content: 'Take my <b>quiz</b>, <fb:name uid="loggedinuser" useyou="false"/>! <fb:req-choice url="http://apps.facebook.com/NAME/take.php" label="Take the quiz"/>'.replace('NAME', app.canvasName!),
      invite: '0',
      action: `/apps/${app.canvasName}/invite.php?step=2`,
      method: 'post',
      ...changes,
    };
    return [...Object.entries(fields), ...ids.map((uid): [string, string] => ['ids[]', String(uid)])];
  }

  async function confirmation(who: Browserless, ids: readonly number[], changes: Record<string, string> = {}): Promise<PageResponse> {
    return who.post(SUBMIT_PATH, requestForm(ids, changes));
  }

  async function waitingFor(person: Person): Promise<number> {
    return server.services.appRequests.waitingCount(person.uid);
  }

  it('the canvas page’s fb:request-form posts here, and the sender is asked to confirm: only friends, the request as they will see it', async () => {
    appServer.answer = (_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<fb:request-form type="Quiz" invite="false" action="invite.php" content="Take my quiz &lt;fb:req-choice url=&quot;take.php&quot; label=&quot;Go&quot;/&gt;"><fb:multi-friend-selector actiontext="Invite friends" max="5"/></fb:request-form>`,
      );
    const canvas = await browsers.ada.get(`/apps/${app.canvasName}/`);
    expect(canvas.status).toBe(200);
    expect(canvas.body).toContain(`<input type="checkbox" name="ids[]" value="${bob.uid}">`);
    const [form] = parseForms(canvas.body).filter((candidate) => candidate.action === SUBMIT_PATH);
    expect(form).toBeDefined();
    // As a browser sends it: the hidden fields, then the friends ticked — and a stranger and the sender added by hand.
    const page = await browsers.ada.post(SUBMIT_PATH, [...form!.fields, ['ids[]', String(bob.uid)], ['ids[]', String(dan.uid)], ['ids[]', String(ada.uid)], ['ids[]', String(cleo.uid)], ['ids[]', 'x']]);
    expect(page.status).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('Send this request to 2 friends?');
    expect(text).toContain('Hearth Demo · Quiz request');
    expect(text).toContain('To Bob Bobson, Cleo Cleary');
    expect(text).not.toContain('Dan Dennett');
    expect(text).toContain('Ada Lovelace sent you a Quiz request. Take my quiz Go Ignore');
    expect(page.body).toContain('name="csrf_token"');
    const hidden = parseForms(page.body).find((candidate) => candidate.buttons.some((button) => button.name === 'confirm_send'))!;
    expect(hidden.fields.filter(([name]) => name === 'ids[]').map(([, value]) => Number(value))).toEqual([bob.uid, cleo.uid]);
    expect(hidden.fields).toContainEqual(['action', `${server.url}/apps/${app.canvasName}/invite.php`]);
    // Nothing was sent yet.
    expect(await waitingFor(bob)).toBe(0);
  });

  it('Send stores one request per friend and goes on to the action, POSTing ids[] of who got it (only those); reqs.php and the top bar show it', async () => {
    const page = await confirmation(browsers.ada, [bob.uid, dan.uid]);
    const sent = await browsers.ada.submit(page, { button: 'confirm_send' });
    expect(sent.status).toBe(200);
    expect(pageText(sent.body)).toContain('Your request is sent Hearth Demo sent it to 1 friend.');
    const [carryOn] = parseForms(sent.body);
    expect(carryOn).toMatchObject({ method: 'post', action: `${server.url}/apps/${app.canvasName}/invite.php?step=2` });
    // No field of Hearth's (its form token above all) goes to the app: who got it, nothing else.
    expect(carryOn!.fields).toEqual([['ids[]', String(bob.uid)]]);
    const posted = await browsers.ada.submit(sent, { button: '' });
    expect(posted.status).toBe(200);
    expect(appServer.received.at(-1)).toMatchObject({ method: 'POST', url: '/fb/invite.php?step=2' });
    expect(appServer.received.at(-1)!.fields).toContainEqual(['ids[]', String(bob.uid)]);
    expect(await waitingFor(bob)).toBe(1);
    expect(await waitingFor(dan)).toBe(0);

    const requests = await browsers.bob.get('/reqs.php');
    expect(requests.status).toBe(200);
    expect(topBarCount(requests)).toBe('1');
    expect(pageText(requests.body)).toContain('Requests Hearth Demo');
    expect(requestsText(requests)).toEqual([expect.stringMatching(/^Ada Lovelace sent you a Quiz request\. · .* UTC Take my quiz, Bob Bobson! Take the quiz Ignore$/)]);
    expect(requests.body).toContain('<b>quiz</b>');
    // The sender sees none of their own.
    expect(requestsText(await browsers.ada.get('/reqs.php'))).toEqual([]);
    expect(topBarCount(await browsers.ada.get('/reqs.php'))).toBe('0');
  });

  it('Cancel goes to the action without ids and sends nothing; nobody chosen is said so', async () => {
    const before = await waitingFor(cleo);
    const page = await confirmation(browsers.ada, [cleo.uid]);
    const cancelled = await browsers.ada.submit(page, { button: 'confirm_cancel' });
    expect(cancelled.status).toBe(303);
    expect(cancelled.location).toBe(`${server.url}/apps/${app.canvasName}/invite.php?step=2`);
    expect(await waitingFor(cleo)).toBe(before);

    const none = await confirmation(browsers.ada, [dan.uid]);
    expect(none.status).toBe(200);
    expect(pageText(none.body)).toContain('No one to send this request to Choose at least one of your friends to send this request to.');
    expect(none.body).toContain(`<a class="button secondary" href="${server.url}/apps/${app.canvasName}/invite.php?step=2">Back to Hearth Demo</a>`);
    expect(none.body).not.toContain('confirm_send');
  });

  it('the browser is sent only to the app’s canvas or callback URL', async () => {
    const canvas = `${server.url}/apps/${app.canvasName}/`;
    const goes = async (action: string) => {
      const page = await confirmation(browsers.ada, [], { action });
      return (await browsers.ada.post(SUBMIT_PATH, [...requestForm([], { action }), ['confirm_cancel', '1']])).location ?? `${page.status}`;
    };
    expect(await goes('done.php?x=1')).toBe(`${canvas}done.php?x=1`);
    expect(await goes(`${appServer.origin}/fb/thanks.php`)).toBe(`${canvas}thanks.php`);
    expect(await goes(`http://apps.facebook.com/${app.canvasName}/thanks.php`)).toBe(`${canvas}thanks.php`);
    expect(await goes(`/${app.canvasName}/short.php`)).toBe(`${server.url}/${app.canvasName}/short.php`);
    expect(await goes('')).toBe(canvas);
    for (const away of ['http://evil.example/', '//evil.example/x', 'javascript:alert(1)', '/home.php', '/apps/someotherapp/', `${appServer.origin}/elsewhere/`, `http://user@apps.facebook.com/${app.canvasName}/`]) {
      const refused = await browsers.ada.post(SUBMIT_PATH, [...requestForm([bob.uid], { action: away }), ['confirm_cancel', '1']]);
      expect(refused.status, away).toBe(400);
      expect(pageText(refused.body)).toContain('This request form of Hearth Demo leads to a page outside the application, so Hearth will not send it.');
    }
  });

  it('Send needs the CSRF token, a form from another site is refused, a visitor is asked to sign in first', async () => {
    const before = await waitingFor(cleo);
    const forged = await browsers.ada.post(SUBMIT_PATH, [...requestForm([cleo.uid]), ['confirm_send', '1']]);
    expect(forged.status).toBe(403);
    expect(pageText(forged.body)).toContain('This form has expired');
    const wrong = await browsers.ada.post(SUBMIT_PATH, [...requestForm([cleo.uid]), ['confirm_send', '1'], ['csrf_token', 'x'.repeat(43)]]);
    expect(wrong.status).toBe(403);
    const elsewhere = new Browserless(server.url, { origin: 'http://evil.example' });
    elsewhere.setCookie('hearth_login', browsers.ada.cookie('hearth_login')!);
    expect((await elsewhere.post(SUBMIT_PATH, requestForm([cleo.uid]))).status).toBe(403);
    expect(await waitingFor(cleo)).toBe(before);

    const visitor = await confirmation(browsers.nobody, [cleo.uid]);
    expect(visitor.status).toBe(303);
    const login = new URL(visitor.location!);
    expect(login.pathname).toBe('/login.php');
    expect(login.searchParams.get('api_key')).toBe(app.apiKey);
    expect(login.searchParams.get('canvas')).toBe('1');
    expect(login.searchParams.get('next')).toBe(`${server.url}/apps/${app.canvasName}/invite.php?step=2`);

    expect((await browsers.ada.get(SUBMIT_PATH)).status).toBe(400);
    expect((await confirmation(browsers.ada, [cleo.uid], { app_id: '999999' })).status).toBe(404);
    const long = await confirmation(browsers.ada, [cleo.uid], { content: 'x'.repeat(10_001) });
    expect(long.status).toBe(400);
    expect(pageText(long.body)).toContain("Hearth cannot send this request: the request's content is longer than 10000 characters.");
    const wordy = await confirmation(browsers.ada, [cleo.uid], { type: 'Q'.repeat(101) });
    expect(pageText(wordy.body)).toContain("Hearth cannot send this request: the request's type is longer than 100 characters.");
    const signIn = await browsers.nobody.get('/reqs.php');
    expect(signIn.status).toBe(200);
    expect(pageText(signIn.body)).toContain('Sign in to see the requests and invitations your friends sent you through applications.');
  });

  it('reqs.php: a choice answers the request and leads to its address; Ignore answers it; nobody answers another’s', async () => {
    const invite = await confirmation(browsers.ada, [cleo.uid], {
      type: 'Garden',
      invite: '1',
      content: `Grow with me <fb:req-choice url="${appServer.origin}/fb/accept.php?from=ada" label="Join"/><fb:req-choice url="javascript:alert(1)" label="Evil"/><fb:req-choice url="https://example.org/info" label="Read more"/>`,
    });
    expect(pageText(invite.body)).toContain('Send this invitation to 1 friend?');
    await browsers.ada.submit(invite, { button: 'confirm_send' });
    await browsers.ada.submit(await confirmation(browsers.ada, [cleo.uid], { type: 'Quiz', content: 'Second' }), { button: 'confirm_send' });

    const page = await browsers.cleo.get('/reqs.php');
    expect(topBarCount(page)).toBe('2');
    expect(requestsText(page).map((text) => text.replace(/ · .* UTC/, ''))).toEqual(['Ada Lovelace sent you a Quiz request. Second Ignore', 'Ada Lovelace sent you a Garden invitation. Grow with me Join Read more Ignore']);
    expect(page.body).not.toContain('Evil');
    expect(page.body).not.toContain('javascript:');

    const ids = [...page.body.matchAll(/data-request="(\d+)"/g)].map((match) => match[1]!);
    // Bob cannot answer Cleo's request.
    const stolen = await browsers.bob.post('/reqs.php', { request_id: ids[1]!, ignore: '1', csrf_token: browsers.bob.cookie('hearth_csrf')! });
    expect(stolen.status).toBe(404);

    const forms = parseForms(page.body);
    const join = await browsers.cleo.post('/reqs.php', [...forms.find((form) => form.fields.some(([, value]) => value === ids[1]))!.fields, ['accept', '0']]);
    expect(join.status).toBe(303);
    expect(join.location).toBe(`${server.url}/apps/${app.canvasName}/accept.php?from=ada`);
    const again = await browsers.cleo.post('/reqs.php', [...forms.find((form) => form.fields.some(([, value]) => value === ids[1]))!.fields, ['accept', '0']]);
    expect(again.status).toBe(404);
    expect(pageText(again.body)).toContain('This request was answered already, or it is not one of yours.');

    const ignored = await browsers.cleo.post('/reqs.php', [...forms.find((form) => form.fields.some(([, value]) => value === ids[0]))!.fields, ['ignore', '1']]);
    expect(ignored.status).toBe(303);
    expect(ignored.location).toBe(`${server.url}/reqs.php`);
    const after = await browsers.cleo.get('/reqs.php');
    expect(requestsText(after)).toEqual([]);
    expect(pageText(after.body)).toContain('No requests waiting for you.');
    expect(topBarCount(after)).toBe('0');

    const forged = await browsers.cleo.post('/reqs.php', { request_id: ids[0]!, ignore: '1' });
    expect(forged.status).toBe(403);
  });

  it('the daily allowance: the first friends chosen get it, answered requests still count, and then none until tomorrow', async () => {
    const sender = await server.createPerson('Sam Sender');
    const friends: Person[] = [];
    for (let i = 0; i < 23; i++) {
      const friend = await server.createPerson(`Friend ${String(i).padStart(2, '0')}`);
      await server.services.friends.addDirectly(sender.uid, friend.uid);
      friends.push(friend);
    }
    const browser = await signedInBrowser(server, sender);
    const first = await confirmation(browser, friends.slice(0, 18).map((friend) => friend.uid));
    expect(pageText(first.body)).toContain('Send this request to 18 friends?');
    await browser.submit(first, { button: 'confirm_send' });
    // An answered request still counts for the day.
    const [answered] = await server.services.appRequests.waiting(friends[0]!.uid);
    await server.services.appRequests.answer(friends[0]!.uid, answered!.requestId);

    const capped = await confirmation(browser, [dan.uid, ...friends.slice(18).map((friend) => friend.uid)]);
    const text = pageText(capped.body);
    expect(text).toContain('Send this request to 2 friends?');
    expect(text).toContain('To Friend 18, Friend 19');
    expect(text).toContain('Hearth Demo may send 20 requests a day for you, so 3 friends you chose will not get this one.');
    // The form may name them all: Send holds the allowance again.
    const sent = await browser.post(SUBMIT_PATH, [...parseForms(capped.body)[0]!.fields, ...friends.slice(20).map((friend): [string, string] => ['ids[]', String(friend.uid)]), ['confirm_send', '1']]);
    expect(parseForms(sent.body)[0]!.fields).toEqual([['ids[]', String(friends[18]!.uid)], ['ids[]', String(friends[19]!.uid)]]);
    expect(await waitingFor(friends[20]!)).toBe(0);

    const none = await confirmation(browser, [friends[22]!.uid]);
    expect(pageText(none.body)).toContain('You have sent all 20 requests Hearth Demo may send for you today. Try again tomorrow.');
    // Another app has an allowance of its own.
    const other = await canvasApp(server, `${appServer.origin}/other/`);
    const elsewhere = await browser.post(SUBMIT_PATH, requestForm([friends[22]!.uid], { app_id: String(other.appId), action: `/apps/${other.canvasName}/` }));
    expect(pageText(elsewhere.body)).toContain('Send this request to 1 friend?');
  });

  it('the app’s markup in a request stays inert, on the confirmation and on reqs.php', async () => {
    const evil = `<script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)" onclick="alert(4)">link</a><div style="color:red">red</div><fb:req-choice url="&quot;&gt;&lt;script&gt;alert(5)&lt;/script&gt;" label="&lt;script&gt;alert(6)&lt;/script&gt;"/>`;
    const page = await confirmation(browsers.ada, [bob.uid], { type: '<i>Quiz</i>', content: evil });
    const sent = await browsers.ada.submit(page, { button: 'confirm_send' });
    expect(sent.status).toBe(200);
    const requests = await browsers.bob.get('/reqs.php');
    for (const shown of [page, requests]) {
      // The confirmation carries the FBML along in an attribute, escaped; nothing else may hold it.
      const outsideTheField = shown.body.replace(/<input type="hidden" name="content" value="[^"]*">/, '');
      expect(outsideTheField).not.toMatch(/<script>alert|onerror|onclick|javascript:|alert\(5\)/);
      expect(shown.body).toContain('&lt;i&gt;Quiz&lt;/i&gt;');
      expect(shown.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(shown.headers.get('content-security-policy')).not.toContain('script-src');
    }
    // The choice's label is text; its address, relative, is a page of the canvas.
    expect(requestsText(requests)[0]).toMatch(/link red <script>alert\(6\)<\/script> Ignore$/);
    expect(requests.body).toContain('value="0">&lt;script&gt;alert(6)&lt;/script&gt;</button>');
  });

  it('requests go when the person removes the app, and after 30 days', async () => {
    await browsers.ada.submit(await confirmation(browsers.ada, [bob.uid, cleo.uid], { content: 'Going soon' }), { button: 'confirm_send' });
    const bobsBefore = await waitingFor(bob);
    const cleosBefore = await waitingFor(cleo);
    await server.services.grants.authorize(bob.uid, app);
    await server.services.grants.revoke(bob.uid, app, 'person');
    expect(await waitingFor(bob)).toBe(0);
    expect(requestsText(await browsers.bob.get('/reqs.php'))).toEqual([]);
    expect(await waitingFor(cleo)).toBe(cleosBefore);
    expect(bobsBefore).toBeGreaterThan(0);

    await purgeExpired(server.store, new Date(Date.now() + 29 * 86_400_000));
    expect(await waitingFor(cleo)).toBe(cleosBefore);
    await purgeExpired(server.store, new Date(Date.now() + 31 * 86_400_000));
    expect(await server.services.appRequests.waitingCount(cleo.uid, new Date(Date.now() - 86_400_000))).toBe(0);
  });

  it('with method="get", Send goes to the action with ids[] in its query', async () => {
    const other = await canvasApp(server, `${appServer.origin}/fb/`);
    const eve = await server.createPerson('Eve Sender');
    await server.services.friends.addDirectly(eve.uid, cleo.uid);
    const browser = await signedInBrowser(server, eve);
    const page = await confirmation(browser, [cleo.uid], { method: 'get', app_id: String(other.appId), action: `/apps/${other.canvasName}/invite.php?step=2` });
    const sent = await browser.submit(page, { button: 'confirm_send' });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`${server.url}/apps/${other.canvasName}/invite.php?step=2&ids%5B%5D=${cleo.uid}`);
  });
});
