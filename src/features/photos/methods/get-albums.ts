/**
 * photos.getAlbums: a person's albums and/or albums by aid (both: those that are both), those the
 * reader may see — the session's person, or nobody without a session — newest modified first.
 */
import { defineMethod, optional, uid } from '../../../dispatch/method-kit.js';
import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { albumValue } from '../photo-values.js';
import { wireIdList } from './photo-params.js';

export const photosGetAlbums = defineMethod({
  name: 'photos.getAlbums',
  summary: 'Albums of a person and/or by aid that the reader may see, newest modified first.',
  params: {
    uid: optional(uid, 'the albums of this person'),
    aids: optional(wireIdList(120, 'album'), 'only these albums'),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, params, services, origin }) => {
    if (params.uid === undefined && (params.aids === undefined || params.aids.length === 0)) throw new ApiError(100, 'uid or aids: at least one is needed');
    const viewer = session?.uid;
    const aids = params.aids?.filter((ref) => params.uid === undefined || ref.owner === params.uid);
    const albums = await services.photos.albums(viewer, {
      owners: params.uid === undefined ? undefined : [params.uid],
      albumIds: aids?.map((ref) => ref.local),
    });
    // An aid names its owner too: one with another owner's half is not that album.
    const named = aids === undefined ? undefined : new Set(aids.map((ref) => `${ref.owner}:${ref.local}`));
    const shown = named === undefined ? albums : albums.filter((album) => named.has(`${album.owner}:${album.albumId}`));
    return new ApiList('album', shown.map((album) => albumValue(origin, album, viewer)));
  },
});
