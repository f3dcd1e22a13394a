/** The FQL tables group, group_member, page, page_fan and page_admin on both backends: indexes, privacy, shapes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { communityCast, type CommunityCast } from './groups-pages.setup.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('FQL on groups and pages on $backend', ({ backend, skip }) => {
  let cast: CommunityCast;
  beforeAll(async () => {
    if (!skip) cast = await communityCast(backend);
  });
  afterAll(() => cast?.server.close());
  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;
  const query = async (who: 'ada' | 'bob' | 'cleo' | 'dan' | undefined, fql: string) => {
    const client = who === undefined ? cast.server.client(cast.web) : cast.as(who);
    return JSON.parse((await client.callRaw('fql.query', { query: fql }, { format: 'json' })).body) as Array<Record<string, unknown>>;
  };

  it.skipIf(skip)('group: by gid, SECRET only for its people, venue as a struct', async () => {
    const { open, closed, secret } = cast.groups;
    const all = `SELECT gid, name, privacy FROM group WHERE gid IN (${open.gid}, ${closed.gid}, ${secret.gid})`;
    expect((await query('dan', all)).map((row) => row.privacy)).toEqual(['OPEN', 'CLOSED']);
    expect((await query(undefined, all)).map((row) => row.privacy)).toEqual(['OPEN', 'CLOSED']);
    expect((await query('cleo', all)).map((row) => row.privacy)).toEqual(['OPEN', 'CLOSED', 'SECRET']);
    expect(await query('dan', `SELECT venue, creator, update_time FROM group WHERE gid = ${open.gid}`)).toEqual([
      { venue: { street: '', city: '', state: 'CA', country: 'United States' }, creator: cast.ada.uid, update_time: 1262304000 },
    ]);
  });

  it.skipIf(skip)('group_member: joined people with their roles, by gid or uid, where the viewer may see them', async () => {
    const { open, closed, secret } = cast.groups;
    expect(await query('dan', `SELECT uid, positions FROM group_member WHERE gid = ${open.gid}`)).toEqual([
      { uid: cast.ada.uid, positions: ['OWNER', 'ADMIN'] },
      { uid: cast.bob.uid, positions: ['OFFICER'] },
    ]);
    expect(await query('dan', `SELECT uid FROM group_member WHERE gid = ${closed.gid}`)).toEqual([]);
    expect((await query('bob', `SELECT uid FROM group_member WHERE gid = ${closed.gid}`)).length).toBe(2);
    expect((await query('dan', `SELECT gid FROM group_member WHERE uid = ${cast.ada.uid}`)).map((row) => row.gid)).toEqual([open.gid]);
    expect((await query('cleo', `SELECT gid FROM group_member WHERE uid = ${cast.ada.uid}`)).map((row) => row.gid)).toEqual([open.gid, secret.gid]);
    const xml = (await cast.as('dan').callRaw('fql.query', { query: `SELECT positions FROM group_member WHERE gid = ${open.gid} AND uid = ${cast.ada.uid}` })).body;
    expect(xml).toContain('<positions list="true">\n      <member_type>OWNER</member_type>\n      <member_type>ADMIN</member_type>\n    </positions>');
  });

  it.skipIf(skip)('page: by page_id, name or username, for anyone; has_added_app for the calling app', async () => {
    const { band } = cast.pages;
    expect(await query(undefined, `SELECT page_id, name, fan_count, has_added_app FROM page WHERE username = 'hearthquartet'`)).toEqual([
      { page_id: band.pageId, name: 'Hearth Quartet', fan_count: 2, has_added_app: true },
    ]);
    expect((await query('dan', `SELECT page_id FROM page WHERE name = 'Hearth Quartet'`)).map((row) => row.page_id)).toEqual([band.pageId]);
    expect(await query('dan', `SELECT type, genre.party, bio FROM page WHERE page_id = ${band.pageId}`)).toEqual([{ type: 'MUSICIANS', genre: { party: true }, bio: 'Four strings & more' }]);
  });

  it.skipIf(skip)('page_fan: by uid (page_id alone is 604); page_admin: by uid or page_id', async () => {
    const { band, about } = cast.pages;
    expect(await query('dan', `SELECT page_id, type FROM page_fan WHERE uid = ${cast.bob.uid}`)).toEqual([
      { page_id: band.pageId, type: 'MUSICIANS' },
      { page_id: about.pageId, type: 'APPLICATION' },
    ]);
    expect(await query('dan', `SELECT uid FROM page_fan WHERE uid = ${cast.bob.uid} AND page_id = ${about.pageId}`)).toEqual([{ uid: cast.bob.uid }]);
    expect((await failure(cast.as('dan').call('fql.query', { query: `SELECT uid FROM page_fan WHERE page_id = ${band.pageId}` }))).code).toBe(604);
    expect(await query('dan', `SELECT uid, type FROM page_admin WHERE page_id = ${band.pageId}`)).toEqual([{ uid: cast.ada.uid, type: 'MUSICIANS' }]);
    expect(await query(undefined, `SELECT page_id FROM page_admin WHERE uid = ${cast.dan.uid}`)).toEqual([{ page_id: about.pageId }]);
  });
});
