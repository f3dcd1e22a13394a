/**
 * profile.getInfo on both backends (docs/profile-info.md, "Answers"): the wiki's layout byte for
 * byte in XML and JSON, item keys in the documented order and present exactly when sent, whose
 * section may be read, and the errors (1050 nothing stored, 110, 102, 200 for a desktop app naming
 * someone else).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { hasPostgres } from '../support/postgres.js';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';

/** The spec's sample section, sent with the keys in another order than the answer's. */
const ENGINES = JSON.stringify([
  { field: 'Favorite Engines', items: [{ image: 'http://example.org/ae.jpg', link: 'http://example.org/ae', description: 'Never finished.', label: 'Analytical Engine' }] },
]);

const ENGINES_XML = `
  <title>Engines</title>
  <info_fields list="true">
    <info_field>
      <field>Favorite Engines</field>
      <items list="true">
        <info_item>
          <label>Analytical Engine</label>
          <description>Never finished.</description>
          <link>http://example.org/ae</link>
          <image>http://example.org/ae.jpg</image>
        </info_item>
      </items>
    </info_field>
  </info_fields>
  <type>5</type>
`;

const ENGINES_JSON =
  '{"title":"Engines","info_fields":[{"field":"Favorite Engines","items":[{"label":"Analytical Engine","description":"Never finished.","link":"http:\\/\\/example.org\\/ae","image":"http:\\/\\/example.org\\/ae.jpg"}]}],"type":5}';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('profile.getInfo on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let other: App;
  let desktop: App;
  let ada: Person;
  let asAda: RestClient;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    [web, other, desktop] = [await server.createApp('web'), await server.createApp('web'), await server.createApp('desktop')];
    ada = await server.createPerson('Ada Lovelace');
    asAda = webClient(server, web, await signedInSession(server, web, ada));
    await asAda.call('profile.setInfo', { title: 'Engines', type: 5, info_fields: ENGINES });
  });
  afterAll(() => server?.close());

  it.skipIf(skip)('answers the section as the wiki shows it, in XML and JSON', async () => {
    expect((await asAda.callRaw('profile.getInfo', {})).body).toBe(xmlScalarAnswer('profile_getInfo_response', ENGINES_XML));
    const json = await asAda.callRaw('profile.getInfo', {}, { format: 'json' });
    expect(json.contentType).toBe('application/json; charset=utf-8');
    expect(json.body).toBe(ENGINES_JSON);
  });

  it.skipIf(skip)('writes a key sent as "" as an empty element, leaves out keys never sent (or sent as null), and numbers as text', async () => {
    const person = await server.createPerson('Bea Blank');
    const client = webClient(server, web, await signedInSession(server, web, person));
    const fields = JSON.stringify([
      {
        field: 'Years',
        items: [
          { label: 1837, link: 'http://example.org/1837', sublabel: '', image: null, meta: 'dropped' },
          { label: 'Second', link: '' },
        ],
      },
    ]);
    await client.call('profile.setInfo', { title: 'Years', type: 1, info_fields: fields });
    const xml = await client.callRaw('profile.getInfo', {});
    expect(xml.body).toContain(
      '<info_item>\n          <label>1837</label>\n          <sublabel/>\n          <link>http://example.org/1837</link>\n        </info_item>\n        <info_item>\n          <label>Second</label>\n          <link/>\n        </info_item>',
    );
    expect(JSON.parse((await client.callRaw('profile.getInfo', {}, { format: 'json' })).body)).toEqual({
      title: 'Years',
      info_fields: [{ field: 'Years', items: [{ label: '1837', sublabel: '', link: 'http://example.org/1837' }, { label: 'Second', link: '' }] }],
      type: 1,
    });
  });

  it.skipIf(skip)('an empty list of fields is an empty list, with list="true"', async () => {
    const person = await server.createPerson('Ed Empty');
    const client = webClient(server, web, await signedInSession(server, web, person));
    await client.call('profile.setInfo', { title: 'Empty', type: 1, info_fields: '[]' });
    expect((await client.callRaw('profile.getInfo', {})).body).toBe(
      xmlScalarAnswer('profile_getInfo_response', '\n  <title>Empty</title>\n  <info_fields list="true"/>\n  <type>1</type>\n'),
    );
    expect((await client.callRaw('profile.getInfo', {}, { format: 'json' })).body).toBe('{"title":"Empty","info_fields":[],"type":1}');
  });

  it.skipIf(skip)('a web app may read anyone’s section by uid, without a session or in another person’s session: it is on their public profile', async () => {
    expect((await server.client(web).callRaw('profile.getInfo', { uid: ada.uid }, { format: 'json' })).body).toBe(ENGINES_JSON);
    const bob = await server.createPerson('Bob Bobson');
    const asBob = webClient(server, web, await signedInSession(server, web, bob));
    expect((await asBob.callRaw('profile.getInfo', { uid: ada.uid }, { format: 'json' })).body).toBe(ENGINES_JSON);
  });

  describe.each(FORMATS)('%s errors', (format) => {
    it.skipIf(skip)('answers 1050 when the app stored nothing for the person, also when another app did', async () => {
      expectError(await server.client(other).callRaw('profile.getInfo', { uid: ada.uid }, { format }), format, 1050, 'No information has been set for this user');
      const newcomer = await server.createPerson('Nell Newcomer');
      expectError(await server.client(web).callRaw('profile.getInfo', { uid: newcomer.uid }, { format }), format, 1050, 'No information has been set for this user');
    });

    it.skipIf(skip)('answers 110 for a uid of nobody or not a uid, and 102 with neither uid nor session', async () => {
      expectError(await server.client(web).callRaw('profile.getInfo', { uid: 999999999 }, { format }), format, 110, 'Invalid user id (uid 999999999 names nobody)');
      expectError(await server.client(web).callRaw('profile.getInfo', { uid: 'ada' }, { format }), format, 110, 'Invalid user id (uid: not a positive integer)');
      expectError(await server.client(web).callRaw('profile.getInfo', {}, { format }), format, 102, /^Session key invalid or no longer valid/);
    });

    it.skipIf(skip)('answers 200 to a desktop app naming someone other than its session user', async () => {
      const client = desktopClient(server, desktop, await signedInSession(server, desktop, ada), { format });
      const bob = await server.createPerson('Bob Desk');
      expectError(await client.callRaw('profile.getInfo', { uid: bob.uid }, { format }), format, 200, 'Permissions error (desktop applications may only act on the session user)');
      expectError(await client.callRaw('profile.getInfo', {}, { format }), format, 1050, 'No information has been set for this user');
    });
  });
});
