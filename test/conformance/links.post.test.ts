/**
 * links.post on both backends: the answer (the link_id as the root's text, a JSON number), the
 * link kept and its link post (type 80) with the link as attachment, the permission (share_item,
 * or publish_stream which covers it: else 282), bad URLs (1500), who may be named, and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import { FIRST_LINK_ID } from '../../src/features/links/migrations/017-links.js';
import { expectAnswer, expectError } from './protocol-helpers.js';
import { BACKENDS, clientOf, grant, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'links_post_response';
const PERMISSION_282 = 'Managing shared items requires the extended permission share_item.';
const BAD_URL = 'The url you supplied is invalid (url must be an absolute http or https URL of at most 1024 characters)';

describe.each(BACKENDS)('links.post on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  let asAda: RestClient;

  beforeAll(async () => {
    if (skip) return;
    cast = await streamCast(backend);
    asAda = await clientOf(cast.server, cast.web, cast.ada, ['share_item']);
  });
  afterAll(() => cast?.server.close());

  const linkIdIn = (body: string): number => Number(/>(\d+)<|^(\d+)$/.exec(body)!.slice(1).find(Boolean));
  const stored = async (linkId: number) => (await cast.server.services.links.byIds([linkId]))[0];

  it.skipIf(skip)('answers the new link_id as the root text in XML and a number in JSON', async () => {
    const xml = await asAda.callRaw('links.post', { url: 'http://example.org/sketch', comment: 'Worth reading' });
    const linkId = linkIdIn(xml.body);
    expect(linkId).toBeGreaterThanOrEqual(FIRST_LINK_ID);
    expectAnswer(xml, 'xml', ROOT, String(linkId), '');
    expectAnswer(await asAda.callRaw('links.post', { url: 'https://example.org/' }, { format: 'json' }), 'json', ROOT, '', String(linkId + 1));
  });

  it.skipIf(skip)('keeps the link and posts it on the wall as a link post (type 80) whose attachment is the link', async () => {
    const url = 'http://example.org:8080/sketch?page=2';
    const linkId = linkIdIn((await asAda.callRaw('links.post', { url, comment: 'Translated with notes', image: 'http://example.org/sketch.jpg' })).body);
    const link = await stored(linkId);
    expect(link).toMatchObject({ owner: cast.ada.uid, appId: cast.web.appId, url, comment: 'Translated with notes', title: '', summary: '', imageUrls: ['http://example.org/sketch.jpg'] });
    const [post] = await cast.server.services.stream.byStoryIds([link!.storyId!]);
    expect(post).toMatchObject({ type: 80, actor: cast.ada.uid, wall: cast.ada.uid, appId: cast.web.appId, message: '', privacy: { value: 'EVERYONE' } });
    expect(post!.attachment).toEqual({
      name: url,
      href: url,
      caption: 'example.org:8080',
      description: 'Translated with notes',
      media: [{ type: 'image', src: 'http://example.org/sketch.jpg', href: url }],
    });
    const shown = JSON.parse((await (await clientOf(cast.server, cast.web, cast.bob)).callRaw('stream.get', { source_ids: [cast.ada.uid] }, { format: 'json' })).body);
    expect(shown.posts.find((item: { post_id: string }) => item.post_id === `${cast.ada.uid}_${link!.storyId}`)).toMatchObject({ type: 80, attachment: { href: url, caption: 'example.org:8080' } });
  });

  it.skipIf(skip)('takes an empty comment (the PHP client’s default) and ignores an image that is not an http(s) URL', async () => {
    const linkId = linkIdIn((await asAda.callRaw('links.post', { url: 'http://example.org/a', comment: '', image: 'javascript:alert(1)', uid: '' })).body);
    expect(await stored(linkId)).toMatchObject({ comment: '', imageUrls: [], owner: cast.ada.uid });
  });

  it.skipIf(skip)('refuses a url that is not an absolute http or https URL of at most 1,024 characters (1500), in both formats', async () => {
    for (const url of ['example.org/page', '/relative', 'ftp://example.org/file', 'javascript:alert(1)', `http://example.org/${'x'.repeat(1024)}`, 'http://']) {
      expectError(await asAda.callRaw('links.post', { url }), 'xml', 1500, BAD_URL);
    }
    expectError(await asAda.callRaw('links.post', { url: 'mailto:ada@example.org' }, { format: 'json' }), 'json', 1500, BAD_URL);
    expectError(await asAda.callRaw('links.post', { comment: 'no url' }), 'xml', 100, /^Invalid parameter/);
    expectError(await asAda.callRaw('links.post', { url: 'http://example.org/', comment: 'x'.repeat(5001) }), 'xml', 100, 'Invalid parameter (comment: longer than 5000 characters)');
  });

  it.skipIf(skip)('needs share_item, or publish_stream which covers it: else 282 (before the url is looked at) and no link', async () => {
    const eve = await cast.server.createPerson('Eve Evans');
    const asEve = await clientOf(cast.server, cast.web, eve, ['create_note']);
    for (const format of ['xml', 'json'] as const) expectError(await asEve.callRaw('links.post', { url: 'nonsense' }, { format }), format, 282, PERMISSION_282);
    expect(await cast.server.services.links.ofOwners([eve.uid])).toEqual([]);
    await grant(cast.server, cast.web, eve, 'publish_stream');
    expect(linkIdIn((await asEve.callRaw('links.post', { url: 'http://example.org/' })).body)).toBeGreaterThan(0);
  });

  it.skipIf(skip)('lets a web app name a user of it by uid without a session, and nobody else (200); a desktop app only its session user', async () => {
    const { server, web, desktop, cleo, dan } = cast;
    await grant(server, web, cleo, 'share_item');
    const linkId = linkIdIn((await server.client(web).callRaw('links.post', { uid: cleo.uid, url: 'http://example.org/away' })).body);
    expect((await stored(linkId))?.owner).toBe(cleo.uid);
    expectError(await server.client(web).callRaw('links.post', { uid: dan.uid, url: 'http://example.org/' }), 'xml', 200, `Permissions error (uid ${dan.uid} has not authorized this application)`);
    const asAdaDesktop = await clientOf(server, desktop, cast.ada, ['share_item']);
    expectError(await asAdaDesktop.callRaw('links.post', { uid: cleo.uid, url: 'http://example.org/' }), 'xml', 200, /^Permissions error/);
    expectError(await server.client(web).callRaw('links.post', { uid: 'x1', url: 'http://example.org/' }), 'xml', 110, /^Invalid user id/);
  });
});
