/** `GET /eventpics/…` (event-pictures.ts): one size of an event's current picture, or a plain 404. */
import type { FastifyInstance } from 'fastify';
import type { PageServices } from '../../../http/page-kit/define-page.js';
import { imageNotFound, sendStoredImage } from '../../photos/stored-image-reply.js';
import { EVENT_PICTURE_PATH, parsePictureName } from '../event-pictures.js';

export function eventPictureRoutes(server: FastifyInstance, services: PageServices): void {
  // Loaded by <img>: the pages' guard lets image requests through to this route (request-guards.ts).
  server.get(`${EVENT_PICTURE_PATH}:name`, { config: { subresource: true } }, async (request, reply) => {
    const picture = parsePictureName((request.params as { name?: string }).name ?? '');
    if (picture === undefined) return imageNotFound(reply);
    const image = await services.events.pictureAt(picture.eid, picture.key, picture.size);
    return image === undefined ? imageNotFound(reply) : sendStoredImage(request, reply, image);
  });
}
