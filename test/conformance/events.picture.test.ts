/**
 * Event pictures on both backends, sent as the PHP client sends a file (a multipart part with a
 * file name): events.create and events.edit take one, events.get and FQL `event` answer its four
 * sizes at absolute URLs that serve the resized images, a new picture is a new URL (the old one
 * goes), and a file that is not an image refuses the call with nothing made.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraJpeg, transparentPng, uploadPhoto } from './photos.setup.js';
import { BACKENDS, eventCast, type EventCast } from './events.setup.js';
import { parseError } from './protocol-helpers.js';

const START = 1265050800;

describe.each(BACKENDS)('event pictures on $backend', ({ backend, skip }) => {
  let cast: EventCast;
  let jpeg: Buffer;
  beforeAll(async () => {
    if (skip) return;
    cast = await eventCast(backend);
    jpeg = await cameraJpeg(1600, 1200);
  });
  afterAll(() => cast?.server.close());

  const send = (method: string, params: Record<string, string>, file: Buffer, format: 'xml' | 'json' = 'json') =>
    uploadPhoto(cast.server, cast.web, cast.sessions.ada, params, file, { method, format, filename: 'party.jpg' });
  const eventOf = async (eid: number) => (JSON.parse((await cast.call('ada', 'events.get', { eids: eid }, 'json')).body) as Array<Record<string, string>>)[0]!;
  const fetched = async (url: string) => {
    const response = await fetch(url.replace(/^https?:\/\/[^/]+/, cast.server.url));
    return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  };

  it.skipIf(skip)('events.create keeps the file as the picture: events.get answers pic, pic_big and pic_small, each serving the resized image', async () => {
    const answer = await send('events.create', { event_info: JSON.stringify({ name: 'Picture party', start_time: START }) }, jpeg);
    expect(answer.status).toBe(200);
    const eid = Number(answer.body);
    const event = await eventOf(eid);
    for (const [field, width] of [['pic_big', 200], ['pic', 100], ['pic_small', 50]] as const) {
      expect(event[field]).toMatch(new RegExp(`^http://[^/]+/eventpics/[nst]${eid}_[0-9a-f]{16}\\.jpg$`));
      const image = await fetched(event[field]!);
      expect(image.status).toBe(200);
      expect(image.type).toBe('image/jpeg');
      const size = await sharp(image.bytes).metadata();
      // The camera's 4:3 photo, turned upright by its EXIF orientation, at the size's width.
      expect(size.width).toBe(width);
      expect(Math.abs(size.height! - (width * 4) / 3)).toBeLessThanOrEqual(1);
    }
    const xml = await cast.call('ada', 'events.get', { eids: eid });
    expect(xml.body).toContain(`<pic_big>${event.pic_big}</pic_big>`);
  });

  it.skipIf(skip)('FQL event answers the same URLs and pic_square, cropped to 50 × 50; an event without a picture answers empty strings', async () => {
    const eid = Number((await send('events.create', { event_info: JSON.stringify({ name: 'Square', start_time: START }) }, jpeg)).body);
    const plain = await cast.event('ada', { name: 'No picture', start_time: START });
    const rows = JSON.parse((await cast.call('ada', 'fql.query', { query: `SELECT eid, pic, pic_square FROM event WHERE eid IN (${eid}, ${plain})` }, 'json')).body) as Array<Record<string, string | number>>;
    const withPicture = rows.find((row) => row.eid === eid)!;
    expect(withPicture.pic).toBe((await eventOf(eid)).pic);
    const square = await sharp((await fetched(String(withPicture.pic_square))).bytes).metadata();
    expect([square.width, square.height]).toEqual([50, 50]);
    expect(rows.find((row) => row.eid === plain)).toMatchObject({ pic: '', pic_square: '' });
  });

  it.skipIf(skip)('a transparent PNG stays a PNG', async () => {
    const eid = Number((await send('events.create', { event_info: JSON.stringify({ name: 'Clear', start_time: START }) }, await transparentPng())).body);
    const event = await eventOf(eid);
    expect(event.pic).toMatch(/\.png$/);
    expect((await fetched(event.pic!)).type).toBe('image/png');
  });

  it.skipIf(skip)('events.edit with a file replaces the picture: a new URL, and the old one is gone', async () => {
    const eid = Number((await send('events.create', { event_info: JSON.stringify({ name: 'Changing', start_time: START }) }, jpeg)).body);
    const before = await eventOf(eid);
    const edited = await send('events.edit', { eid: String(eid), event_info: JSON.stringify({ tagline: 'now in colour' }) }, await cameraJpeg(800, 800));
    expect(edited.body).toBe('true');
    const after = await eventOf(eid);
    expect(after.tagline).toBe('now in colour');
    expect(after.pic_big).not.toBe(before.pic_big);
    expect((await fetched(after.pic_big!)).status).toBe(200);
    expect((await fetched(before.pic_big!)).status).toBe(404);
  });

  it.skipIf(skip)('a file that is not an image is error 100 naming the picture, in XML and JSON, and no event is made', async () => {
    const count = async () => (await cast.server.services.events.ofPerson(cast.ada.uid)).length;
    const events = await count();
    for (const format of ['xml', 'json'] as const) {
      const answer = await send('events.create', { event_info: JSON.stringify({ name: 'Broken', start_time: START }) }, Buffer.from('not a picture at all'), format);
      const error = parseError(format, answer.body);
      expect(error.code).toBe(100);
      expect(error.message).toMatch(/picture: the file is not an image/);
    }
    const truncated = await send('events.create', { event_info: JSON.stringify({ name: 'Cut', start_time: START }) }, jpeg.subarray(0, jpeg.length / 2));
    expect(parseError('json', truncated.body).message).toMatch(/picture: .*truncated or damaged/);
    expect(await count()).toBe(events);
  });

  it.skipIf(skip)('a picture URL whose key or size letter does not match answers 404', async () => {
    const eid = Number((await send('events.create', { event_info: JSON.stringify({ name: 'Guess', start_time: START }) }, jpeg)).body);
    const url = (await eventOf(eid)).pic_big!;
    expect((await fetched(url.replace(/_[0-9a-f]{16}/, '_0000000000000000'))).status).toBe(404);
    expect((await fetched(url.replace(/\/n(\d)/, '/x$1'))).status).toBe(404);
    expect((await fetched(url.replace(/\.jpg$/, '.png'))).status).toBe(404);
    expect((await fetched(`${cast.server.url}/eventpics/../photos/`)).status).toBe(404);
  });
});
