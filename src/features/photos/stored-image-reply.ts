/**
 * How Hearth answers for an image kept in the store, wherever its URL lives (photos, event
 * pictures). An image never changes at its URL (a new image is a new URL), so it is cached for a
 * year and its ETag is the hash of its bytes; `If-None-Match` with it answers 304. The image is
 * sandboxed and never sniffed, whatever a browser makes of its bytes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredImage } from './images.js';

export function imageNotFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send('No such image.\n');
}

export function sendStoredImage(request: FastifyRequest, reply: FastifyReply, image: StoredImage): FastifyReply {
  const etag = `"${image.hash}"`;
  reply
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('etag', etag)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox");
  const asked = request.headers['if-none-match'];
  if (typeof asked === 'string' && asked.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) return reply.code(304).send();
  return reply.header('content-type', image.contentType).header('content-length', image.bytes.length).send(image.bytes);
}
