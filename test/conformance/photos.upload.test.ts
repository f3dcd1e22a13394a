/**
 * photos.upload on both backends, sent as the clients send it: the answer byte for byte in its
 * fields and order, the three sizes made by sharp and served at their URLs (type, cache headers,
 * ETag, 304), EXIF orientation applied and the GPS position gone, the app's default album, pending
 * photos without photo_upload, and every bad file refused with a clear error and nothing stored.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { hasPostgres } from '../support/postgres.js';
import { signedInSession } from '../support/sessions.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { cameraJpeg, smallGif, transparentPng, uploadPhoto, withPngSize } from './photos.setup.js';
import { parseError } from './protocol-helpers.js';

interface PhotoAnswer {
  pid: string;
  aid: string;
  owner: number;
  src: string;
  src_big: string;
  src_small: string;
  link: string;
  caption: string;
  created: number;
}

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('photos.upload on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let ada: Person;
  let session: SessionInfo;
  let jpeg: Buffer;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
    ada = await server.createPerson('Ada Lovelace');
    session = await signedInSession(server, web, ada);
    await server.store.permissions.grant(ada.uid, web.appId, 'photo_upload');
    jpeg = await cameraJpeg();
  }, 30_000);
  afterAll(() => server?.close());

  const photoCount = async () => (await server.services.photos.photos(ada.uid, { subject: undefined, albumId: undefined, photoIds: undefined })).photos.length;

  it.skipIf(skip)('answers the photo in JSON with string ids and absolute URLs, into the app’s default album named after it', async () => {
    const answer = await uploadPhoto(server, web, session, { caption: 'Difference Engine No. 2' }, jpeg, { format: 'json' });
    expect(answer.status).toBe(200);
    const photo = JSON.parse(answer.body) as PhotoAnswer;
    expect(Object.keys(photo)).toEqual(['pid', 'aid', 'owner', 'src', 'src_big', 'src_small', 'link', 'caption', 'created']);
    expect(photo.pid).toMatch(/^\d{16,20}$/);
    expect(BigInt(photo.pid) >> 32n).toBe(BigInt(ada.uid));
    expect(BigInt(photo.aid) >> 32n).toBe(BigInt(ada.uid));
    expect(photo).toMatchObject({ owner: ada.uid, caption: 'Difference Engine No. 2' });
    expect(answer.body).toContain(`"src":"${server.url.replace(/\//g, '\\/')}\\/photos\\/s${ada.uid}_`);
    expect(photo.src_big).toMatch(new RegExp(`^${server.url}/photos/n${ada.uid}_\\d+_[0-9a-f]{16}\\.jpg$`));
    expect(photo.src_small).toMatch(new RegExp(`^${server.url}/photos/t${ada.uid}_\\d+_[0-9a-f]{16}\\.jpg$`));
    expect(photo.link).toBe(`${server.url}/photo.php?pid=${Number(BigInt(photo.pid) & 0xffffffffn)}&id=${ada.uid}`);
    const albums = JSON.parse((await server.client(web).callRaw('photos.getAlbums', { uid: ada.uid }, { format: 'json' })).body) as Array<{ aid: string; name: string; size: number; cover_pid: string }>;
    expect(albums).toEqual([expect.objectContaining({ aid: photo.aid, name: web.name, size: 1, cover_pid: photo.pid })]);
  });

  it.skipIf(skip)('answers XML in the order of the platform’s answer', async () => {
    const answer = await uploadPhoto(server, web, session, { caption: '' }, jpeg, { partName: '_file' });
    expect(answer.status).toBe(200);
    const names = [...answer.body.matchAll(/<([a-z_]+)>/g)].map((match) => match[1]);
    expect(names).toEqual(['pid', 'aid', 'owner', 'src', 'src_big', 'src_small', 'link', 'created']);
    expect(answer.body).toContain('<caption/>');
    expect(answer.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<photos_upload_response xmlns="http:\/\/api.facebook.com\/1.0\/"/);
  });

  it.skipIf(skip)('serves the three sizes: upright, within their bounds, without EXIF or GPS, cached with an ETag', async () => {
    const photo = JSON.parse((await uploadPhoto(server, web, session, {}, jpeg, { format: 'json', partName: 'filename', contentType: 'application/octet-stream' })).body) as PhotoAnswer;
    const sizes: Array<[string, number, number]> = [
      [photo.src_big, 540, 720],
      [photo.src, 98, 130],
      [photo.src_small, 75, 100],
    ];
    for (const [url, width, height] of sizes) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const etag = response.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      const bytes = Buffer.from(await response.arrayBuffer());
      const metadata = await sharp(bytes).metadata();
      // The camera's 1600 × 1200, turned as its EXIF said, then fitted.
      expect([metadata.width, metadata.height]).toEqual([width, height]);
      expect(metadata.exif).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(bytes.includes(Buffer.from('Hearth test camera'))).toBe(false);
      const again = await fetch(url, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
    }
    // The left half was red: after the turn it is on top.
    const { data, info } = await sharp(Buffer.from(await (await fetch(photo.src_big)).arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(pixel(270, 10)[0]).toBeGreaterThan(150);
    expect(pixel(270, 710)[2]).toBeGreaterThan(150);
    // A wrong key, size letter or extension is no image.
    for (const url of [photo.src.replace(/_[0-9a-f]{16}\./, '_0000000000000000.'), photo.src.replace('.jpg', '.png'), photo.src.replace('/photos/s', '/photos/x'), photo.src.replace(`/photos/s${ada.uid}_`, `/photos/s${ada.uid + 1}_`), `${server.url}/photos/`]) {
      expect((await fetch(url)).status).toBe(404);
    }
  });

  it.skipIf(skip)('keeps transparency as PNG, takes a GIF’s picture, and stores the same image once', async () => {
    const png = JSON.parse((await uploadPhoto(server, web, session, {}, await transparentPng(), { format: 'json', filename: 'x.png', contentType: 'image/png' })).body) as PhotoAnswer;
    expect(png.src).toMatch(/\.png$/);
    const served = await fetch(png.src_big);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).hasAlpha).toBe(true);
    const gif = JSON.parse((await uploadPhoto(server, web, session, {}, await smallGif(), { format: 'json', filename: 'x.gif', contentType: 'image/gif' })).body) as PhotoAnswer;
    expect((await sharp(Buffer.from(await (await fetch(gif.src_big)).arrayBuffer())).metadata()).width).toBe(40);
    const twice = JSON.parse((await uploadPhoto(server, web, session, {}, await smallGif(), { format: 'json' })).body) as PhotoAnswer;
    expect(twice.pid).not.toBe(gif.pid);
    expect((await fetch(twice.src_big)).headers.get('etag')).toBe((await fetch(gif.src_big)).headers.get('etag'));
  });

  it.skipIf(skip)('refuses what is not a photo it takes with 324, a bad or foreign aid with 120, and stores nothing', async () => {
    const before = await photoCount();
    const refused = async (file: Buffer, params: Record<string, string> = {}, options = {}) => parseError('json', (await uploadPhoto(server, web, session, params, file, { format: 'json', ...options })).body);
    const webp = await sharp({ create: { width: 20, height: 20, channels: 3, background: 'red' } }).webp().toBuffer();
    const cases: Array<[Buffer, RegExp]> = [
      [Buffer.from('GIF89a but not really'), /not an image/],
      [Buffer.from('%PDF-1.4 pretending to be photo.jpg'), /not an image/],
      [jpeg.subarray(0, Math.floor(jpeg.length / 2)), /truncated or damaged/],
      [webp, /WEBP image; Hearth takes JPEG, PNG and GIF/],
      [Buffer.alloc(0), /empty/],
    ];
    for (const [file, message] of cases) {
      const error = await refused(file);
      expect(error.code).toBe(324);
      expect(error.message).toMatch(message);
    }
    expect((await refused(jpeg, {}, { noFile: true })).code).toBe(324);
    expect((await refused(jpeg, { aid: '12345' })).code).toBe(120);
    const other = await server.createPerson('Bob Bobson');
    const bobs = await server.services.photos.createAlbum({ owner: other.uid, appId: web.appId, name: 'Bob’s' });
    expect((await refused(jpeg, { aid: String((BigInt(other.uid) << 32n) + BigInt(bobs.albumId)) })).code).toBe(120);
    expect((await refused(jpeg, { aid: String((BigInt(ada.uid) << 32n) + BigInt(bobs.albumId)) })).code).toBe(120);
    expect(await photoCount()).toBe(before);
  });

  it.skipIf(skip)('refuses a decompression bomb before decoding it, and a file over the upload limit with 100', async () => {
    // A small PNG whose header says 20,000 × 20,000: 400 megapixels, were it decoded.
    const bomb = withPngSize(await smallGif().then((gif) => sharp(gif).png().toBuffer()), 20_000, 20_000);
    const error = parseError('json', (await uploadPhoto(server, web, session, {}, bomb, { format: 'json' })).body);
    expect(error.code).toBe(324);
    expect(error.message).toMatch(/20000 × 20000 pixels; Hearth takes at most 40,000,000 pixels/);
    // The body is not read to its end, so its format argument is not known: the error is in XML.
    const huge = Buffer.alloc(16 * 1024 * 1024, 0xff);
    const answer = await uploadPhoto(server, web, session, {}, huge, { format: 'json' });
    expect(answer.status).toBe(200);
    expect(parseError('xml', answer.body)).toMatchObject({ code: 100 });
    expect(answer.body).toMatch(/larger than 15728640 bytes/);
  });

  it.skipIf(skip)('without photo_upload the photo waits for its owner: only she sees it, until she approves it', async () => {
    const app = await server.createApp('web');
    const own = await signedInSession(server, app, ada);
    const photo = JSON.parse((await uploadPhoto(server, app, own, {}, await smallGif(), { format: 'json' })).body) as PhotoAnswer;
    const local = Number(BigInt(photo.pid) & 0xffffffffn);
    const bob = await server.createPerson('Bob Bobson');
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    const bobSession = await signedInSession(server, app, bob);
    const seen = async (who: SessionInfo) => JSON.parse((await server.client(app).withSession({ sessionKey: who.session_key }).callRaw('photos.get', { pids: JSON.stringify([photo.pid]) }, { format: 'json' })).body) as PhotoAnswer[];
    expect((await seen(own)).map((shown) => shown.pid)).toEqual([photo.pid]);
    expect(await seen(bobSession)).toEqual([]);
    expect(await server.services.photos.approve(bob.uid, local)).toBe(false);
    const storyOf = async () => (await server.services.photos.photosByIds([local]))[0]!.storyId;
    expect(await storyOf()).toBeNull();
    expect(await server.services.photos.approve(ada.uid, local)).toBe(true);
    expect((await seen(bobSession)).map((shown) => shown.pid)).toEqual([photo.pid]);
    // Approved, it is a story on her wall, "added a new photo", through the app.
    const story = await server.services.stream.find(`${ada.uid}_${await storyOf()}`);
    expect(story).toMatchObject({ type: 247, actor: ada.uid, wall: ada.uid, appId: app.appId, privacy: { value: 'EVERYONE' } });
    expect(story!.attachment).toMatchObject({ name: app.name, caption: '{*actor*} added a new photo' });
  });
});
