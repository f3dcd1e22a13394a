/**
 * feed.registerTemplateBundle on both backends: the bundle id inline with no whitespace (XML) and
 * a number (JSON), identical content answering the same id, the 100-active limit (810), and each
 * validation error with its message (100, 811, 812).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { expectError, type Format } from './protocol-helpers.js';

const ROOT = 'feed_registerTemplateBundle_response';
const ONE_LINE = JSON.stringify(['{*actor*} played {*game*} with {*target*}.', '{*actor*} played a game.']);

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('feed.registerTemplateBundle on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
  });
  afterAll(() => server?.close());

  // facebooker's calls: signed with the app secret, no session.
  const register = (args: Record<string, string>, format: Format = 'xml', app: App = web) =>
    server.client(app).callRaw('feed.registerTemplateBundle', args, { format });

  it.skipIf(skip)('answers a 64-bit id inline in XML and as a JSON number', async () => {
    const xml = await register({ one_line_story_templates: ONE_LINE });
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    const id = /<feed_registerTemplateBundle_response [^>]*>(\d+)<\//.exec(xml.body)?.[1];
    expect(id).toBeDefined();
    expect(Number(id)).toBeGreaterThan(2 ** 32);
    expect(xml.body).toBe(xmlScalarAnswer(ROOT, id!));
    const json = await register({ one_line_story_templates: JSON.stringify(['{*actor*} did something else.']) }, 'json');
    expect(json.contentType).toBe('application/json; charset=utf-8');
    expect(json.body).toMatch(/^\d+$/);
    expect(Number(json.body)).toBe(Number(id) + 1);
  });

  it.skipIf(skip)('answers the same id for identical content, however the JSON is spaced, and a new one for other content', async () => {
    const args = {
      one_line_story_templates: '["{*actor*} cooked {*dish*}."]',
      short_story_templates: '[{"template_title":"{*actor*} cooked {*dish*}.","template_body":"It was {*taste*}."}]',
      action_links: '[{"text":"Cook too","href":"http:\\/\\/example.org\\/cook"}]',
    };
    const first = (await register(args, 'json')).body;
    const again = (await register({ ...args, one_line_story_templates: '[ "{*actor*} cooked {*dish*}." ]' }, 'json')).body;
    expect(again).toBe(first);
    const other = (await register({ ...args, action_links: '[]' }, 'json')).body;
    expect(other).not.toBe(first);
    // After deactivation, the same content is a new bundle.
    await server.client(web).callRaw('feed.deactivateTemplateBundleByID', { template_bundle_id: first });
    expect((await register(args, 'json')).body).not.toBe(first);
  });

  it.skipIf(skip)('accepts the pre-2008 single-string and single-object forms', async () => {
    const single = await register({ one_line_story_templates: '"{*actor*} waved."', short_story_templates: '{"template_title":"{*actor*} waved.","template_body":""}' }, 'json');
    const bundle = JSON.parse((await server.client(web).callRaw('feed.getRegisteredTemplateBundleByID', { template_bundle_id: single.body }, { format: 'json' })).body);
    expect(bundle.one_line_story_templates).toEqual(['{*actor*} waved.']);
    expect(bundle.short_story_templates).toEqual([{ template_title: '{*actor*} waved.', template_body: '' }]);
    const raw = await register({ one_line_story_templates: '{*actor*} smiled.' }, 'json');
    expect(raw.body).toMatch(/^\d+$/);
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    const refused = async (args: Record<string, string>, code: number, message: string | RegExp) =>
      expectError(await register(args, format), format, code, message);

    it.skipIf(skip)('100 for JSON that does not parse, no one-line template, or a template not starting with {*actor*}', async () => {
      await refused({ one_line_story_templates: '["{*actor*} x"' }, 100, 'Invalid parameter (one_line_story_templates: not valid JSON)');
      await refused({ one_line_story_templates: '[]' }, 100, 'Invalid parameter (one_line_story_templates: at least one one-line template is required)');
      await refused({ one_line_story_templates: '{"a":1}' }, 100, 'Invalid parameter (one_line_story_templates: must be a JSON array of strings)');
      await refused({ short_story_templates: '[]' }, 100, /^Invalid parameter \(one_line_story_templates: /);
      await refused({ one_line_story_templates: '["Someone played {*game*}."]' }, 100, 'Invalid parameter (one_line_story_templates item 0: must begin with {*actor*})');
      await refused(
        { one_line_story_templates: ONE_LINE, short_story_templates: '[{"template_title":"The {*actor*}","template_body":"b"}]' },
        100,
        'Invalid parameter (short_story_templates item 0 template_title: must begin with {*actor*})',
      );
      await refused({ one_line_story_templates: ONE_LINE, full_story_template: '"x"' }, 100, 'Invalid parameter (full_story_template: must be an object with template_title and template_body)');
      await refused({ one_line_story_templates: '["{*actor*} <fb:if-is-app-user>played"]' }, 100, /^Invalid parameter \(one_line_story_templates item 0: line 1: <fb:if-is-app-user> is never closed/);
    });

    it.skipIf(skip)('812 for a reserved media token in any template or link', async () => {
      const message = 'One or more of your templates is using a token reserved by Facebook, such as {*mp3*} or {*video*}.';
      await refused({ one_line_story_templates: '["{*actor*} listened to {*mp3*}."]' }, 812, `${message} (one_line_story_templates item 0 uses {*mp3*})`);
      await refused(
        { one_line_story_templates: ONE_LINE, full_story_template: '{"template_title":"{*actor*} posted","template_body":"{*images*}"}' },
        812,
        `${message} (full_story_template template_body uses {*images*})`,
      );
    });

    it.skipIf(skip)('811 for action links without text or an http(s) href', async () => {
      const message = 'One of more of the supplied action links was improperly formatted.';
      await refused({ one_line_story_templates: ONE_LINE, action_links: '{"text":"a","href":"http://x.org/"}' }, 811, `${message} (action_links must be a JSON array of {"text","href"} objects)`);
      await refused({ one_line_story_templates: ONE_LINE, action_links: '[{"href":"http://x.org/"}]' }, 811, `${message} (action link 0 has no text)`);
      await refused({ one_line_story_templates: ONE_LINE, action_links: '[{"text":"Go","href":"javascript:alert(1)"}]' }, 811, `${message} (action link 0 needs an http(s) href)`);
    });
  });

  it.skipIf(skip)('810 for the 101st active bundle; deactivating one makes room', async () => {
    const app = await server.createApp('web');
    const ids: string[] = [];
    for (let index = 0; index < 100; index += 1) {
      ids.push((await register({ one_line_story_templates: JSON.stringify([`{*actor*} did thing ${index}.`]) }, 'json', app)).body);
    }
    const over = await register({ one_line_story_templates: '["{*actor*} did one too many."]' }, 'xml', app);
    expectError(
      over,
      'xml',
      810,
      'Application has too many active template bundles, and some must be deactivated before new ones can be registered. (the application has 100 active bundles)',
    );
    // Content it already has still answers its id.
    expect((await register({ one_line_story_templates: '["{*actor*} did thing 7."]' }, 'json', app)).body).toBe(ids[7]);
    await server.client(app).callRaw('feed.deactivateTemplateBundleByID', { template_bundle_id: ids[0] });
    expect((await register({ one_line_story_templates: '["{*actor*} did one too many."]' }, 'json', app)).body).toMatch(/^\d+$/);
  });
});
