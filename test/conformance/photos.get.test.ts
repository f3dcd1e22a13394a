/** photos.get on both backends: by album, by pid, by the person tagged, their intersection, who sees what, and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { localOf, photoCast, smallGif, uploadPhoto, type PhotoCast } from './photos.setup.js';
import { looseCall } from './protocol-helpers.js';
import type { ArgumentValue } from '../../sdk/index.js';

interface Shown {
  pid: string;
  aid: string;
  caption: string;
}

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('photos.get on $backend', ({ backend, skip }) => {
  let cast: PhotoCast;
  let open: string;
  let friendsOnly: string;
  const pids: string[] = [];
  beforeAll(async () => {
    if (skip) return;
    cast = await photoCast(backend);
    const gif = await smallGif();
    const make = async (visible: 'everyone' | 'friends') => {
      const album = await cast.server.services.photos.createAlbum({ owner: cast.ada.uid, appId: cast.web.appId, name: visible, visible });
      return ((BigInt(cast.ada.uid) << 32n) + BigInt(album.albumId)).toString();
    };
    [open, friendsOnly] = [await make('everyone'), await make('friends')];
    for (const [aid, caption] of [[open, 'first'], [open, 'second'], [friendsOnly, 'private']] as const) {
      pids.push((JSON.parse((await uploadPhoto(cast.server, cast.web, cast.sessions.ada, { aid, caption }, gif, { format: 'json' })).body) as Shown).pid);
    }
    await cast.server.services.photos.addTags(cast.ada.uid, cast.ada.uid, localOf(pids[1]!), [{ subject: cast.bob.uid, text: '', x: 10, y: 20 }], true);
    await cast.server.services.photos.addTags(cast.ada.uid, cast.ada.uid, localOf(pids[2]!), [{ subject: cast.bob.uid, text: '', x: 10, y: 20 }], true);
  });
  afterAll(() => cast?.server.close());
  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;
  const captions = async (who: 'ada' | 'bob' | 'dan', params: Record<string, ArgumentValue>) =>
    (JSON.parse((await cast.as(who).callRaw('photos.get', params, { format: 'json' })).body) as Shown[]).map((photo) => photo.caption);

  it.skipIf(skip)('lists an album in upload order, pids newest first, the photos a person is tagged in, and the intersection', async () => {
    expect(await captions('dan', { aid: open })).toEqual(['first', 'second']);
    expect(await captions('ada', { pids: JSON.stringify(pids) })).toEqual(['private', 'second', 'first']);
    expect(await captions('ada', { subj_id: cast.bob.uid })).toEqual(['private', 'second']);
    expect(await captions('ada', { subj_id: cast.bob.uid, aid: open })).toEqual(['second']);
    expect(await captions('ada', { pids: pids.join(','), aid: open })).toEqual(['first', 'second']);
  });

  it.skipIf(skip)('shows a friends-only album’s photos to friends only, and answers the nine fields in XML', async () => {
    expect(await captions('bob', { aid: friendsOnly })).toEqual(['private']);
    expect(await captions('dan', { aid: friendsOnly })).toEqual([]);
    expect(await captions('dan', { subj_id: cast.bob.uid })).toEqual(['second']);
    const xml = (await cast.as('dan').callRaw('photos.get', { pids: pids[0]! })).body;
    expect(xml).toContain('list="true">\n  <photo>\n    <pid>');
    expect([...xml.matchAll(/<([a-z_]+)>/g)].map((match) => match[1])).toEqual(['photo', 'pid', 'aid', 'owner', 'src', 'src_big', 'src_small', 'link', 'caption', 'created']);
  });

  it.skipIf(skip)('needs a filter (100), and refuses a malformed aid (120) or pid (121)', async () => {
    expect((await failure(looseCall(cast.as('ada'), 'photos.get', {}))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'photos.get', { aid: 'x' }))).code).toBe(120);
    expect((await failure(looseCall(cast.as('ada'), 'photos.get', { pids: '[0]' }))).code).toBe(121);
  });
});
