/** photos.createAlbum: a new album of the person's, made through the app; its fields as the platform answered them. */
import { defineMethod, oneOf, optional, required, text, uid } from '../../../dispatch/method-kit.js';
import { invalidParameter } from '../../../wire/errors.js';
import { albumValue } from '../photo-values.js';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../photo-service.js';
import { ALBUM_VISIBILITIES } from '../records.js';

const visibility = oneOf(ALBUM_VISIBILITIES, 'visibility');

export const photosCreateAlbum = defineMethod({
  name: 'photos.createAlbum',
  summary: 'Makes an album of the person’s (name, location, description, who sees it) and answers it.',
  params: {
    name: required(text(MAX_NAME_LENGTH), 'the album’s name'),
    location: optional(text(MAX_NAME_LENGTH), 'where its photos were taken'),
    description: optional(text(MAX_TEXT_LENGTH), 'what it is'),
    visible: optional(visibility, `who sees it: ${ALBUM_VISIBILITIES.join(', ')} (default everyone)`),
    visibility: optional(visibility, 'the same as visible (one client sent this name)'),
    uid: optional(uid, 'web apps: whose album, instead of a session; desktop apps: only the session user'),
  },
  answer: 'record',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, targetUid, params, services, origin }) => {
    if (params.name.trim() === '') throw invalidParameter('name', 'an album needs a name');
    const album = await services.photos.createAlbum({
      owner: targetUid,
      appId: app.appId,
      name: params.name,
      location: params.location,
      description: params.description,
      visible: params.visible ?? params.visibility,
    });
    return albumValue(origin, album, targetUid);
  },
});
