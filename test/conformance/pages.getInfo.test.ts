/** pages.getInfo on both backends: by page_ids, by fan, without a session, type filters, field order, XML and JSON shapes, the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { communityCast, XML_ROOT_ATTRIBUTES, type CommunityCast } from './groups-pages.setup.js';
import { looseCall } from './protocol-helpers.js';
import type { ArgumentValue } from '../../sdk/index.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('pages.getInfo on $backend', ({ backend, skip }) => {
  let cast: CommunityCast;
  beforeAll(async () => {
    if (!skip) cast = await communityCast(backend);
  });
  afterAll(() => cast?.server.close());
  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;
  const rows = async (who: 'ada' | 'bob' | 'cleo' | 'dan' | undefined, params: Record<string, ArgumentValue>) => {
    const client = who === undefined ? cast.server.client(cast.web) : cast.as(who);
    return JSON.parse((await client.callRaw('pages.getInfo', params, { format: 'json' })).body) as Array<Record<string, unknown>>;
  };

  it.skipIf(skip)('writes the fields in schema order, page_id first, whatever order they were asked in', async () => {
    const { band } = cast.pages;
    const params = { page_ids: band.pageId, fields: 'genre,company_overview,fan_count,website,type,pic_square,name' };
    const xml = (await cast.as('dan').callRaw('pages.getInfo', params)).body;
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<pages_getInfo_response ${XML_ROOT_ATTRIBUTES} list="true">
  <page>
    <page_id>${band.pageId}</page_id>
    <name>Hearth Quartet</name>
    <pic_square/>
    <type>MUSICIANS</type>
    <website>http://hearth.example.org</website>
    <fan_count>2</fan_count>
    <company_overview/>
    <genre>
      <dance>0</dance>
      <party>1</party>
      <relax>0</relax>
      <talk>0</talk>
      <think>0</think>
      <workout>0</workout>
      <sing>0</sing>
      <intimate>0</intimate>
      <raunchy>0</raunchy>
      <headphones>0</headphones>
    </genre>
  </page>
</pages_getInfo_response>
`);
    const json = (await cast.as('dan').callRaw('pages.getInfo', params, { format: 'json' })).body;
    expect(json).toBe(
      `[{"page_id":${band.pageId},"name":"Hearth Quartet","pic_square":"","type":"MUSICIANS","website":"http:\\/\\/hearth.example.org","fan_count":2,"company_overview":"","genre":{"dance":false,"party":true,"relax":false,"talk":false,"think":false,"workout":false,"sing":false,"intimate":false,"raunchy":false,"headphones":false}}]`,
    );
    expect(band.pageId).toBeGreaterThan(400000000);
  });

  it.skipIf(skip)('has_added_app, username, page_url, bio and location', async () => {
    const [row] = await rows('dan', { page_ids: JSON.stringify([cast.pages.band.pageId]), fields: ['has_added_app', 'username', 'page_url', 'bio', 'location'].join(', ') });
    expect(row).toEqual({
      page_id: cast.pages.band.pageId,
      page_url: `${cast.server.url}/page.php?id=${cast.pages.band.pageId}`,
      has_added_app: true,
      username: 'hearthquartet',
      location: { street: '', city: '', state: '', country: '', zip: '' },
      bio: 'Four strings & more',
    });
    expect(Object.keys(row!)).toEqual(['page_id', 'page_url', 'has_added_app', 'username', 'location', 'bio']);
  });

  it.skipIf(skip)('without page_ids: the pages a person is a fan of (the session user by default); without a session, those that added the app', async () => {
    const ids = (list: Array<Record<string, unknown>>) => list.map((row) => row.page_id);
    const { band, about } = cast.pages;
    expect(ids(await rows('bob', { fields: 'name' }))).toEqual([band.pageId, about.pageId]);
    expect(ids(await rows('dan', { fields: 'name', uid: cast.cleo.uid }))).toEqual([band.pageId]);
    expect(ids(await rows('dan', { fields: 'name' }))).toEqual([]);
    expect(ids(await rows('bob', { fields: 'name', page_ids: `${band.pageId},${about.pageId}`, uid: cast.cleo.uid }))).toEqual([band.pageId]);
    expect(ids(await rows(undefined, { fields: 'name', uid: cast.bob.uid }))).toEqual([band.pageId]);
    expect(ids(await rows(undefined, { fields: 'name', page_ids: about.pageId }))).toEqual([about.pageId]);
  });

  it.skipIf(skip)('filters by type, in any case', async () => {
    const { band, about } = cast.pages;
    expect((await rows('bob', { fields: 'type', type: 'APPLICATION' })).map((row) => row.page_id)).toEqual([about.pageId]);
    expect((await rows('bob', { fields: 'type', type: 'musicians', page_ids: `${band.pageId},${about.pageId}` })).map((row) => row.page_id)).toEqual([band.pageId]);
  });

  it.skipIf(skip)('needs fields (100), known fields (100), a known type (152), page ids (100) and a uid that names somebody (110)', async () => {
    const ada = cast.as('ada');
    expect((await failure(looseCall(ada, 'pages.getInfo', { page_ids: cast.pages.band.pageId }))).code).toBe(100);
    expect((await failure(looseCall(ada, 'pages.getInfo', { fields: 'name,shoe_size' }))).code).toBe(100);
    const typed = await failure(looseCall(ada, 'pages.getInfo', { fields: 'name', type: 'SPACESHIPS' }));
    expect([typed.code, typed.message]).toEqual([152, expect.stringContaining('Invalid page type')]);
    expect((await failure(looseCall(ada, 'pages.getInfo', { fields: 'name', page_ids: 'x,y' }))).code).toBe(100);
    expect((await failure(looseCall(ada, 'pages.getInfo', { fields: 'name', uid: 999999999 }))).code).toBe(110);
  });
});
