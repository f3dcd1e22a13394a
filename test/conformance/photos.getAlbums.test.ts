/** photos.getAlbums on both backends: by owner and by aid, who sees which album, `visible` for the owner only, and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { photoCast, type PhotoCast } from './photos.setup.js';
import { looseCall } from './protocol-helpers.js';
import type { ArgumentValue } from '../../sdk/index.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('photos.getAlbums on $backend', ({ backend, skip }) => {
  let cast: PhotoCast;
  const aids: Record<string, string> = {};
  beforeAll(async () => {
    if (skip) return;
    cast = await photoCast(backend);
    for (const visible of ['everyone', 'friends', 'friends-of-friends'] as const) {
      const album = await cast.server.services.photos.createAlbum({ owner: cast.ada.uid, appId: cast.web.appId, name: `For ${visible}`, visible }, new Date(Date.UTC(2026, 0, ['everyone', 'friends', 'friends-of-friends'].indexOf(visible) + 1)));
      aids[visible] = ((BigInt(cast.ada.uid) << 32n) + BigInt(album.albumId)).toString();
    }
  });
  afterAll(() => cast?.server.close());
  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;
  const names = async (who: 'ada' | 'bob' | 'cleo' | 'dan', params: Record<string, ArgumentValue>) =>
    (JSON.parse((await cast.as(who).callRaw('photos.getAlbums', params, { format: 'json' })).body) as Array<{ name: string }>).map((album) => album.name);

  it.skipIf(skip)('shows each reader the albums their visibility allows, newest modified first', async () => {
    expect(await names('ada', { uid: cast.ada.uid })).toEqual(['For friends-of-friends', 'For friends', 'For everyone']);
    expect(await names('bob', { uid: cast.ada.uid })).toEqual(['For friends-of-friends', 'For friends', 'For everyone']);
    expect(await names('cleo', { uid: cast.ada.uid })).toEqual(['For friends-of-friends', 'For everyone']);
    expect(await names('dan', { uid: cast.ada.uid })).toEqual(['For everyone']);
    const sessionless = JSON.parse((await cast.server.client(cast.web).callRaw('photos.getAlbums', { uid: cast.ada.uid }, { format: 'json' })).body) as Array<{ name: string }>;
    expect(sessionless.map((album) => album.name)).toEqual(['For everyone']);
  });

  it.skipIf(skip)('`visible` is the owner’s to see; by aid, with a JSON array of numbers read without rounding; both filters intersect', async () => {
    const own = JSON.parse((await cast.as('ada').callRaw('photos.getAlbums', { aids: `[${aids.friends}]` }, { format: 'json' })).body) as Array<Record<string, unknown>>;
    expect(own).toEqual([expect.objectContaining({ aid: aids.friends, visible: 'friends' })]);
    const bobs = JSON.parse((await cast.as('bob').callRaw('photos.getAlbums', { aids: [aids.friends, aids.everyone].join(',') }, { format: 'json' })).body) as Array<Record<string, unknown>>;
    expect(bobs.map((album) => album.aid)).toEqual([aids.friends, aids.everyone]);
    expect(bobs.every((album) => !('visible' in album))).toBe(true);
    expect(await names('ada', { uid: cast.bob.uid, aids: JSON.stringify([aids.everyone]) })).toEqual([]);
    // An aid whose owner half is someone else's names no album.
    const forged = ((BigInt(cast.bob.uid) << 32n) + (BigInt(aids.everyone!) & 0xffffffffn)).toString();
    expect(await names('ada', { aids: forged })).toEqual([]);
  });

  it.skipIf(skip)('answers XML as a list of album elements', async () => {
    const xml = (await cast.as('dan').callRaw('photos.getAlbums', { uid: cast.ada.uid })).body;
    expect(xml).toContain('<photos_getAlbums_response xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd" list="true">');
    expect(xml).toContain(`<album>\n    <aid>${aids.everyone}</aid>\n    <cover_pid>0</cover_pid>`);
  });

  it.skipIf(skip)('needs uid or aids (100), and refuses an aid that is not one (120)', async () => {
    expect((await failure(looseCall(cast.as('ada'), 'photos.getAlbums', {}))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'photos.getAlbums', { uid: '', aids: '' }))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'photos.getAlbums', { aids: 'abc' }))).code).toBe(120);
    expect((await failure(looseCall(cast.as('ada'), 'photos.getAlbums', { aids: '[1,' }))).code).toBe(120);
  });
});
