/** photos.getTags on both backends: the tags' fields in XML and JSON, a person's name as text, four decimals, who sees them, and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { localOf, photoCast, smallGif, uploadPhoto, type PhotoCast } from './photos.setup.js';
import { looseCall } from './protocol-helpers.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('photos.getTags on $backend', ({ backend, skip }) => {
  let cast: PhotoCast;
  let pid: string;
  let hidden: string;
  beforeAll(async () => {
    if (skip) return;
    cast = await photoCast(backend);
    const album = await cast.server.services.photos.createAlbum({ owner: cast.ada.uid, appId: cast.web.appId, name: 'Friends only', visible: 'friends' });
    const aid = ((BigInt(cast.ada.uid) << 32n) + BigInt(album.albumId)).toString();
    pid = (JSON.parse((await uploadPhoto(cast.server, cast.web, cast.sessions.ada, {}, await smallGif(), { format: 'json' })).body) as { pid: string }).pid;
    hidden = (JSON.parse((await uploadPhoto(cast.server, cast.web, cast.sessions.ada, { aid }, await smallGif(), { format: 'json' })).body) as { pid: string }).pid;
    await cast.server.services.photos.addTags(cast.ada.uid, cast.ada.uid, localOf(pid), [
      { subject: cast.bob.uid, text: '', x: 65.42481, y: 16.86270001 },
      { subject: undefined, text: 'The <Engine>', x: 50, y: 12.5 },
    ], true, new Date(Date.UTC(2010, 0, 1, 0, 10)));
    await cast.server.services.photos.addTags(cast.ada.uid, cast.ada.uid, localOf(hidden), [{ subject: cast.bob.uid, text: '', x: 1, y: 1 }], true);
  });
  afterAll(() => cast?.server.close());
  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;

  it.skipIf(skip)('answers each tag: pid, subject (a person’s only), text, positions with at most four decimals, created', async () => {
    const json = (await cast.as('dan').callRaw('photos.getTags', { pids: JSON.stringify([pid]) }, { format: 'json' })).body;
    expect(json).toBe(`[{"pid":"${pid}","subject":${cast.bob.uid},"text":"Bob Bobson","xcoord":65.4248,"ycoord":16.8627,"created":1262304600},{"pid":"${pid}","text":"The <Engine>","xcoord":50,"ycoord":12.5,"created":1262304600}]`);
    const xml = (await cast.as('dan').callRaw('photos.getTags', { pids: pid })).body;
    expect(xml).toContain(`<photo_tag>\n    <pid>${pid}</pid>\n    <subject>${cast.bob.uid}</subject>\n    <text>Bob Bobson</text>\n    <xcoord>65.4248</xcoord>\n    <ycoord>16.8627</ycoord>\n    <created>1262304600</created>\n  </photo_tag>`);
    expect(xml).toContain('<text>The &lt;Engine&gt;</text>');
  });

  it.skipIf(skip)('leaves out the tags of photos the reader may not see', async () => {
    const shown = async (who: 'bob' | 'dan') => (JSON.parse((await cast.as(who).callRaw('photos.getTags', { pids: [pid, hidden].join(',') }, { format: 'json' })).body) as Array<{ pid: string }>).map((tag) => tag.pid);
    expect(await shown('bob')).toEqual([pid, pid, hidden]);
    expect(await shown('dan')).toEqual([pid, pid]);
  });

  it.skipIf(skip)('needs pids (100), and refuses one that is not a pid (121)', async () => {
    expect((await failure(looseCall(cast.as('ada'), 'photos.getTags', {}))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'photos.getTags', { pids: '[]' }))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'photos.getTags', { pids: 'abc' }))).code).toBe(121);
  });
});
