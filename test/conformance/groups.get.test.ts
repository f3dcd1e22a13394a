/** groups.get on both backends: by member, by gid, both and neither; who sees which group; the XML and JSON shapes; the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { communityCast, XML_ROOT_ATTRIBUTES, type CommunityCast } from './groups-pages.setup.js';
import { looseCall } from './protocol-helpers.js';
import type { ArgumentValue } from '../../sdk/index.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('groups.get on $backend', ({ backend, skip }) => {
  let cast: CommunityCast;
  beforeAll(async () => {
    if (!skip) cast = await communityCast(backend);
  });
  afterAll(() => cast?.server.close());
  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;
  const names = async (who: 'ada' | 'bob' | 'cleo' | 'dan', params: Record<string, ArgumentValue>) =>
    (JSON.parse((await cast.as(who).callRaw('groups.get', params, { format: 'json' })).body) as Array<{ name: string }>).map((group) => group.name);

  it.skipIf(skip)('gives the session user’s groups by default, invitations included', async () => {
    expect(await names('ada', {})).toEqual(['Analytical Engine Fans', 'Difference Engine Builders', 'Note G Reading Circle']);
    expect(await names('cleo', {})).toEqual(['Analytical Engine Fans', 'Note G Reading Circle']);
    expect(await names('dan', {})).toEqual([]);
  });

  it.skipIf(skip)('shows another person’s groups only where the reader may see who is in them', async () => {
    expect(await names('dan', { uid: cast.ada.uid })).toEqual(['Analytical Engine Fans']);
    expect(await names('bob', { uid: cast.ada.uid })).toEqual(['Analytical Engine Fans', 'Difference Engine Builders']);
    expect(await names('cleo', { uid: cast.ada.uid })).toEqual(['Analytical Engine Fans', 'Note G Reading Circle']);
  });

  it.skipIf(skip)('by gid: OPEN and CLOSED for anyone, SECRET for its people; with uid, those of both', async () => {
    const { open, closed, secret } = cast.groups;
    expect(await names('dan', { gids: `${open.gid},${closed.gid},${secret.gid}` })).toEqual(['Analytical Engine Fans', 'Difference Engine Builders']);
    expect(await names('cleo', { gids: JSON.stringify([secret.gid]) })).toEqual(['Note G Reading Circle']);
    expect(await names('ada', { uid: cast.bob.uid, gids: `${open.gid}, ${secret.gid}` })).toEqual(['Analytical Engine Fans']);
  });

  it.skipIf(skip)('writes each group in the platform’s order, in XML and in JSON', async () => {
    const { open } = cast.groups;
    const xml = (await cast.as('dan').callRaw('groups.get', { gids: open.gid })).body;
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<groups_get_response ${XML_ROOT_ATTRIBUTES} list="true">
  <group>
    <gid>${open.gid}</gid>
    <name>Analytical Engine Fans</name>
    <nid>0</nid>
    <description>Gears, cards and poetry.</description>
    <group_type>Just for Fun</group_type>
    <group_subtype>Fan Clubs</group_subtype>
    <recent_news/>
    <pic/>
    <pic_big/>
    <pic_small/>
    <creator>${cast.ada.uid}</creator>
    <update_time>1262304000</update_time>
    <office/>
    <website/>
    <venue>
      <street/>
      <city/>
      <state>CA</state>
      <country>United States</country>
    </venue>
    <privacy>OPEN</privacy>
  </group>
</groups_get_response>
`);
    const json = (await cast.as('dan').callRaw('groups.get', { gids: open.gid }, { format: 'json' })).body;
    expect(json).toBe(
      `[{"gid":${open.gid},"name":"Analytical Engine Fans","nid":0,"description":"Gears, cards and poetry.","group_type":"Just for Fun","group_subtype":"Fan Clubs","recent_news":"","pic":"","pic_big":"","pic_small":"","creator":${cast.ada.uid},"update_time":1262304000,"office":"","website":"","venue":{"street":"","city":"","state":"CA","country":"United States"},"privacy":"OPEN"}]`,
    );
    expect(open.gid).toBeGreaterThan(600000000);
  });

  it.skipIf(skip)('needs a session (102), refuses a bad gid list (100) and a uid that names nobody (110)', async () => {
    expect((await failure(looseCall(cast.server.client(cast.web), 'groups.get', {}))).code).toBe(102);
    expect((await failure(looseCall(cast.as('ada'), 'groups.get', { gids: 'abc' }))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'groups.get', { gids: '[1,' }))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'groups.get', { uid: 'x' }))).code).toBe(110);
    expect((await failure(looseCall(cast.as('ada'), 'groups.get', { uid: 999999999 }))).code).toBe(110);
  });
});
