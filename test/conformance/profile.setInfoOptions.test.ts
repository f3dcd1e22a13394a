/**
 * profile.setInfoOptions on both backends (docs/profile-info.md): the answers byte for byte, options
 * per app and per field with no person named, replacing and removing them, and the errors of bad
 * input (100 for text that is not JSON or a missing or blank field, 1051 for items not as documented).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { MAX_ITEMS } from '../../src/features/profile-info/info-fields.js';
import { hasPostgres } from '../support/postgres.js';
import { desktopClient, signedInSession } from '../support/sessions.js';
import { FORMATS, startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';

const FAILED_1051 = 'Setting info failed. Check the formatting of your info fields.';
const ENGINE = { label: 'Analytical Engine', link: 'http://example.org/ae', image: 'http://example.org/ae.jpg', description: 'Never finished.', sublabel: '' };

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('profile.setInfoOptions on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let other: App;
  let desktop: App;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    [web, other, desktop] = [await server.createApp('web'), await server.createApp('web'), await server.createApp('desktop')];
  });
  afterAll(() => server?.close());

  const options = (app: App, field: string) => server.services.profileInfo.options(app.appId, field);

  it.skipIf(skip)('answers 1 in XML and true in JSON without a session or a uid, and stores the options of that app and field', async () => {
    const client = server.client(web);
    const xml = await client.callRaw('profile.setInfoOptions', { field: 'Favorite Engines', options: JSON.stringify([ENGINE]) });
    expect(xml.body).toBe(xmlScalarAnswer('profile_setInfoOptions_response', '1'));
    const json = await client.callRaw('profile.setInfoOptions', { field: 'Favorite Looms', options: '[{"label":"Jacquard","link":"http:\\/\\/example.org\\/j"}]' }, { format: 'json' });
    expect(json.body).toBe('true');
    expect(await options(web, 'Favorite Engines')).toEqual([
      { label: 'Analytical Engine', sublabel: '', description: 'Never finished.', link: 'http://example.org/ae', image: 'http://example.org/ae.jpg' },
    ]);
    expect(await options(web, 'Favorite Looms')).toEqual([{ label: 'Jacquard', link: 'http://example.org/j' }]);
    expect(await options(other, 'Favorite Engines')).toEqual([]);
  });

  it.skipIf(skip)('replaces the options of the field, and [] removes them', async () => {
    const client = server.client(web);
    await client.call('profile.setInfoOptions', { field: 'Replaced', options: JSON.stringify([ENGINE, { label: 'Second', link: '' }]) });
    await client.call('profile.setInfoOptions', { field: 'Replaced', options: JSON.stringify([{ label: 'Only', link: 'http://example.org/o' }]) });
    expect(await options(web, 'Replaced')).toEqual([{ label: 'Only', link: 'http://example.org/o' }]);
    expect(await client.call('profile.setInfoOptions', { field: 'Replaced', options: '[]' })).toBe(true);
    expect(await options(web, 'Replaced')).toEqual([]);
  });

  it.skipIf(skip)('a desktop app in a session may set them too; they are still the app’s', async () => {
    const person = await server.createPerson('Dee Desk');
    const client = desktopClient(server, desktop, await signedInSession(server, desktop, person));
    expect(await client.call('profile.setInfoOptions', { field: 'Desk', options: JSON.stringify([{ label: 'Lamp', link: 'http://example.org/l' }]) })).toBe(true);
    expect(await options(desktop, 'Desk')).toEqual([{ label: 'Lamp', link: 'http://example.org/l' }]);
  });

  describe.each(FORMATS)('%s errors', (format) => {
    it.skipIf(skip)('answers text that is not JSON and a missing or blank field with 100', async () => {
      const cases: Array<[Record<string, string>, string]> = [
        [{ field: 'F', options: '[{"label":' }, 'Invalid parameter (options: not valid JSON)'],
        [{ options: JSON.stringify([ENGINE]) }, 'Invalid parameter (field: missing)'],
        [{ field: ' \t ', options: JSON.stringify([ENGINE]) }, 'Invalid parameter (field: blank)'],
        [{ field: 'F' }, 'Invalid parameter (options: missing)'],
      ];
      for (const [args, message] of cases) expectError(await server.client(web).callRaw('profile.setInfoOptions', args, { format }), format, 100, message);
    });

    it.skipIf(skip)('answers items that are not as documented with 1051 and keeps the stored options', async () => {
      const client = server.client(web);
      await client.call('profile.setInfoOptions', { field: 'Kept', options: JSON.stringify([ENGINE]) });
      const cases: Array<[unknown, string]> = [
        [ENGINE, 'options must be a JSON array of items'],
        [[ENGINE, 'Jacquard'], 'options[1] must be an object with label and link'],
        [[{ label: 'No link' }], 'options[0] has no link'],
        [[{ link: 'http://example.org/' }], 'options[0] has no label'],
        [[{ label: { text: 'x' }, link: 'http://example.org/' }], 'options[0].label must be a string'],
        [Array.from({ length: MAX_ITEMS + 1 }, () => ENGINE), `options holds more than ${MAX_ITEMS} items`],
      ];
      for (const [value, detail] of cases) {
        const answer = await client.callRaw('profile.setInfoOptions', { field: 'Kept', options: JSON.stringify(value) }, { format });
        expectError(answer, format, 1051, `${FAILED_1051} (${detail})`);
      }
      expect(await options(web, 'Kept')).toHaveLength(1);
    });
  });
});
