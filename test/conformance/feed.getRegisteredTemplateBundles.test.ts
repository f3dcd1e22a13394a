/**
 * feed.getRegisteredTemplateBundles on both backends: the Facebook Developer Wiki's bundle layout
 * byte for byte in XML (lists with list="true", empty parts self-closing, action links as
 * stream_action_link) and JSON (ids and times numbers, PHP's escapes), only the app's active
 * bundles, oldest first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres } from '../support/postgres.js';
import { bundleRegistrations, GAME, gameJson, gameXml } from './feed-bundle-fixtures.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('feed.getRegisteredTemplateBundles on $backend', ({ backend, skip }) => {
  let server: TestServer;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
  });
  afterAll(() => server?.close());

  const { register, timeOf } = bundleRegistrations(() => server);

  it.skipIf(skip)('lists the active bundles oldest first, in the wiki layout', async () => {
    const app = await server.createApp('web');
    const game = await register(app, GAME);
    const plain = await register(app, { one_line_story_templates: '["{*actor*} waved & <b>smiled</b>."]' });
    const gone = await register(app, { one_line_story_templates: '["{*actor*} left."]' });
    await server.client(app).callRaw('feed.deactivateTemplateBundleByID', { template_bundle_id: gone.id });
    // Another app's bundles are not this app's.
    await register(await server.createApp('web'), { one_line_story_templates: '["{*actor*} is elsewhere."]' });

    const xml = (await server.client(app).callRaw('feed.getRegisteredTemplateBundles', {})).body;
    const time = timeOf(xml, game);
    const plainTime = Number([...xml.matchAll(/<time_created>(\d+)</g)][1]?.[1]);
    expect(xml).toBe(
      xmlScalarAnswer(
        'feed_getRegisteredTemplateBundles_response',
        '\n  <template_bundle>\n' +
          gameXml(game.id, time, 2) +
          '  </template_bundle>\n' +
          '  <template_bundle>\n' +
          '    <one_line_story_templates list="true">\n' +
          '      <one_line_story_template>{*actor*} waved &amp; &lt;b&gt;smiled&lt;/b&gt;.</one_line_story_template>\n' +
          '    </one_line_story_templates>\n' +
          '    <short_story_templates list="true"/>\n' +
          '    <full_story_template/>\n' +
          '    <action_links list="true"/>\n' +
          `    <time_created>${plainTime}</time_created>\n` +
          `    <template_bundle_id>${plain.id}</template_bundle_id>\n` +
          '  </template_bundle>\n',
        ' list="true"',
      ),
    );
    const json = (await server.client(app).callRaw('feed.getRegisteredTemplateBundles', {}, { format: 'json' })).body;
    expect(json).toBe(
      `[${gameJson(game.id, time)},` +
        `{"one_line_story_templates":["{*actor*} waved & <b>smiled<\\/b>."],"short_story_templates":[],"full_story_template":{},"action_links":[],"time_created":${plainTime},"template_bundle_id":${plain.id}}]`,
    );
  });

  it.skipIf(skip)('answers an empty list for an app without bundles', async () => {
    const app = await server.createApp('desktop');
    expect((await server.client(app).callRaw('feed.getRegisteredTemplateBundles', {})).body).toBe(
      xmlScalarAnswer('feed_getRegisteredTemplateBundles_response', '', ' list="true"'),
    );
    expect((await server.client(app).callRaw('feed.getRegisteredTemplateBundles', {}, { format: 'json' })).body).toBe('[]');
  });
});
