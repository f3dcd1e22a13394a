/**
 * profile.getInfoOptions on both backends (docs/profile-info.md, "Answers"): the wiki's layout
 * byte for byte (items wrapped in `items`), an empty list for a field without options, field names
 * matched as profile.setInfoOptions stores them, and 100 for a missing or blank field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { hasPostgres } from '../support/postgres.js';
import { FORMATS, startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';

const ENGINE = { label: 'Analytical Engine', sublabel: '', description: 'Never finished.', link: 'http://example.org/ae', image: 'http://example.org/ae.jpg' };

const ENGINE_XML = `
  <items list="true">
    <info_item>
      <label>Analytical Engine</label>
      <sublabel/>
      <description>Never finished.</description>
      <link>http://example.org/ae</link>
      <image>http://example.org/ae.jpg</image>
    </info_item>
  </items>
`;

const ENGINE_JSON =
  '{"items":[{"label":"Analytical Engine","sublabel":"","description":"Never finished.","link":"http:\\/\\/example.org\\/ae","image":"http:\\/\\/example.org\\/ae.jpg"}]}';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('profile.getInfoOptions on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let other: App;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    [web, other] = [await server.createApp('web'), await server.createApp('web')];
    await server.client(web).call('profile.setInfoOptions', { field: 'Favorite Engines', options: JSON.stringify([ENGINE]) });
  });
  afterAll(() => server?.close());

  it.skipIf(skip)('answers the options as the wiki shows them, in XML and JSON', async () => {
    const client = server.client(web);
    expect((await client.callRaw('profile.getInfoOptions', { field: 'Favorite Engines' })).body).toBe(xmlScalarAnswer('profile_getInfoOptions_response', ENGINE_XML));
    const json = await client.callRaw('profile.getInfoOptions', { field: 'Favorite Engines' }, { format: 'json' });
    expect(json.contentType).toBe('application/json; charset=utf-8');
    expect(json.body).toBe(ENGINE_JSON);
  });

  it.skipIf(skip)('answers an empty list for a field without options, and for another app’s field', async () => {
    const empty = xmlScalarAnswer('profile_getInfoOptions_response', '\n  <items list="true"/>\n');
    expect((await server.client(web).callRaw('profile.getInfoOptions', { field: 'Favorite Looms' })).body).toBe(empty);
    expect((await server.client(other).callRaw('profile.getInfoOptions', { field: 'Favorite Engines' })).body).toBe(empty);
    expect((await server.client(other).callRaw('profile.getInfoOptions', { field: 'Favorite Engines' }, { format: 'json' })).body).toBe('{"items":[]}');
  });

  it.skipIf(skip)('finds the options by the name as stored: white space around it dropped, cut to 30 characters', async () => {
    const long = `${'L'.repeat(30)}onger`;
    await server.client(web).call('profile.setInfoOptions', { field: long, options: JSON.stringify([{ label: 'x', link: '' }]) });
    const answer = (field: string) => server.client(web).callRaw('profile.getInfoOptions', { field }, { format: 'json' });
    expect((await answer(' Favorite Engines  ')).body).toBe(ENGINE_JSON);
    expect((await answer('L'.repeat(30))).body).toBe('{"items":[{"label":"x","link":""}]}');
  });

  describe.each(FORMATS)('%s errors', (format) => {
    it.skipIf(skip)('answers a missing or blank field with 100', async () => {
      expectError(await server.client(web).callRaw('profile.getInfoOptions', {}, { format }), format, 100, 'Invalid parameter (field: missing)');
      expectError(await server.client(web).callRaw('profile.getInfoOptions', { field: '   ' }, { format }), format, 100, 'Invalid parameter (field: blank)');
    });
  });
});
