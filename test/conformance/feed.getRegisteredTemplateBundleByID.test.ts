/**
 * feed.getRegisteredTemplateBundleByID on both backends: one bundle's fields directly under the
 * root, as in the Facebook Developer Wiki's example, byte for byte in XML and JSON; deactivated
 * bundles of the app are answered too; unknown or other apps' ids are 807, ids that are not
 * numbers 100.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';

const GAME = {
  one_line_story_templates: JSON.stringify(['{*actor*} played {*game*} with {*target*}.', '{*actor*} played a game.']),
  short_story_templates: JSON.stringify([{ template_title: '{*actor*} played {*game*} with {*target*}.', template_body: 'The score was {*score*}.' }]),
  full_story_template: JSON.stringify({ template_title: '{*actor*} played {*game*} with {*target*}.', template_body: 'The score was {*score*}.' }),
  action_links: JSON.stringify([{ text: 'Play too', href: 'http://example.org/play' }]),
};

function gameXml(id: string, time: number, depth: number): string {
  const pad = '  '.repeat(depth);
  return (
    `${pad}<one_line_story_templates list="true">\n` +
    `${pad}  <one_line_story_template>{*actor*} played {*game*} with {*target*}.</one_line_story_template>\n` +
    `${pad}  <one_line_story_template>{*actor*} played a game.</one_line_story_template>\n` +
    `${pad}</one_line_story_templates>\n` +
    `${pad}<short_story_templates list="true">\n` +
    `${pad}  <short_story_template>\n` +
    `${pad}    <template_title>{*actor*} played {*game*} with {*target*}.</template_title>\n` +
    `${pad}    <template_body>The score was {*score*}.</template_body>\n` +
    `${pad}  </short_story_template>\n` +
    `${pad}</short_story_templates>\n` +
    `${pad}<full_story_template>\n` +
    `${pad}  <template_title>{*actor*} played {*game*} with {*target*}.</template_title>\n` +
    `${pad}  <template_body>The score was {*score*}.</template_body>\n` +
    `${pad}</full_story_template>\n` +
    `${pad}<action_links list="true">\n` +
    `${pad}  <stream_action_link>\n` +
    `${pad}    <text>Play too</text>\n` +
    `${pad}    <href>http://example.org/play</href>\n` +
    `${pad}  </stream_action_link>\n` +
    `${pad}</action_links>\n` +
    `${pad}<time_created>${time}</time_created>\n` +
    `${pad}<template_bundle_id>${id}</template_bundle_id>\n`
  );
}

const gameJson = (id: string, time: number) =>
  '{"one_line_story_templates":["{*actor*} played {*game*} with {*target*}.","{*actor*} played a game."],' +
  '"short_story_templates":[{"template_title":"{*actor*} played {*game*} with {*target*}.","template_body":"The score was {*score*}."}],' +
  '"full_story_template":{"template_title":"{*actor*} played {*game*} with {*target*}.","template_body":"The score was {*score*}."},' +
  `"action_links":[{"text":"Play too","href":"http:\\/\\/example.org\\/play"}],"time_created":${time},"template_bundle_id":${id}}`;

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('feed.getRegisteredTemplateBundleByID on $backend', ({ backend, skip }) => {
  let server: TestServer;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
  });
  afterAll(() => server?.close());

  const register = async (app: App, args: Record<string, string>) => {
    const before = Math.floor(Date.now() / 1000);
    const id = (await server.client(app).callRaw('feed.registerTemplateBundle', args, { format: 'json' })).body;
    return { id, before, after: Math.floor(Date.now() / 1000) };
  };
  /** time_created as answered, checked to lie within the registration call. */
  const timeOf = (body: string, registered: { before: number; after: number }) => {
    const time = Number(/"time_created":(\d+)/.exec(body)?.[1] ?? /<time_created>(\d+)</.exec(body)?.[1]);
    expect(time).toBeGreaterThanOrEqual(registered.before);
    expect(time).toBeLessThanOrEqual(registered.after);
    return time;
  };

  it.skipIf(skip)('ByID: one bundle directly under the root, deactivated ones too', async () => {
    const app = await server.createApp('web');
    const game = await register(app, GAME);
    const xml = (await server.client(app).callRaw('feed.getRegisteredTemplateBundleByID', { template_bundle_id: game.id })).body;
    const time = timeOf(xml, game);
    expect(xml).toBe(xmlScalarAnswer('feed_getRegisteredTemplateBundleByID_response', `\n${gameXml(game.id, time, 1)}`));
    await server.client(app).callRaw('feed.deactivateTemplateBundleByID', { template_bundle_id: game.id });
    const json = (await server.client(app).callRaw('feed.getRegisteredTemplateBundleByID', { template_bundle_id: game.id }, { format: 'json' })).body;
    expect(json).toBe(gameJson(game.id, time));
  });

  it.skipIf(skip)('decodes through the typed client to the same bundle from XML and JSON, numbers as numbers', async () => {
    const app = await server.createApp('web');
    const game = await register(app, GAME);
    const one = await register(app, { one_line_story_templates: '["{*actor*} waved."]' });
    const expected = (id: string) => ({
      one_line_story_templates: ['{*actor*} played {*game*} with {*target*}.', '{*actor*} played a game.'],
      short_story_templates: [{ template_title: '{*actor*} played {*game*} with {*target*}.', template_body: 'The score was {*score*}.' }],
      full_story_template: { template_title: '{*actor*} played {*game*} with {*target*}.', template_body: 'The score was {*score*}.' },
      action_links: [{ text: 'Play too', href: 'http://example.org/play' }],
      time_created: expect.any(Number),
      template_bundle_id: Number(id),
    });
    const bare = { one_line_story_templates: ['{*actor*} waved.'], short_story_templates: [], full_story_template: null, action_links: [], time_created: expect.any(Number), template_bundle_id: Number(one.id) };
    for (const format of ['xml', 'json'] as const) {
      const client = server.client(app, { format });
      expect(await client.call('feed.getRegisteredTemplateBundleByID', { template_bundle_id: Number(game.id) })).toEqual(expected(game.id));
      expect(await client.call('feed.getRegisteredTemplateBundleByID', { template_bundle_id: Number(one.id) })).toEqual(bare);
      expect(await client.call('feed.getRegisteredTemplateBundles', {})).toEqual([expected(game.id), bare]);
    }
  });

  it.skipIf(skip)('ByID: the wiki example of a bundle with one template and nothing else', async () => {
    const app = await server.createApp('web');
    const one = await register(app, { one_line_story_templates: '["{*actor*} played {*game*} with {*target*}."]' });
    const xml = (await server.client(app).callRaw('feed.getRegisteredTemplateBundleByID', { template_bundle_id: one.id })).body;
    expect(xml).toBe(
      xmlScalarAnswer(
        'feed_getRegisteredTemplateBundleByID_response',
        '\n  <one_line_story_templates list="true">\n' +
          '    <one_line_story_template>{*actor*} played {*game*} with {*target*}.</one_line_story_template>\n' +
          '  </one_line_story_templates>\n' +
          '  <short_story_templates list="true"/>\n' +
          '  <full_story_template/>\n' +
          '  <action_links list="true"/>\n' +
          `  <time_created>${timeOf(xml, one)}</time_created>\n` +
          `  <template_bundle_id>${one.id}</template_bundle_id>\n`,
      ),
    );
  });

  describe.each(['xml', 'json'] as const)('%s: ByID errors', (format) => {
    it.skipIf(skip)("807 for an unknown id or another app's; 100 for an id that is not one", async () => {
      const app = await server.createApp('web');
      const other = await register(await server.createApp('web'), { one_line_story_templates: '["{*actor*} is elsewhere."]' });
      const message = 'No active template bundle with that ID or handle exists.';
      const byId = (id: string) => server.client(app).callRaw('feed.getRegisteredTemplateBundleByID', { template_bundle_id: id }, { format });
      expectError(await byId(other.id), format, 807, `${message} (template_bundle_id ${other.id})`);
      expectError(await byId('999999999999'), format, 807, `${message} (template_bundle_id 999999999999)`);
      expectError(await byId('12ab'), format, 100, 'Invalid parameter (template_bundle_id: not a positive integer)');
      expectError(await server.client(app).callRaw('feed.getRegisteredTemplateBundleByID', {}, { format }), format, 100, /template_bundle_id/);
    });
  });
});
