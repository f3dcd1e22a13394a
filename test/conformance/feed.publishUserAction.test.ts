/**
 * feed.publishUserAction on both backends: facebooker's one-item list byte for byte (XML) and
 * JSON `true` (what the typed clients of the platform read), the story rendered from the first template that fits (the wiki example), sizes and
 * publish_stream, hostile template data, the daily cap counted in the database (another instance
 * over the same store sees it), and every error with its message (100, 102, 329, 341, 366, 367, 807).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { createServices } from '../../src/platform.js';
import type { RestClient } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { signedInSession, webClient, desktopClient } from '../support/sessions.js';
import { startTestServer, TEST_PASSWORD_COST, type TestServer } from '../support/test-server.js';
import { expectError, type Format } from './protocol-helpers.js';

const ROOT = 'feed_publishUserAction_response';
const NAMESPACES =
  'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';
const PUBLISHED_XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  `<${ROOT} ${NAMESPACES} list="true">\n` +
  `  <${ROOT}_elt>1</${ROOT}_elt>\n` +
  `</${ROOT}>\n`;

const GAME = {
  one_line_story_templates: JSON.stringify(['{*actor*} played {*game*} with {*target*}.', '{*actor*} played a game.']),
  short_story_templates: JSON.stringify([{ template_title: '{*actor*} played {*game*} with {*target*}.', template_body: 'The score was {*score*}.' }]),
  action_links: JSON.stringify([{ text: 'Play {*game*} too', href: 'http://example.org/play?game={*game*}' }]),
};

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('feed.publishUserAction on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let ada: Person;
  let charles: Person;
  let stranger: Person;
  let bundleId: string;
  let asAda: RestClient;

  const register = async (app: App, args: Record<string, string>) =>
    (await server.client(app).callRaw('feed.registerTemplateBundle', args, { format: 'json' })).body;
  const storiesOf = (person: Person) => server.services.feedStories.storiesOf(person.uid);
  /** A fresh person who authorized `app`, with a web session. */
  const newActor = async (app: App = web, name = 'Grace Hopper') => {
    const person = await server.createPerson(name);
    return { person, client: webClient(server, app, await signedInSession(server, app, person)) };
  };

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
    ada = await server.createPerson('Ada Lovelace');
    charles = await server.createPerson('Charles Babbage');
    stranger = await server.createPerson('Mary Somerville');
    await server.services.friends.addDirectly(ada.uid, charles.uid);
    bundleId = await register(web, GAME);
    asAda = webClient(server, web, await signedInSession(server, web, ada));
  });
  afterAll(() => server?.close());

  it.skipIf(skip)("answers facebooker's one-item list, with the whitespace node before the item, and JSON true", async () => {
    const xml = await asAda.callRaw('feed.publishUserAction', { template_bundle_id: bundleId, template_data: '{"game":"chess"}' });
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.body).toBe(PUBLISHED_XML);
    const json = await asAda.callRaw('feed.publishUserAction', { template_bundle_id: bundleId, template_data: '{"game":"go"}' }, { format: 'json' });
    expect(json.body).toBe('true');
    expect(await asAda.call('feed.publishUserAction', { template_bundle_id: Number(bundleId), template_data: '{"game":"whist"}' })).toBe(true);
  });

  it.skipIf(skip)('renders the wiki example: both names linked with targets, the second template without', async () => {
    const { person, client } = await newActor(web, 'Ada Lovelace');
    await server.services.friends.addDirectly(person.uid, charles.uid);
    await client.callRaw('feed.publishUserAction', { template_bundle_id: bundleId, template_data: '{"game":"chess"}', target_ids: String(charles.uid) });
    await client.callRaw('feed.publishUserAction', { template_bundle_id: bundleId, template_data: '{"game":"chess"}' });
    const [without, withTarget] = await storiesOf(person);
    expect(withTarget!.titleText).toBe('Ada Lovelace played chess with Charles Babbage.');
    expect(withTarget!.titleHtml).toBe(
      `<a href="/profile.php?id=${person.uid}">Ada Lovelace</a> played chess with <a href="/profile.php?id=${charles.uid}">Charles Babbage</a>.`,
    );
    expect(withTarget!.targetIds).toEqual([charles.uid]);
    expect(withTarget!.size).toBe(1);
    expect(without!.titleText).toBe('Ada Lovelace played a game.');
  });

  it.skipIf(skip)('joins several targets as "A, B and C", from a JSON array or the bracket-less list PHP sends', async () => {
    const { person, client } = await newActor();
    const friends = await Promise.all(['Bo Bell', 'Cy Cole', 'Di Dunn'].map((name) => server.createPerson(name)));
    for (const friend of friends) await server.services.friends.addDirectly(person.uid, friend.uid);
    const ids = friends.map((friend) => friend.uid);
    await client.callRaw('feed.publishUserAction', { template_bundle_id: bundleId, template_data: '{"game":"tag"}', target_ids: JSON.stringify(ids) });
    await client.callRaw('feed.publishUserAction', { template_bundle_id: bundleId, template_data: '{"game":"tag"}', target_ids: ids.slice(0, 2).join(',') });
    const [two, three] = await storiesOf(person);
    expect(three!.titleText).toBe('Grace Hopper played tag with Bo Bell, Cy Cole and Di Dunn.');
    expect(two!.titleText).toBe('Grace Hopper played tag with Bo Bell and Cy Cole.');
  });

  it.skipIf(skip)('publishes short stories only with publish_stream, adding body_general to the body', async () => {
    const { person, client } = await newActor();
    const args = { template_bundle_id: bundleId, template_data: '{"game":"chess","score":"3-1"}', story_size: '2', body_general: '<b>Rematch?</b>' };
    await client.callRaw('feed.publishUserAction', args);
    expect((await storiesOf(person))[0]).toMatchObject({ size: 1, titleText: 'Grace Hopper played a game.', bodyHtml: '' });
    await server.store.permissions.grant(person.uid, web.appId, 'publish_stream');
    await client.callRaw('feed.publishUserAction', args);
    // No targets: the short template uses {*target*}, so none fits and the call is refused.
    expectError(await client.callRaw('feed.publishUserAction', args), 'xml', 367, "The template data provided doesn't cover the entire token set needed to publish the story");
    const oneLineOnly = await register(web, { one_line_story_templates: '["{*actor*} won {*game*}."]' });
    await client.callRaw('feed.publishUserAction', { ...args, template_bundle_id: oneLineOnly, story_size: '4' });
    expect((await storiesOf(person))[0]).toMatchObject({ size: 1, titleText: 'Grace Hopper won chess.' });
    const friend = await server.createPerson('Bo Bell');
    await server.services.friends.addDirectly(person.uid, friend.uid);
    await client.callRaw('feed.publishUserAction', { ...args, target_ids: String(friend.uid) });
    expect((await storiesOf(person))[0]).toMatchObject({ size: 2, titleText: 'Grace Hopper played chess with Bo Bell.', bodyHtml: 'The score was 3-1.<b>Rematch?</b>' });
  });

  it.skipIf(skip)('never lets template data put script into the story', async () => {
    const { person, client } = await newActor();
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">chess</a>';
    await client.callRaw('feed.publishUserAction', { template_bundle_id: bundleId, template_data: JSON.stringify({ game: hostile }), target_ids: '' });
    const [story] = await storiesOf(person);
    // The hostile value made the first template fit only in the absence of targets: the second was used.
    expect(story!.titleHtml).toBe(`<a href="/profile.php?id=${person.uid}">Grace Hopper</a> played a game.`);
    const targetBundle = await register(web, { one_line_story_templates: '["{*actor*} played {*game*}."]' });
    await client.callRaw('feed.publishUserAction', { template_bundle_id: targetBundle, template_data: JSON.stringify({ game: hostile }) });
    const [second] = await storiesOf(person);
    expect(second!.titleHtml).toBe(`<a href="/profile.php?id=${person.uid}">Grace Hopper</a> played <a>chess</a>.`);
    expect(second!.titleText).toBe('Grace Hopper played chess.');
  });

  it.skipIf(skip)('makes the story a post on the actor\u2019s stream when the stream takes posts', async () => {
    const { person, client } = await newActor();
    await client.callRaw('feed.publishUserAction', { template_bundle_id: bundleId, template_data: '{"game":"chess & go"}' });
    const [story] = await storiesOf(person);
    // The stream feature's service, read structurally: the feed reaches it through a port of its own.
    const stream = (server.services as unknown as { stream?: { publish?: unknown; find?: (postId: string) => Promise<Record<string, unknown> | undefined> } }).stream;
    if (typeof stream?.publish !== 'function') {
      expect(story!.postId).toBeNull();
      return;
    }
    expect(story!.postId).toMatch(new RegExp(`^${person.uid}_\\d+$`));
    const post = await stream.find!(story!.postId!);
    expect(post).toMatchObject({
      wall: person.uid,
      actor: person.uid,
      appId: web.appId,
      type: 237,
      message: 'Grace Hopper played a game.',
      attachment: null,
      actionLinks: [{ text: 'Play chess & go too', href: 'http://example.org/play?game=chess%20%26%20go' }],
      templateBundleId: Number(bundleId),
    });
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format: Format) => {
    const publish = (client: RestClient, args: Record<string, string>) => client.callRaw('feed.publishUserAction', args, { format });

    it.skipIf(skip)("807 for an unknown, inactive or another app's bundle", async () => {
      const message = 'No active template bundle with that ID or handle exists.';
      const theirs = await register(await server.createApp('web'), { one_line_story_templates: '["{*actor*} is elsewhere."]' });
      expectError(await publish(asAda, { template_bundle_id: theirs }), format, 807, `${message} (template_bundle_id ${theirs})`);
      expectError(await publish(asAda, { template_bundle_id: '999999999999' }), format, 807, `${message} (template_bundle_id 999999999999)`);
    });

    it.skipIf(skip)('329 for template_data that is not a JSON dictionary of strings', async () => {
      const message = "Template data must be a JSON-encoded dictionary, of the form {'key-1': 'value-1', 'key-2': 'value-2', ...}";
      expectError(await publish(asAda, { template_bundle_id: bundleId, template_data: '{game:chess}' }), format, 329, `${message} (template_data is not valid JSON)`);
      expectError(await publish(asAda, { template_bundle_id: bundleId, template_data: '["chess"]' }), format, 329, `${message} (template_data must be a JSON object)`);
      expectError(await publish(asAda, { template_bundle_id: bundleId, template_data: '{"game":["chess"]}' }), format, 329, `${message} (template_data value of "game" must be a string or a number)`);
    });

    it.skipIf(skip)('366 for targets who are not all friends of the actor (the actor included)', async () => {
      const message = 'One or more of the target ids for this story are invalid. They must all be ids of friends of the acting user';
      const args = { template_bundle_id: bundleId, template_data: '{"game":"chess"}' };
      expectError(await publish(asAda, { ...args, target_ids: `${charles.uid},${stranger.uid}` }), format, 366, `${message} (not friends of the actor: ${stranger.uid})`);
      expectError(await publish(asAda, { ...args, target_ids: String(ada.uid) }), format, 366, `${message} (not friends of the actor: ${ada.uid})`);
      expectError(await publish(asAda, { ...args, target_ids: 'abc' }), format, 366, `${message} (target_ids: "abc" is not a uid)`);
    });

    it.skipIf(skip)('367 when no template of the size fits the data', async () => {
      const strict = await register(web, { one_line_story_templates: '["{*actor*} scored {*points*} in {*game*}."]' });
      expectError(
        await publish(asAda, { template_bundle_id: strict, template_data: '{"game":"chess"}' }),
        format,
        367,
        "The template data provided doesn't cover the entire token set needed to publish the story",
      );
    });

    it.skipIf(skip)('100 for a bad story_size or bundle id; 102 without a session', async () => {
      expectError(await publish(asAda, { template_bundle_id: bundleId, story_size: '3' }), format, 100, 'Invalid parameter (story_size: unknown story size)');
      expectError(await publish(asAda, { template_bundle_id: 'x' }), format, 100, 'Invalid parameter (template_bundle_id: not a positive integer)');
      const noSession = await server.client(web).callRaw('feed.publishUserAction', { template_bundle_id: bundleId, uid: String(ada.uid) }, { format });
      expectError(noSession, format, 102, /^Session key invalid or no longer valid/);
    });

    it.skipIf(skip)('341 after 10 stories in 24 hours, counted in the database; offline_access lifts the cap', async () => {
      const { person, client } = await newActor();
      const args = { template_bundle_id: bundleId, template_data: '{"game":"chess"}' };
      for (let count = 0; count < 10; count += 1) expect((await publish(client, args)).body).not.toContain('error_code');
      expectError(await publish(client, args), format, 341, 'Feed action request limit reached (10 stories in the last 24 hours)');
      // Another instance over the same database (or this one after a restart) counts the same stories.
      const otherInstance = createServices(server.store, { passwordCost: TEST_PASSWORD_COST });
      await expect(
        otherInstance.feedStories.publish({ appId: web.appId, actorUid: person.uid, session: undefined, bundleId: Number(bundleId), data: { values: new Map([['game', 'go']]), media: {} }, targetIds: [], size: 1, bodyGeneral: undefined, userMessage: undefined }),
      ).rejects.toMatchObject({ code: 341 });
      // A day later the window has moved on.
      const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000 + 1000);
      await otherInstance.feedStories.publish({ appId: web.appId, actorUid: person.uid, session: undefined, bundleId: Number(bundleId), data: { values: new Map(), media: {} }, targetIds: [], size: 1, bodyGeneral: undefined, userMessage: undefined }, tomorrow);
      // offline_access lifts the cap.
      await server.store.permissions.grant(person.uid, web.appId, 'offline_access');
      expect((await publish(client, args)).body).not.toContain('error_code');
    });
  });

  it.skipIf(skip)('works for desktop apps signing with the session secret', async () => {
    const desktop = await server.createApp('desktop');
    const person = await server.createPerson('Grace Hopper');
    const client = desktopClient(server, desktop, await signedInSession(server, desktop, person), { useSessionSecret: true });
    const id = await register(desktop, { one_line_story_templates: '["{*actor*} compiled."]' });
    expect((await client.callRaw('feed.publishUserAction', { template_bundle_id: id })).body).toBe(PUBLISHED_XML);
    expect((await storiesOf(person))[0]!.titleText).toBe('Grace Hopper compiled.');
  });
});
