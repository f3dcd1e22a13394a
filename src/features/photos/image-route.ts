/**
 * `GET /photos/<s|n|t><owner>_<photo>_<key>.<jpg|png>`: a photo's album, big or small size, from
 * the store. An image never changes at its URL (a new photo is a new URL), so it is cached for a
 * year and its ETag is the hash of its bytes; `If-None-Match` with it answers 304. Like the
 * platform's photo servers, the URL is all it takes — the random key keeps it from being guessed
 * from the pid. Anything else under /photos/ is a plain 404, as is a URL whose parts do not match.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { PageServices } from '../../http/page-kit/define-page.js';
import type { PhotoSize } from './images.js';
import { IMAGE_PATH } from './photo-values.js';

const IMAGE_NAME = /^([snt])([1-9]\d{0,15})_([1-9]\d{0,15})_([0-9a-f]{16})\.(jpg|png)$/;
const SIZE_OF: Readonly<Record<string, PhotoSize>> = { s: 'album', n: 'big', t: 'small' };

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send('No such image.\n');
}

export function imageRoutes(server: FastifyInstance, services: PageServices): void {
  // Loaded by <img>: the pages' guard lets image requests through to this route (request-guards.ts).
  server.get(`${IMAGE_PATH}:name`, { config: { subresource: true } }, async (request, reply) => {
    const match = IMAGE_NAME.exec((request.params as { name?: string }).name ?? '');
    if (!match) return notFound(reply);
    const [, prefix, owner, photoId, urlKey, extension] = match as unknown as [string, string, string, string, string, string];
    if (!Number.isSafeInteger(Number(owner)) || !Number.isSafeInteger(Number(photoId))) return notFound(reply);
    const image = await services.photos.imageAt({ owner: Number(owner), photoId: Number(photoId), urlKey, size: SIZE_OF[prefix]! });
    if (image === undefined || (extension === 'png') !== (image.contentType === 'image/png')) return notFound(reply);
    const etag = `"${image.hash}"`;
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox");
    const asked = request.headers['if-none-match'];
    if (typeof asked === 'string' && asked.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) return reply.code(304).send();
    return reply.header('content-type', image.contentType).header('content-length', image.bytes.length).send(image.bytes);
  });
}
