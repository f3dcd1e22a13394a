/** photos.getTags: the tags of these photos that the reader may see, oldest first per photo; a person's tag carries their name. */
import { defineMethod, required } from '../../../dispatch/method-kit.js';
import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { tagValue } from '../photo-values.js';
import { wireIdList } from './photo-params.js';

export const photosGetTags = defineMethod({
  name: 'photos.getTags',
  summary: 'The tags of these photos (a person’s with their name, or a text) at their positions in percent.',
  params: {
    pids: required(wireIdList(121, 'photo'), 'the photos'),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, params, services }) => {
    if (params.pids.length === 0) throw new ApiError(100, 'pids: at least one pid is needed');
    const owners = new Map(params.pids.map((ref) => [ref.local, ref.owner]));
    const { tags, photos } = await services.photos.tags(session?.uid, [...owners.keys()]);
    const people = await services.people.findMany([...new Set(tags.flatMap((tag) => (tag.subject === null ? [] : [tag.subject])))]);
    const ownerOf = new Map(photos.map((photo) => [photo.photoId, photo.owner]));
    const names = new Map(people.map((person) => [person.uid, `${person.firstName} ${person.lastName}`]));
    const shown = tags.filter((tag) => ownerOf.get(tag.photoId) === owners.get(tag.photoId));
    return new ApiList('photo_tag', shown.map((tag) => tagValue(tag, ownerOf.get(tag.photoId)!, names)));
  },
});
