/**
 * links.get on both backends: the list byte for byte (XML `<link>` items with `image_urls` as
 * `<image_urls_elt>` items, JSON an array of objects), newest first, only the calling app's links,
 * `limit` and `link_ids`, who may read (the stream's rule for the link post), and bad ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import type { SharedLink } from '../../src/features/links/records.js';
import { xmlScalarAnswer } from '../support/test-server.js';
import { expectError, phpJson } from './protocol-helpers.js';
import { BACKENDS, clientOf, seconds, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'links_get_response';
const T0 = Date.UTC(2010, 0, 1);

describe.each(BACKENDS)('links.get on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  let asBob: RestClient;
  let sketch: SharedLink;
  let plain: SharedLink;
  let elsewhere: SharedLink;

  beforeAll(async () => {
    if (skip) return;
    cast = await streamCast(backend);
    const share = (url: string, comment: string, at: number, options: { image?: string; appId?: number } = {}) =>
      cast.server.services.links.post({ owner: cast.ada.uid, appId: options.appId ?? cast.web.appId, url, comment, image: options.image }, new Date(T0 + at * 1000));
    sketch = await share('http://example.org/sketch', 'Worth reading & <more>', 0, { image: 'http://example.org/sketch.jpg' });
    plain = await share('https://example.org/plain', '', 50);
    elsewhere = await share('http://example.org/elsewhere', 'through the desktop app', 100, { appId: cast.desktop.appId });
    asBob = await clientOf(cast.server, cast.web, cast.bob, []);
  });
  afterAll(() => cast?.server.close());

  const ids = async (client: RestClient, args: Record<string, unknown>) =>
    (JSON.parse((await client.callRaw('links.get', args as never, { format: 'json' })).body) as Array<{ link_id: number }>).map((link) => link.link_id);

  it.skipIf(skip)('writes one <link> per link, newest first, image_urls a list="true" of <image_urls_elt>; JSON an array with image_urls an array of strings', async () => {
    const xml = await asBob.callRaw('links.get', { uid: cast.ada.uid });
    const link = (item: SharedLink, comment: string, images: string) =>
      `  <link>\n    <link_id>${item.linkId}</link_id>\n    <owner>${cast.ada.uid}</owner>\n    ${comment}\n` +
      `    <created_time>${seconds(item.createdAt)}</created_time>\n    <title/>\n    <summary/>\n    <url>${item.url}</url>\n    ${images}\n  </link>\n`;
    expect(xml.body).toBe(
      xmlScalarAnswer(
        ROOT,
        '\n' +
          link(plain, '<owner_comment/>', '<image_urls list="true"></image_urls>') +
          link(sketch, '<owner_comment>Worth reading &amp; &lt;more&gt;</owner_comment>', '<image_urls list="true">\n      <image_urls_elt>http://example.org/sketch.jpg</image_urls_elt>\n    </image_urls>'),
        ' list="true"',
      ),
    );
    const json = await asBob.callRaw('links.get', { uid: cast.ada.uid }, { format: 'json' });
    const value = (item: SharedLink) => ({
      link_id: item.linkId, owner: item.owner, owner_comment: item.comment, created_time: seconds(item.createdAt), title: '', summary: '', url: item.url, image_urls: item.imageUrls,
    });
    expect(json.body).toBe(phpJson([value(plain), value(sketch)]));
  });

  it.skipIf(skip)('gives only the links shared through the calling app', async () => {
    const asBobDesktop = await clientOf(cast.server, cast.desktop, cast.bob, []);
    expect(await ids(asBobDesktop, { uid: cast.ada.uid }).catch(() => 'refused')).toBe('refused');
    const asAdaDesktop = await clientOf(cast.server, cast.desktop, cast.ada, []);
    expect(await ids(asAdaDesktop, {})).toEqual([elsewhere.linkId]);
    expect(await ids(asBob, { uid: cast.ada.uid, link_ids: [elsewhere.linkId, sketch.linkId] })).toEqual([sketch.linkId]);
  });

  it.skipIf(skip)('takes limit (empty or 0: 50) and link_ids as a JSON array or a comma list', async () => {
    expect(await ids(asBob, { uid: cast.ada.uid, limit: 1 })).toEqual([plain.linkId]);
    expect(await ids(asBob, { uid: cast.ada.uid, limit: 0 })).toEqual([plain.linkId, sketch.linkId]);
    expect(await ids(asBob, { uid: cast.ada.uid, limit: '' })).toEqual([plain.linkId, sketch.linkId]);
    expect(await ids(asBob, { uid: cast.ada.uid, link_ids: JSON.stringify([sketch.linkId]) })).toEqual([sketch.linkId]);
    expect(await ids(asBob, { uid: cast.ada.uid, link_ids: `${sketch.linkId},${plain.linkId}`, limit: 1 })).toEqual([plain.linkId]);
    expect(await ids(asBob, {})).toEqual([]);
  });

  it.skipIf(skip)('lets anyone read links whose post everyone may see, a web app without a session too; a private post’s link only its owner', async () => {
    const asDan = await clientOf(cast.server, cast.web, cast.dan, []);
    expect(await ids(asDan, { uid: cast.ada.uid })).toEqual([plain.linkId, sketch.linkId]);
    expect(await ids(cast.server.client(cast.web), { uid: cast.ada.uid })).toEqual([plain.linkId, sketch.linkId]);
    const hidden = await cast.server.services.links.post({ owner: cast.cleo.uid, appId: cast.web.appId, url: 'http://example.org/mine', comment: '' });
    await cast.server.store.database.query.updateTable('posts').set({ privacy: 'SELF' }).where('story_id', '=', hidden.storyId!).execute();
    expect(await ids(asDan, { uid: cast.cleo.uid })).toEqual([]);
    expect(await ids(await clientOf(cast.server, cast.web, cast.cleo, []), {})).toEqual([hidden.linkId]);
  });

  it.skipIf(skip)('refuses a uid that names nobody (110), bad link_ids or limit (100), and no uid without a session (102)', async () => {
    expectError(await asBob.callRaw('links.get', { uid: 999999999 }), 'xml', 110, 'Invalid user id (uid 999999999 names nobody)');
    expectError(await asBob.callRaw('links.get', { link_ids: 'a,b' }, { format: 'json' }), 'json', 100, 'Invalid parameter (link_ids: "a" is not an id)');
    expectError(await asBob.callRaw('links.get', { limit: -1 }), 'xml', 100, 'Invalid parameter (limit: not a non-negative integer)');
    expectError(await cast.server.client(cast.web).callRaw('links.get', {}), 'xml', 102, /^Session key invalid or no longer valid/);
  });
});
