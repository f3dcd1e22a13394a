/**
 * notifications.send on both backends: the answer (the uids notified, comma-separated) in XML and
 * JSON, who may be notified of each kind, the name in front of a person's notification, the
 * stripped-down FBML, the allocations (the first recipients get it, the rest are left out), and
 * every refusal with its code and message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import { BACKENDS, circle, clientOf, grant, sessionless, xmlDocument, type StreamCast } from './stream.setup.js';
import { expectError } from './protocol-helpers.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import type { App } from '../../src/features/apps/records.js';
import { allocationOf } from '../../src/features/apps/allocations.js';

const METHOD = 'notifications.send';
type Args = Readonly<Record<string, string | number>>;

describe.each(BACKENDS)('$backend: notifications.send', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let desktop: App;
  let cast: Pick<StreamCast, 'ada' | 'bob' | 'cleo' | 'dan'>;
  let ada: { xml: RestClient; json: RestClient };

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    [web, desktop] = [await server.createApp('web'), await server.createApp('desktop')];
    cast = await circle(server);
    ada = { xml: await clientOf(server, web, cast.ada, []), json: await clientOf(server, web, cast.ada, [], 'json') };
  });
  afterAll(() => server?.close());

  const call = (client: RestClient, args: Args, format: 'xml' | 'json') => client.callRaw(METHOD, args, { format });
  const fails = async (clients: { xml: RestClient; json: RestClient }, args: Args, code: number, message: string | RegExp) => {
    for (const format of ['xml', 'json'] as const) expectError(await call(clients[format], args, format), format, code, message);
  };
  const titles = async (uid: number) => (await server.services.notifications.received(uid, { includeRead: true })).map((notification) => notification.titleText);

  it.skipIf(skip)('xml and json: the uids notified, comma-separated, in the order named; a stranger to the sender and the app is left out', async () => {
    const { bob, cleo, dan } = cast;
    expect((await call(ada.xml, { to_ids: `${bob.uid},${dan.uid},${cleo.uid}`, notification: 'sent you a gear.' }, 'xml')).body).toBe(
      xmlDocument('notifications_send_response', `${bob.uid},${cleo.uid}`),
    );
    expect((await call(ada.json, { to_ids: JSON.stringify([cleo.uid, bob.uid]), notification: 'sent you a cog.' }, 'json')).body).toBe(`"${cleo.uid},${bob.uid}"`);
    expect(await titles(bob.uid)).toEqual(['Ada Lovelace sent you a cog.', 'Ada Lovelace sent you a gear.']);
    expect(await titles(dan.uid)).toEqual([]);
    expect((await call(ada.json, { to_ids: dan.uid, notification: 'hello' }, 'json')).body).toBe('""');
    expect((await call(ada.xml, { to_ids: dan.uid, notification: 'hello' }, 'xml')).body).toBe(xmlDocument('notifications_send_response', ''));
  });

  it.skipIf(skip)('user_to_user: the sender’s name, linked, comes first; no to_ids notifies the sender alone, without the name', async () => {
    const { bob } = cast;
    const [before] = await server.services.notifications.received(bob.uid, { includeRead: true });
    await call(ada.json, { to_ids: bob.uid, notification: 'poked <fb:pronoun uid="profileowner" objective="true"/>… <a href="http://example.org/gears">see</a>' }, 'json');
    const [latest] = await server.services.notifications.received(bob.uid, { includeRead: true });
    expect(latest!.notificationId).not.toBe(before?.notificationId);
    expect(latest!.titleHtml).toBe(`<a href="/profile.php?id=${cast.ada.uid}">Ada Lovelace</a> poked them… <a href="http://example.org/gears">see</a>`);
    expect(latest!.sender).toBe(cast.ada.uid);
    expect((await call(ada.json, { notification: 'Your turn.' }, 'json')).body).toBe(`"${cast.ada.uid}"`);
    expect(await titles(cast.ada.uid)).toContain('Your turn.');
  });

  it.skipIf(skip)('stripped-down FBML: text, links, fb:name and fb:pronoun stay; other tags give up their words or go with what they hold', async () => {
    const eve = await server.createPerson('Eve Markup');
    await server.services.friends.addDirectly(eve.uid, cast.ada.uid);
    const fbml = `<b>bold</b> <script>alert(1)</script><fb:if-is-app-user>secret</fb:if-is-app-user> <img src="http://example.org/x.png"> <a href="javascript:alert(1)" onclick="x()">click</a> <fb:name uid="${eve.uid}" useyou="false"/>`;
    expect((await call(ada.json, { to_ids: eve.uid, notification: fbml }, 'json')).body).toBe(`"${eve.uid}"`);
    const [notification] = await server.services.notifications.received(eve.uid, { includeRead: true });
    expect(notification!.titleHtml).not.toMatch(/<script|<b>|<img|onclick|javascript|secret/);
    expect(notification!.titleHtml).toContain(`<a href="/profile.php?id=${eve.uid}">Eve Markup</a>`);
    expect(notification!.titleText).toBe('Ada Lovelace bold click Eve Markup');
  });

  it.skipIf(skip)('app_to_user: only people who authorized the app, from the app itself (no name), without a session too', async () => {
    const { bob, dan } = cast;
    await grant(server, web, bob);
    const app = { xml: sessionless(server, web), json: sessionless(server, web) };
    expect((await call(app.json, { to_ids: `${dan.uid},${bob.uid}`, notification: 'Gears are on sale.' }, 'json')).body).toBe(`"${bob.uid}"`);
    expect((await call(ada.xml, { to_ids: bob.uid, notification: 'New gears.', type: 'app_to_user' }, 'xml')).body).toBe(xmlDocument('notifications_send_response', `${bob.uid}`));
    const [latest] = await server.services.notifications.received(bob.uid, { includeRead: true });
    expect(latest).toMatchObject({ titleText: 'New gears.', sender: null, kind: 'app_to_user' });
  });

  it.skipIf(skip)('allocations: a sender’s notifications_per_day and a recipient’s announcement_notifications_per_week; the first named get it', async () => {
    const perDay = allocationOf(web.appId, 'notifications_per_day');
    const perWeek = allocationOf(web.appId, 'announcement_notifications_per_week');
    const sender = await server.createPerson('Sam Sender');
    const friends = await Promise.all(Array.from({ length: 3 }, (_, n) => server.createPerson(`Friend Number${n}`)));
    for (const friend of friends) await server.services.friends.addDirectly(sender.uid, friend.uid);
    const client = await clientOf(server, web, sender, [], 'json');
    const [f0, f1, f2] = friends.map((friend) => friend.uid) as [number, number, number];
    for (let n = 0; n < perDay - 2; n++) await call(client, { to_ids: f0, notification: `n${n}` }, 'json');
    expect((await call(client, { to_ids: `${f1},${f2},${f0}`, notification: 'last ones' }, 'json')).body).toBe(`"${f1},${f2}"`);
    expect((await call(client, { to_ids: f0, notification: 'over' }, 'json')).body).toBe('""');
    // Another app has an allocation of its own.
    const other = await server.createApp('web');
    expect((await call(await clientOf(server, other, sender, [], 'json'), { to_ids: f0, notification: 'elsewhere' }, 'json')).body).toBe(`"${f0}"`);

    const fan = await server.createPerson('Fran Announced');
    const fresh = await server.createPerson('Fred Fresh');
    await grant(server, web, fan);
    await grant(server, web, fresh);
    const app = sessionless(server, web);
    for (let n = 0; n < perWeek; n++) await call(app, { to_ids: fan.uid, notification: `news ${n}` }, 'json');
    expect((await call(app, { to_ids: `${fan.uid},${fresh.uid}`, notification: 'more news' }, 'json')).body).toBe(`"${fresh.uid}"`);
  });

  it.skipIf(skip)('refuses: no notification 100, one with nothing to show 100, bad to_ids 114, a bad type 100, no recipients without a session 100', async () => {
    await fails(ada, { to_ids: cast.bob.uid }, 100, /^Invalid parameter \(notification/);
    await fails(ada, { to_ids: cast.bob.uid, notification: '<script>x</script>' }, 100, 'Invalid parameter (notification: nothing to show: only text, links, fb:name and fb:pronoun are shown)');
    await fails(ada, { to_ids: 'bob', notification: 'hi' }, 114, 'Invalid user id list (to_ids: "bob" is not a uid)');
    await fails(ada, { to_ids: cast.bob.uid, notification: 'hi', type: 'app_to_app' }, 100, 'Invalid parameter (type: unknown notification type)');
    const app = { xml: sessionless(server, web), json: sessionless(server, web) };
    await fails(app, { notification: 'hi' }, 100, 'Invalid parameter (to_ids: name the recipients)');
  });

  it.skipIf(skip)('refuses: user_to_user without a session 102; a desktop app without a session 102; an announcement signed with a session secret 15', async () => {
    const app = { xml: sessionless(server, web), json: sessionless(server, web) };
    await fails(app, { to_ids: cast.bob.uid, notification: 'hi', type: 'user_to_user' }, 102, /^Session key invalid or no longer valid/);
    await fails({ xml: server.client(desktop), json: server.client(desktop) }, { to_ids: cast.bob.uid, notification: 'hi' }, 102, /^Session key invalid or no longer valid/);
    const adaDesktop = { xml: await clientOf(server, desktop, cast.ada, []), json: await clientOf(server, desktop, cast.ada, [], 'json') };
    await fails(adaDesktop, { to_ids: cast.bob.uid, notification: 'hi', type: 'app_to_user' }, 15, /^This method call must be signed with the application secret/);
    expect((await call(adaDesktop.json, { to_ids: cast.bob.uid, notification: 'from the desktop' }, 'json')).body).toBe(`"${cast.bob.uid}"`);
  });
});
