/**
 * fb:request-form in Chromium, without script, on both stores: on an FBML canvas page a person
 * ticks two friends in fb:multi-friend-selector and sends; Hearth asks them to confirm, and Send
 * takes them back to the app's page, which learns from ids[] who got it. The friend sees the
 * request counted in the top bar, opens /reqs.php and presses its fb:req-choice button, which
 * leads to the app's canvas page and takes the request away; Ignore takes away the other.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { browserSuiteOnBothStores } from '../support/browser-suite.js';
import { canvasApp, startScriptedAppServer, type ScriptedAppServer } from '../canvas/canvas-kit.js';

browserSuiteOnBothStores('app requests', (world) => {
  let appServer: ScriptedAppServer;
  let app: App;
  beforeAll(async () => {
    appServer = await startScriptedAppServer();
    app = await canvasApp(world.server, `${appServer.origin}/fb/`);
    appServer.answer = (request, response) => {
      const url = new URL(request.url, 'http://app.invalid');
      // As a PHP app reads $_POST['ids'] (the request form's default method is post).
      const ids = request.fields.filter(([name]) => name === 'ids[]').map(([, value]) => value);
      const page =
        url.pathname === '/fb/invite.php'
          ? `<fb:request-form type="Quiz" action="invite.php?done=1" content="Take my quiz! &lt;fb:req-choice url=&quot;http://apps.facebook.com/${app.canvasName}/take.php&quot; label=&quot;Take the quiz&quot;/&gt;">` +
            `<fb:multi-friend-selector actiontext="Invite your friends to the quiz" max="5"/></fb:request-form>` +
            `<p id="outcome">done=${url.searchParams.get('done') ?? ''} sent to ${ids.length}: ${ids.join(',')}</p>`
          : `<p id="outcome">The app at ${url.pathname}</p>`;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    };
  });
  afterAll(() => appServer?.close());
  /** The app's paragraph, its id prefixed as the renderer does for every app element. */
  const outcome = () => `#app${app.appId}_outcome`;

  it('a request sent from a canvas page, confirmed, and answered by its recipients', async () => {
    const [ada, bob, cleo] = await Promise.all([world.server.createPerson('Ada Lovelace'), world.server.createPerson('Bob Bobson'), world.server.createPerson('Cleo Cleary')]);
    await world.server.services.friends.addDirectly(ada.uid, bob.uid);
    await world.server.services.friends.addDirectly(ada.uid, cleo.uid);

    const sender = await world.signedInPage(ada);
    await sender.goto(`${world.server.url}/apps/${app.canvasName}/invite.php`);
    expect(await sender.textContent('.fbml-friend-selector-title')).toBe('Invite your friends to the quiz');
    await sender.check(`input[name="ids[]"][value="${bob.uid}"]`);
    await sender.check(`input[name="ids[]"][value="${cleo.uid}"]`);
    await sender.click('input[type=submit][value="Send Quiz Request"]');
    await sender.waitForSelector('button[name=confirm_send]');
    expect(new URL(sender.url()).pathname).toBe('/fbml/request_form_submit.php');
    expect(await sender.textContent('h1')).toBe('Send this request to 2 friends?');
    expect(await sender.textContent('.request-preview')).toContain('Ada Lovelace sent you a Quiz request.');
    expect(await sender.textContent('.request-content')).toContain('Take my quiz!');
    await sender.click('button[name=confirm_send]');
    expect(await sender.textContent('h1')).toBe('Your request is sent');
    await sender.click('form.request-carry-on button[type=submit]');
    await sender.waitForSelector(outcome());
    expect(new URL(sender.url()).pathname).toBe(`/apps/${app.canvasName}/invite.php`);
    expect(await sender.textContent(outcome())).toBe(`done=1 sent to 2: ${bob.uid},${cleo.uid}`);

    const friend = await world.signedInPage(bob);
    expect(await friend.textContent('.topbar-links a[href="/reqs.php"]')).toBe('Requests 1');
    await friend.click('.topbar-links a[href="/reqs.php"]');
    const item = friend.locator('.request-item');
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain('Ada Lovelace sent you a Quiz request.');
    await friend.click('button:has-text("Take the quiz")');
    await friend.waitForSelector(outcome());
    expect(friend.url()).toBe(`${world.server.url}/apps/${app.canvasName}/take.php`);
    expect(await friend.textContent(outcome())).toBe('The app at /fb/take.php');
    await friend.goto(`${world.server.url}/reqs.php`);
    expect(await friend.textContent('main')).toContain('No requests waiting for you.');
    expect(await friend.textContent('.topbar-links a[href="/reqs.php"]')).toBe('Requests');

    const other = await world.signedInPage(cleo);
    await other.goto(`${world.server.url}/reqs.php`);
    await other.click('button[name=ignore]');
    await other.waitForSelector('h1');
    expect(new URL(other.url()).pathname).toBe('/reqs.php');
    expect(await other.textContent('main')).toContain('No requests waiting for you.');
  });

  it('Cancel on the confirmation goes back to the app’s page without ids, and nothing is sent', async () => {
    const [sam, tia] = await Promise.all([world.server.createPerson('Sam Sender'), world.server.createPerson('Tia Friend')]);
    await world.server.services.friends.addDirectly(sam.uid, tia.uid);
    const page = await world.signedInPage(sam);
    await page.goto(`${world.server.url}/apps/${app.canvasName}/invite.php`);
    await page.check(`input[name="ids[]"][value="${tia.uid}"]`);
    await page.click('input[type=submit][value="Send Quiz Request"]');
    await page.click('button[name=confirm_cancel]');
    await page.waitForSelector(outcome());
    expect(await page.textContent(outcome())).toBe('done=1 sent to 0: ');
    expect(await world.server.services.appRequests.waitingCount(tia.uid)).toBe(0);
  });
});
