/** The FQL tables album, photo and photo_tag on both backends: every column, the indexes, and the same privacy as the methods. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres } from '../support/postgres.js';
import { localOf, photoCast, smallGif, uploadPhoto, type PhotoCast } from './photos.setup.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('FQL album, photo, photo_tag on $backend', ({ backend, skip }) => {
  let cast: PhotoCast;
  let aid: string;
  let pid: string;
  beforeAll(async () => {
    if (skip) return;
    cast = await photoCast(backend);
    const album = await cast.server.services.photos.createAlbum({ owner: cast.ada.uid, appId: cast.web.appId, name: 'Friends only', visible: 'friends' });
    aid = ((BigInt(cast.ada.uid) << 32n) + BigInt(album.albumId)).toString();
    pid = (JSON.parse((await uploadPhoto(cast.server, cast.web, cast.sessions.ada, { aid, caption: 'Engine' }, await smallGif(), { format: 'json' })).body) as { pid: string }).pid;
    await cast.server.services.photos.addTags(cast.ada.uid, cast.ada.uid, localOf(pid), [{ subject: cast.bob.uid, text: '', x: 10, y: 20 }], true);
  });
  afterAll(() => cast?.server.close());
  const query = async (who: 'ada' | 'bob' | 'dan', fql: string) => JSON.parse((await cast.as(who).callRaw('fql.query', { query: fql }, { format: 'json' })).body) as Array<Record<string, unknown>>;

  it.skipIf(skip)('reads an album by owner and aid, with its size and cover, `visible` for the owner only', async () => {
    const [own] = await query('ada', `SELECT aid, cover_pid, owner, name, size, visible, type, can_upload, link FROM album WHERE owner = ${cast.ada.uid}`);
    expect(own).toEqual({ aid, cover_pid: pid, owner: cast.ada.uid, name: 'Friends only', size: 1, visible: 'friends', type: 'normal', can_upload: true, link: `${cast.server.url}/album.php?aid=${localOf(aid)}&id=${cast.ada.uid}` });
    const [friend] = await query('bob', `SELECT aid, visible, can_upload FROM album WHERE aid = "${aid}"`);
    expect(friend).toEqual({ aid, visible: null, can_upload: false });
    expect(await query('dan', `SELECT aid FROM album WHERE owner = ${cast.ada.uid}`)).toEqual([]);
  });

  it.skipIf(skip)('reads photos by album and pid, with their sizes; a subquery through photo_tag finds the photos a person is in', async () => {
    const [photo] = await query('bob', `SELECT pid, aid, owner, caption, src_big, src_big_width, src_big_height, src_small_width FROM photo WHERE aid = "${aid}"`);
    expect(photo).toMatchObject({ pid, aid, owner: cast.ada.uid, caption: 'Engine', src_big_width: 40, src_big_height: 30, src_small_width: 40 });
    expect(String(photo!.src_big)).toMatch(new RegExp(`^${cast.server.url}/photos/n${cast.ada.uid}_`));
    const tagged = await query('bob', `SELECT pid, caption FROM photo WHERE pid IN (SELECT pid FROM photo_tag WHERE subject = ${cast.bob.uid})`);
    expect(tagged).toEqual([{ pid, caption: 'Engine' }]);
    expect(await query('dan', `SELECT pid FROM photo WHERE pid = "${pid}"`)).toEqual([]);
  });

  it.skipIf(skip)('reads a photo’s tags with the person’s name, and none of a photo the reader may not see', async () => {
    expect(await query('bob', `SELECT pid, subject, text, xcoord, ycoord FROM photo_tag WHERE pid = "${pid}"`)).toEqual([{ pid, subject: cast.bob.uid, text: 'Bob Bobson', xcoord: 10, ycoord: 20 }]);
    expect(await query('dan', `SELECT pid FROM photo_tag WHERE subject = ${cast.bob.uid}`)).toEqual([]);
  });
});
