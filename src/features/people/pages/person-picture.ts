/**
 * A person's picture as the pages show it. A picture URL on this server's own host is never put in
 * an `<img>`: every viewer's browser would request it with their sign-in cookie, so a picture could
 * make them call one of our pages.
 */
import type { FastifyRequest } from 'fastify';
import { urlIsOnHost } from '../../../fbml/index.js';
import type { Person } from '../records.js';

export function pictureToShow(person: Person, request: FastifyRequest): string | undefined {
  const url = person.pictureUrl;
  return url === null || urlIsOnHost(url, request.hostname) ? undefined : url;
}
