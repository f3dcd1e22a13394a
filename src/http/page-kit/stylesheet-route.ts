/** Serves the stylesheet; a request with the current version may be cached for a year. */
import type { FastifyInstance } from 'fastify';
import { STYLESHEET, STYLESHEET_PATH } from './stylesheet.js';

export function registerStylesheet(server: FastifyInstance): void {
  const etag = `"${STYLESHEET.version}"`;
  server.get(STYLESHEET_PATH, async (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const current = query?.v === STYLESHEET.version;
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .header('etag', etag)
      // An unversioned or old link gets a short lifetime, so it picks up a new version soon.
      .header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(STYLESHEET.css);
  });
}
