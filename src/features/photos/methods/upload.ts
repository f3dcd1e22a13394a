/**
 * photos.upload: one image, sent as the multipart part that carries a file name (whatever the
 * part's name), into an album of the person's or the app's default album. Without photo_upload
 * (or publish_stream) the photo waits for its owner's approval and only they see it.
 */
import { defineMethod, optional, text, uid } from '../../../dispatch/method-kit.js';
import { ApiError } from '../../../wire/errors.js';
import { ImageRefusedError } from '../images.js';
import { AlbumFullError, AlbumRefusedError, MAX_TEXT_LENGTH, TooManyPendingError } from '../photo-service.js';
import { photoValue } from '../photo-values.js';
import { wireIdParam } from './photo-params.js';

export const photosUpload = defineMethod({
  name: 'photos.upload',
  summary: 'Uploads a JPEG, PNG or GIF (multipart) into an album; without photo_upload it waits for the owner’s approval.',
  params: {
    aid: optional(wireIdParam(120, 'album'), 'the album; the app’s default album when not given'),
    caption: optional(text(MAX_TEXT_LENGTH), 'the photo’s caption'),
    uid: optional(uid, 'web apps: whose photo, instead of a session; desktop apps: only the session user'),
  },
  answer: 'record',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, session, targetUid, params, services, origin, upload }) => {
    if (upload === undefined) throw new ApiError(324, 'no file: send the image as a multipart part with a filename');
    if (params.aid !== undefined && params.aid.owner !== targetUid) throw new ApiError(120, 'aid: not an album of the photo’s owner');
    const approved = await services.grants.hasPermission(targetUid, app.appId, 'photo_upload', session);
    // The default album is named after the app.
    const [named] = params.aid === undefined ? await services.apps.findMany([app.appId]) : [];
    try {
      const { photo } = await services.photos.upload({
        owner: targetUid,
        appId: app.appId,
        appName: named?.name,
        albumId: params.aid?.local,
        caption: params.caption ?? '',
        bytes: upload.bytes,
        approved,
      });
      return photoValue(origin, photo);
    } catch (error) {
      if (error instanceof ImageRefusedError) throw new ApiError(324, error.message);
      if (error instanceof AlbumRefusedError) throw new ApiError(120, error.message);
      if (error instanceof AlbumFullError) throw new ApiError(321, error.message);
      if (error instanceof TooManyPendingError) throw new ApiError(325, error.message);
      throw error;
    }
  },
});
