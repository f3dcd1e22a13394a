/**
 * feed.getRegisteredTemplateBundles on both backends: the Facebook Developer Wiki's bundle layout
 * byte for byte in XML (lists with list="true", empty parts self-closing, action links as
 * stream_action_link) and JSON (ids and times numbers, PHP's escapes), only the app's active
 * bundles, oldest first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

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
])('feed.getRegisteredTemplateBundles on $backend', ({ backend, skip }) => {
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
