/**
 * feed.getRegisteredTemplateBundleByID on both backends: one bundle's fields directly under the
 * root, as in the Facebook Developer Wiki's example, byte for byte in XML and JSON; deactivated
 * bundles of the app are answered too; unknown or other apps' ids are 807, ids that are not
 * numbers 100.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres } from '../support/postgres.js';
import { bundleRegistrations, GAME, gameJson, gameXml } from './feed-bundle-fixtures.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';

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

  const { register, timeOf } = bundleRegistrations(() => server);

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
