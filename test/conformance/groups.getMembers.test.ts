/** groups.getMembers on both backends: the four lists, who may see them (OPEN, CLOSED, SECRET), the XML and JSON shapes, the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { communityCast, XML_ROOT_ATTRIBUTES, type CommunityCast } from './groups-pages.setup.js';
import { looseCall } from './protocol-helpers.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('groups.getMembers on $backend', ({ backend, skip }) => {
  let cast: CommunityCast;
  beforeAll(async () => {
    if (!skip) cast = await communityCast(backend);
  });
  afterAll(() => cast?.server.close());
  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;
  const members = async (who: 'ada' | 'bob' | 'cleo' | 'dan', gid: number) => JSON.parse((await cast.as(who).callRaw('groups.getMembers', { gid }, { format: 'json' })).body) as unknown;

  it.skipIf(skip)('lists members (officers and admins too), admins, officers and the invited, in XML as an object of lists', async () => {
    const { ada, bob, cleo } = cast;
    const xml = (await cast.as('dan').callRaw('groups.getMembers', { gid: cast.groups.open.gid })).body;
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<groups_getMembers_response ${XML_ROOT_ATTRIBUTES}>
  <members list="true">
    <uid>${ada.uid}</uid>
    <uid>${bob.uid}</uid>
  </members>
  <admins list="true">
    <uid>${ada.uid}</uid>
  </admins>
  <officers list="true">
    <uid>${bob.uid}</uid>
  </officers>
  <not_replied list="true">
    <uid>${cleo.uid}</uid>
  </not_replied>
</groups_getMembers_response>
`);
    const json = (await cast.as('dan').callRaw('groups.getMembers', { gid: cast.groups.open.gid }, { format: 'json' })).body;
    expect(json).toBe(`{"members":[${ada.uid},${bob.uid}],"admins":[${ada.uid}],"officers":[${bob.uid}],"not_replied":[${cleo.uid}]}`);
  });

  it.skipIf(skip)('shows a CLOSED group’s people only to them; empty lists are written self-closing', async () => {
    const { ada, bob } = cast;
    expect(await members('bob', cast.groups.closed.gid)).toEqual({ members: [ada.uid, bob.uid], admins: [ada.uid], officers: [], not_replied: [] });
    expect(await members('dan', cast.groups.closed.gid)).toEqual({ members: [], admins: [], officers: [], not_replied: [] });
    const xml = (await cast.as('dan').callRaw('groups.getMembers', { gid: cast.groups.closed.gid })).body;
    expect(xml).toContain(`<groups_getMembers_response ${XML_ROOT_ATTRIBUTES}>\n  <members list="true"/>\n  <admins list="true"/>\n  <officers list="true"/>\n  <not_replied list="true"/>\n</groups_getMembers_response>`);
  });

  it.skipIf(skip)('a SECRET group is unknown (100) to all but its people; the invited see it', async () => {
    expect(await members('cleo', cast.groups.secret.gid)).toEqual({ members: [cast.ada.uid], admins: [cast.ada.uid], officers: [], not_replied: [cast.cleo.uid] });
    expect((await failure(looseCall(cast.as('bob'), 'groups.getMembers', { gid: cast.groups.secret.gid }))).code).toBe(100);
  });

  it.skipIf(skip)('needs a session (102) and a gid that names a group (100)', async () => {
    expect((await failure(looseCall(cast.server.client(cast.web), 'groups.getMembers', { gid: cast.groups.open.gid }))).code).toBe(102);
    expect((await failure(looseCall(cast.as('ada'), 'groups.getMembers', {}))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'groups.getMembers', { gid: 'abc' }))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'groups.getMembers', { gid: 999 }))).code).toBe(100);
  });
});
