/**
 * profile.setInfo on both backends (docs/profile-info.md): the answers byte for byte, the two
 * shapes of info_fields, replacing the whole section, who may be named, the limits, the errors of
 * bad input (100 for text that is not JSON or a bad title or type, 1051 for fields and items not as
 * documented), and the section going with the app. Calls are sent as the PHP client sends them
 * (method, api_key, session_key, v in the query; the rest in the body).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { MAX_FIELDS, MAX_ITEMS, MAX_URL_LENGTH } from '../../src/features/profile-info/info-fields.js';
import { hasPostgres } from '../support/postgres.js';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';

const FAILED_1051 = 'Setting info failed. Check the formatting of your info fields.';

/** The spec's two samples, as the PHP client json_encodes them (`/` as `\/`). */
const TEXT_FIELDS = '[{"field":"Favorite Engines","items":[{"label":"Difference Engine","link":"http:\\/\\/example.org\\/de"}]}]';
const THUMBNAIL_FIELDS =
  '[{"field":"Favorite Engines","items":[{"label":"Analytical Engine","link":"http:\\/\\/example.org\\/ae","image":"http:\\/\\/example.org\\/ae.jpg","description":"Never finished.","sublabel":"1837"}]}]';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('profile.setInfo on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let desktop: App;
  let ada: Person;
  let asAda: RestClient;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    [web, desktop] = [await server.createApp('web'), await server.createApp('desktop')];
    ada = await server.createPerson('Ada Lovelace');
    asAda = webClient(server, web, await signedInSession(server, web, ada));
  });
  afterAll(() => server?.close());

  const stored = (uid: number, app = web) => server.services.profileInfo.section(uid, app.appId);

  it.skipIf(skip)('answers 1 in XML and true in JSON, and stores both shapes of info_fields', async () => {
    const xml = await asAda.callRaw('profile.setInfo', { title: 'Engines', type: 1, info_fields: TEXT_FIELDS });
    expect(xml.body).toBe(xmlScalarAnswer('profile_setInfo_response', '1'));
    expect(await stored(ada.uid)).toEqual({
      title: 'Engines',
      type: 1,
      fields: [{ field: 'Favorite Engines', items: [{ label: 'Difference Engine', link: 'http://example.org/de' }] }],
    });

    const json = await asAda.callRaw('profile.setInfo', { title: 'Engines', type: '5', info_fields: THUMBNAIL_FIELDS }, { format: 'json' });
    expect(json.body).toBe('true');
    expect(await stored(ada.uid)).toEqual({
      title: 'Engines',
      type: 5,
      fields: [
        {
          field: 'Favorite Engines',
          items: [{ label: 'Analytical Engine', sublabel: '1837', description: 'Never finished.', link: 'http://example.org/ae', image: 'http://example.org/ae.jpg' }],
        },
      ],
    });
  });

  it.skipIf(skip)('replaces the whole section: fields not sent again are gone', async () => {
    const two = JSON.stringify([
      { field: 'Engines', items: [{ label: 'A', link: 'http://example.org/a' }] },
      { field: 'Looms', items: [{ label: 'Jacquard', link: 'http://example.org/j' }] },
    ]);
    await asAda.call('profile.setInfo', { title: 'Machines', type: 1, info_fields: two });
    expect((await stored(ada.uid))?.fields.map((field) => field.field)).toEqual(['Engines', 'Looms']);
    await asAda.call('profile.setInfo', { title: 'Only looms', type: 1, info_fields: JSON.stringify([{ field: 'Looms', items: [{ label: 'Jacquard', link: '' }] }]) });
    expect(await stored(ada.uid)).toEqual({ title: 'Only looms', type: 1, fields: [{ field: 'Looms', items: [{ label: 'Jacquard', link: '' }] }] });
    // An empty list keeps the header with no fields (the profile page then shows nothing).
    expect(await asAda.call('profile.setInfo', { title: 'Nothing yet', type: 1, info_fields: '[]' })).toBe(true);
    expect(await stored(ada.uid)).toEqual({ title: 'Nothing yet', type: 1, fields: [] });
  });

  it.skipIf(skip)('cuts the title to 25 characters and field names to 30, and drops white space around them', async () => {
    const fields = JSON.stringify([{ field: `  ${'F'.repeat(40)}  `, items: [{ label: 'x', link: 'http://example.org/', description: 'd'.repeat(1500) }] }]);
    await asAda.call('profile.setInfo', { title: `  ${'🙂'.repeat(30)}`, type: 5, info_fields: fields });
    const section = (await stored(ada.uid))!;
    expect(section.title).toBe('🙂'.repeat(25));
    expect(section.fields[0]!.field).toBe('F'.repeat(30));
    expect(section.fields[0]!.items[0]!.description).toBe('d'.repeat(1000));
  });

  it.skipIf(skip)('lets a web app name a user of it by uid without a session, signed with the app secret (facebooker)', async () => {
    const offline = server.client(web);
    expect(await offline.call('profile.setInfo', { uid: ada.uid, title: 'Set offline', type: 1, info_fields: TEXT_FIELDS })).toBe(true);
    expect((await stored(ada.uid))?.title).toBe('Set offline');
  });

  describe.each(FORMATS)('%s errors', (format) => {
    it.skipIf(skip)('refuses a person who has not authorized the app (200), with or without a session of someone else', async () => {
      const stranger = await server.createPerson('Charles Babbage');
      const answer = await server.client(web).callRaw('profile.setInfo', { uid: stranger.uid, title: 'Hijack', type: 1, info_fields: TEXT_FIELDS }, { format });
      expectError(answer, format, 200, `Permissions error (uid ${stranger.uid} has not authorized this application)`);
      const viaAda = await asAda.callRaw('profile.setInfo', { uid: stranger.uid, title: 'Hijack', type: 1, info_fields: TEXT_FIELDS }, { format });
      expectError(viaAda, format, 200, `Permissions error (uid ${stranger.uid} has not authorized this application)`);
      expect(await stored(stranger.uid)).toBeUndefined();
    });

    it.skipIf(skip)('refuses a desktop app naming anyone but its session user (200), and a call with neither uid nor session (102)', async () => {
      const client = desktopClient(server, desktop, await signedInSession(server, desktop, ada), { format });
      const other = await server.createPerson('Dee Desk');
      await server.store.authorizations.authorize(other.uid, desktop.appId);
      const answer = await client.callRaw('profile.setInfo', { uid: other.uid, title: 'x', type: 1, info_fields: TEXT_FIELDS }, { format });
      expectError(answer, format, 200, 'Permissions error (desktop applications may only act on the session user)');
      expect(await client.call('profile.setInfo', { title: 'From the desktop', type: 1, info_fields: TEXT_FIELDS })).toBe(true);
      expect((await stored(ada.uid, desktop))?.title).toBe('From the desktop');
      const nobody = await server.client(web).callRaw('profile.setInfo', { title: 'x', type: 1, info_fields: TEXT_FIELDS }, { format });
      expectError(nobody, format, 102, /^Session key invalid or no longer valid/);
    });

    it.skipIf(skip)('answers text that is not JSON, a bad type and a missing or blank title with 100', async () => {
      const cases: Array<[Record<string, string | number>, string]> = [
        [{ title: 'T', type: 1, info_fields: '[{"field":' }, 'Invalid parameter (info_fields: not valid JSON)'],
        [{ title: 'T', type: 1, info_fields: "array('field' => 'x')" }, 'Invalid parameter (info_fields: not valid JSON)'],
        [{ title: 'T', type: 3, info_fields: TEXT_FIELDS }, 'Invalid parameter (type: must be 1 (text) or 5 (thumbnails))'],
        [{ title: 'T', type: 'five', info_fields: TEXT_FIELDS }, 'Invalid parameter (type: must be 1 (text) or 5 (thumbnails))'],
        [{ type: 1, info_fields: TEXT_FIELDS }, 'Invalid parameter (title: missing)'],
        [{ title: '   ', type: 1, info_fields: TEXT_FIELDS }, 'Invalid parameter (title: blank)'],
        [{ title: 'T', info_fields: TEXT_FIELDS }, 'Invalid parameter (type: missing)'],
        [{ title: 'T', type: 1 }, 'Invalid parameter (info_fields: missing)'],
      ];
      for (const [args, message] of cases) expectError(await asAda.callRaw('profile.setInfo', args, { format }), format, 100, message);
    });

    it.skipIf(skip)('answers fields and items that are not as documented with 1051, naming the problem, and keeps the stored section', async () => {
      await asAda.call('profile.setInfo', { title: 'Kept', type: 1, info_fields: TEXT_FIELDS });
      const item = { label: 'L', link: 'http://example.org/' };
      const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));
      const cases: Array<[unknown, string]> = [
        [{ field: 'F', items: [item] }, 'info_fields must be a JSON array of fields'],
        ['just text', 'info_fields must be a JSON array of fields'],
        [[[item]], 'info_fields[0] must be an object with field and items'],
        [[{ items: [item] }], 'info_fields[0] has no field name'],
        [[{ field: 2009, items: [item] }], 'info_fields[0].field must be a string'],
        [[{ field: '  ', items: [item] }], 'info_fields[0].field is blank'],
        [[{ field: 'F' }], 'info_fields[0] has no items'],
        [[{ field: 'F', items: item }], 'info_fields[0].items must be a JSON array of items'],
        [[{ field: 'F', items: [] }], 'info_fields[0].items holds no items'],
        [[{ field: 'F', items: ['Difference Engine'] }], 'info_fields[0].items[0] must be an object with label and link'],
        [[{ field: 'F', items: [{ link: 'http://example.org/' }] }], 'info_fields[0].items[0] has no label'],
        [[{ field: 'F', items: [item, { label: 'No link' }] }], 'info_fields[0].items[1] has no link'],
        [[{ field: 'F', items: [{ label: ['a'], link: 'http://example.org/' }] }], 'info_fields[0].items[0].label must be a string'],
        [[{ field: 'F', items: [{ label: 'L', link: 'http://example.org/', image: { src: 'x' } }] }], 'info_fields[0].items[0].image must be a string'],
        [[{ field: 'F', items: [{ label: 'L', link: true }] }], 'info_fields[0].items[0].link must be a string'],
        [[{ field: 'F', items: [{ label: 'L', link: `http://example.org/${'a'.repeat(MAX_URL_LENGTH)}` }] }], `info_fields[0].items[0].link is longer than ${MAX_URL_LENGTH} characters`],
        [many(MAX_FIELDS + 1, (i) => ({ field: `F${i}`, items: [item] })), `info_fields holds more than ${MAX_FIELDS} fields`],
        [[{ field: 'F', items: many(MAX_ITEMS + 1, () => item) }], `info_fields[0].items holds more than ${MAX_ITEMS} items`],
      ];
      for (const [fields, detail] of cases) {
        const answer = await asAda.callRaw('profile.setInfo', { title: 'Broken', type: 5, info_fields: JSON.stringify(fields) }, { format });
        expectError(answer, format, 1051, `${FAILED_1051} (${detail})`);
      }
      expect((await stored(ada.uid))?.title).toBe('Kept');
    });
  });

  it.skipIf(skip)('exactly MAX_FIELDS fields of MAX_ITEMS items are accepted', async () => {
    const fields = Array.from({ length: MAX_FIELDS }, (_, i) => ({ field: `F${i}`, items: Array.from({ length: MAX_ITEMS }, (_, j) => ({ label: `L${j}`, link: '' })) }));
    expect(await asAda.call('profile.setInfo', { title: 'Full', type: 1, info_fields: JSON.stringify(fields) })).toBe(true);
    expect((await stored(ada.uid))?.fields.length).toBe(MAX_FIELDS);
  });

  it.skipIf(skip)('the section goes with the app when the person removes it, and does not come back with a new authorization', async () => {
    const person = await server.createPerson('Rita Removal');
    const client = webClient(server, web, await signedInSession(server, web, person));
    await client.call('profile.setInfo', { title: 'Soon gone', type: 1, info_fields: TEXT_FIELDS });
    expect(await stored(person.uid)).toBeDefined();
    expect(await server.services.grants.revoke(person.uid, web, 'person')).toBe(true);
    expect(await stored(person.uid)).toBeUndefined();
    await server.store.authorizations.authorize(person.uid, web.appId);
    expect(await stored(person.uid)).toBeUndefined();
  });
});
