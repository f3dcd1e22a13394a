/**
 * photos.get: photos by the person tagged in them, by album, or by pid — several filters give the
 * photos all of them name — that the reader may see; album order for an album, newest first
 * otherwise. A photo waiting for approval only for its owner.
 */
import { defineMethod, optional, uid } from '../../../dispatch/method-kit.js';
import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { photoValue } from '../photo-values.js';
import { wireIdList, wireIdParam } from './photo-params.js';

export const photosGet = defineMethod({
  name: 'photos.get',
  summary: 'Photos in which a person is tagged, of an album, or by pid (several: all of them), that the reader may see.',
  params: {
    subj_id: optional(uid, 'photos in which this person is tagged'),
    aid: optional(wireIdParam(120, 'album'), 'photos of this album'),
    pids: optional(wireIdList(121, 'photo'), 'these photos'),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, params, services, origin }) => {
    const pids = params.pids?.length === 0 ? undefined : params.pids;
    if (params.subj_id === undefined && params.aid === undefined && pids === undefined) throw new ApiError(100, 'subj_id, aid or pids: at least one is needed');
    const { photos } = await services.photos.photos(session?.uid, {
      subject: params.subj_id,
      albumId: params.aid?.local,
      photoIds: pids?.map((ref) => ref.local),
    });
    // An id names its owner too: a pid or aid with another owner's half is not that photo or album.
    const named = pids === undefined ? undefined : new Set(pids.map((ref) => `${ref.owner}:${ref.local}`));
    const shown = photos.filter(
      (photo) => (named === undefined || named.has(`${photo.owner}:${photo.photoId}`)) && (params.aid === undefined || params.aid.owner === photo.owner),
    );
    return new ApiList('photo', shown.map((photo) => photoValue(origin, photo)));
  },
});
