/** photos.createAlbum on both backends: the answer in XML and JSON, the defaults, visibility, and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { photoCast, type PhotoCast } from './photos.setup.js';
import { looseCall } from './protocol-helpers.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('photos.createAlbum on $backend', ({ backend, skip }) => {
  let cast: PhotoCast;
  beforeAll(async () => {
    if (!skip) cast = await photoCast(backend);
  });
  afterAll(() => cast?.server.close());
  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;

  it.skipIf(skip)('answers the new album, fields in the platform’s order, aid a string of owner × 2^32 + its number', async () => {
    const answer = await cast.as('ada').callRaw('photos.createAlbum', { name: 'Engines', location: 'London', description: 'Difference & Analytical' }, { format: 'json' });
    const album = JSON.parse(answer.body) as Record<string, unknown>;
    expect(Object.keys(album)).toEqual(['aid', 'cover_pid', 'owner', 'name', 'created', 'modified', 'description', 'location', 'link', 'size', 'visible', 'type']);
    expect(album).toMatchObject({ cover_pid: '0', owner: cast.ada.uid, name: 'Engines', description: 'Difference & Analytical', location: 'London', size: 0, visible: 'everyone', type: 'normal' });
    const local = Number(BigInt(album.aid as string) & 0xffffffffn);
    expect(BigInt(album.aid as string)).toBe((BigInt(cast.ada.uid) << 32n) + BigInt(local));
    expect(answer.body).toContain(`"link":"${cast.server.url.replace(/\//g, '\\/')}\\/album.php?aid=${local}&id=${cast.ada.uid}"`);
    const xml = (await cast.as('ada').callRaw('photos.createAlbum', { name: 'Looms', visible: 'friends' })).body;
    expect([...xml.matchAll(/<([a-z_]+)>/g)].map((match) => match[1])).toEqual(['aid', 'cover_pid', 'owner', 'name', 'created', 'modified', 'link', 'size', 'visible', 'type']);
    expect(xml).toContain('<visible>friends</visible>');
    expect(xml).toContain('<description/>');
  });

  it.skipIf(skip)('takes `visibility` for `visible`, and a web app may name an app user by uid', async () => {
    const album = await looseCall(cast.server.client(cast.web), 'photos.createAlbum', { name: 'By uid', visibility: 'friends-of-friends', uid: cast.bob.uid });
    expect(album).toMatchObject({ owner: String(cast.bob.uid), visible: 'friends-of-friends' });
  });

  it.skipIf(skip)('refuses an empty name and an unknown visibility with 100, and a person who has not authorized the app with 200', async () => {
    expect((await failure(looseCall(cast.as('ada'), 'photos.createAlbum', { name: '   ' }))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'photos.createAlbum', {}))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'photos.createAlbum', { name: 'x', visible: 'custom' }))).code).toBe(100);
    const stranger = await cast.server.createPerson('Eve Outsider');
    expect((await failure(looseCall(cast.server.client(cast.web), 'photos.createAlbum', { name: 'x', uid: stranger.uid }))).code).toBe(200);
  });
});
