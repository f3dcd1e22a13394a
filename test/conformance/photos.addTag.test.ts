/** photos.addTag on both backends: one tag or a JSON list, the clients' quirks, who may be tagged, photo_upload, and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { localOf, photoCast, smallGif, uploadPhoto, type PhotoCast } from './photos.setup.js';
import { looseCall } from './protocol-helpers.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('photos.addTag on $backend', ({ backend, skip }) => {
  let cast: PhotoCast;
  let pid: string;
  beforeAll(async () => {
    if (skip) return;
    cast = await photoCast(backend);
    pid = (JSON.parse((await uploadPhoto(cast.server, cast.web, cast.sessions.ada, {}, await smallGif(), { format: 'json' })).body) as { pid: string }).pid;
  });
  afterAll(() => cast?.server.close());
  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;
  const tags = () => cast.server.services.photos.tagsOfPhotos([localOf(pid)]);

  it.skipIf(skip)('tags a friend at a point: 1 in XML, true in JSON; pyfacebook’s tag_uid=0 with a text is a text tag', async () => {
    expect((await cast.as('ada').callRaw('photos.addTag', { pid, tag_uid: cast.bob.uid, tag_text: '', x: '65.42481', y: '16.8627' })).body).toContain('>1</photos_addTag_response>');
    expect((await cast.as('ada').callRaw('photos.addTag', { pid, tag_uid: '0', tag_text: 'The Engine', x: '50', y: '50' }, { format: 'json' })).body).toBe('true');
    expect((await tags()).map((tag) => [tag.subject, tag.text, tag.x, tag.y])).toEqual([
      [cast.bob.uid, '', 65.42481, 16.8627],
      [null, 'The Engine', 50, 50],
    ]);
  });

  it.skipIf(skip)('takes several tags as a JSON list, and ignores the single-tag arguments then', async () => {
    const before = (await tags()).length;
    const list = JSON.stringify([{ x: 1, y: 2, tag_uid: cast.ada.uid }, { x: '3.5', y: 4, tag_text: 'Difference' }]);
    expect(await looseCall(cast.as('ada'), 'photos.addTag', { pid, tags: list, tag_text: 'ignored', x: 'nonsense' })).toBe(true);
    expect((await tags()).slice(before).map((tag) => [tag.subject, tag.text, tag.x])).toEqual([[cast.ada.uid, '', 1], [null, 'Difference', 3.5]]);
  });

  it.skipIf(skip)('refuses a stranger as subject (322), a bad position or no subject (100), an unknown or foreign pid (121)', async () => {
    expect((await failure(looseCall(cast.as('ada'), 'photos.addTag', { pid, tag_uid: cast.dan.uid, x: 1, y: 1 }))).code).toBe(322);
    expect((await failure(looseCall(cast.as('ada'), 'photos.addTag', { pid, tag_uid: 999999999, x: 1, y: 1 }))).code).toBe(322);
    for (const [x, y] of [['101', '5'], ['-1', '5'], ['abc', '5'], ['NaN', '5']]) expect((await failure(looseCall(cast.as('ada'), 'photos.addTag', { pid, tag_text: 'a', x, y }))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'photos.addTag', { pid, x: 1, y: 1 }))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'photos.addTag', { pid, tags: '{"x":1}' }))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'photos.addTag', { pid: '12', tag_text: 'a', x: 1, y: 1 }))).code).toBe(121);
    const forged = ((BigInt(cast.bob.uid) << 32n) + BigInt(localOf(pid))).toString();
    expect((await failure(looseCall(cast.as('bob'), 'photos.addTag', { pid: forged, tag_text: 'a', x: 1, y: 1 }))).code).toBe(121);
  });

  it.skipIf(skip)('without photo_upload an app tags only a photo waiting for approval (323)', async () => {
    const app = await cast.server.createApp('web');
    const session = await signedInSession(cast.server, app, cast.ada);
    const waiting = (JSON.parse((await uploadPhoto(cast.server, app, session, {}, await smallGif(), { format: 'json' })).body) as { pid: string }).pid;
    const client = webClient(cast.server, app, session);
    expect(await looseCall(client, 'photos.addTag', { pid: waiting, tag_text: 'fine', x: 1, y: 1 })).toBe(true);
    expect((await failure(looseCall(client, 'photos.addTag', { pid, tag_text: 'not allowed', x: 1, y: 1 }))).code).toBe(323);
  });
});
