/**
 * `GET /photos/<s|n|t><owner>_<photo>_<key>.<jpg|png>`: a photo's album, big or small size, from
 * the store (stored-image-reply.ts says how it is answered). Like the platform's photo servers,
 * the URL is all it takes — the random key keeps it from being guessed from the pid. Anything else under /photos/ is a plain 404, as is a URL whose parts do not match.
 */
import type { FastifyInstance } from 'fastify';
import type { PageServices } from '../../http/page-kit/define-page.js';
import type { PhotoSize } from './images.js';
import { IMAGE_PATH } from './photo-values.js';
import { imageNotFound, sendStoredImage } from './stored-image-reply.js';

const IMAGE_NAME = /^([snt])([1-9]\d{0,15})_([1-9]\d{0,15})_([0-9a-f]{16})\.(jpg|png)$/;
const SIZE_OF: Readonly<Record<string, PhotoSize>> = { s: 'album', n: 'big', t: 'small' };

export function imageRoutes(server: FastifyInstance, services: PageServices): void {
  // Loaded by <img>: the pages' guard lets image requests through to this route (request-guards.ts).
  server.get(`${IMAGE_PATH}:name`, { config: { subresource: true } }, async (request, reply) => {
    const match = IMAGE_NAME.exec((request.params as { name?: string }).name ?? '');
    if (!match) return imageNotFound(reply);
    const [, prefix, owner, photoId, urlKey, extension] = match as unknown as [string, string, string, string, string, string];
    if (!Number.isSafeInteger(Number(owner)) || !Number.isSafeInteger(Number(photoId))) return imageNotFound(reply);
    const image = await services.photos.imageAt({ owner: Number(owner), photoId: Number(photoId), urlKey, size: SIZE_OF[prefix]! });
    if (image === undefined || (extension === 'png') !== (image.contentType === 'image/png')) return imageNotFound(reply);
    return sendStoredImage(request, reply, image);
  });
}
