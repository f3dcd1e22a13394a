/**
 * The FQL tables `album`, `photo` and `photo_tag`, read by the rule of the photos methods and the
 * pages (album-visibility.ts): an album as its visibility says, a photo as its album (one waiting
 * for approval only by its owner), a tag as its photo. Without a session, only what everyone sees.
 */
import { column, defineFqlTable, type FqlContext } from '../../fql/table.js';
import { bool, float, int, string, time } from '../../fql/types.js';
import { parseWireId, wireId } from './photo-ids.js';
import { albumPagePath, imagePath, percent, photoPagePath } from './photo-values.js';
import type { Album, Photo, PhotoTag } from './records.js';

const seconds = (when: Date) => Math.floor(when.getTime() / 1000);

/** Local numbers of the ids given whose owner half matches, as `owner:local` keys too. */
function refsOf(values: readonly unknown[]): Array<{ owner: number; local: number }> {
  return values.flatMap((value) => {
    const ref = parseWireId(String(value));
    return ref === undefined ? [] : [ref];
  });
}

async function visibleAlbums(context: FqlContext, albums: readonly Album[]): Promise<Album[]> {
  return context.services.photos.albums(context.viewer, { albumIds: albums.map((album) => album.albumId) });
}

export const albumTable = defineFqlTable<Album, ReadonlySet<number>>({
  name: 'album',
  summary: 'Photo albums: a person’s, or by aid.',
  privacyDoc: 'Albums the viewer may see by their visibility (everyone; the owner’s friends; their friends’ friends); `visible` only for the owner. Without a session, albums everyone may see.',
  session: 'optional',
  key: ['aid'],
  columns: {
    aid: column(string, 'the album id: owner × 2^32 + its number', (album) => wireId(album.owner, album.albumId), { index: true }),
    cover_pid: column(string, 'its first photo; 0 when empty', (album) => (album.coverPhotoId === null ? '0' : wireId(album.owner, album.coverPhotoId)), { index: true }),
    owner: column(int, 'whose album', (album) => album.owner, { index: true }),
    name: column(string, 'its name', (album) => album.name),
    created: column(time, 'when it was made', (album) => seconds(album.createdAt)),
    modified: column(time, 'when a photo was last added', (album) => seconds(album.modifiedAt)),
    description: column(string, 'what it is', (album) => album.description),
    location: column(string, 'where', (album) => album.location),
    link: column(string, 'the album’s page', (album, _facts, context) => `${context.origin}${albumPagePath(album)}`),
    size: column(int, 'its photos (not those waiting for approval)', (album) => album.size),
    visible: column(string, 'who sees it (only for its owner)', (album, _facts, context) => (context.viewer === album.owner ? album.visible : null)),
    modified_major: column(time, 'when a photo was last added', (album) => seconds(album.modifiedAt)),
    edit_link: column(string, 'the album’s page, where its owner edits it', (album, _facts, context) => (context.viewer === album.owner ? `${context.origin}${albumPagePath(album)}` : null)),
    type: column(string, 'normal, profile, mobile or wall', (album) => album.type),
    object_id: column(int, 'Hearth has no object ids'),
    can_upload: column(bool, 'whether the viewer may upload to it (its owner, not the profile album)', (album, _facts, context) => context.viewer === album.owner && album.type !== 'profile'),
  },
  fetch: async (name, values, context) => {
    if (name === 'owner') return context.services.photos.albums(context.viewer, { owners: values.map(Number) });
    const refs = refsOf(values);
    const albums = await context.services.photos.albumsByIds(
      name === 'aid' ? refs.map((ref) => ref.local) : (await context.services.photos.photosByIds(refs.map((ref) => ref.local))).map((photo) => photo.albumId),
    );
    const owners = new Set(refs.map((ref) => ref.owner));
    return visibleAlbums(context, albums.filter((album) => owners.has(album.owner)));
  },
  facts: async () => new Set<number>(),
});

export const photoTable = defineFqlTable<Photo, ReadonlySet<number>>({
  name: 'photo',
  summary: 'Photos: by pid or by album.',
  privacyDoc: 'Photos of albums the viewer may see (album); one waiting for its owner’s approval only for the owner.',
  session: 'optional',
  key: ['pid'],
  columns: {
    pid: column(string, 'the photo id: owner × 2^32 + its number', (photo) => wireId(photo.owner, photo.photoId), { index: true }),
    aid: column(string, 'its album', (photo) => wireId(photo.owner, photo.albumId), { index: true }),
    owner: column(int, 'whose photo', (photo) => photo.owner),
    src_small: column(string, 'at most 75 × 225 pixels', (photo, _facts, context) => `${context.origin}${imagePath(photo, 'small')}`),
    src_small_height: column(int, '', (photo) => photo.images.small.height),
    src_small_width: column(int, '', (photo) => photo.images.small.width),
    src_big: column(string, 'at most 720 pixels either side', (photo, _facts, context) => `${context.origin}${imagePath(photo, 'big')}`),
    src_big_height: column(int, '', (photo) => photo.images.big.height),
    src_big_width: column(int, '', (photo) => photo.images.big.width),
    src: column(string, 'at most 130 pixels either side', (photo, _facts, context) => `${context.origin}${imagePath(photo, 'album')}`),
    src_height: column(int, '', (photo) => photo.images.album.height),
    src_width: column(int, '', (photo) => photo.images.album.width),
    link: column(string, 'the photo’s page', (photo, _facts, context) => `${context.origin}${photoPagePath(photo)}`),
    caption: column(string, 'its caption', (photo) => photo.caption),
    created: column(time, 'when it was uploaded', (photo) => seconds(photo.createdAt)),
    modified: column(time, 'when it was uploaded (Hearth edits no photo)', (photo) => seconds(photo.createdAt)),
    story_fbid: column(int, 'its story in the stream (the post_id’s second half); nil while it waits for approval', (photo) => photo.storyId),
    object_id: column(int, 'Hearth has no object ids'),
  },
  fetch: async (name, values, context) => {
    const refs = refsOf(values);
    const owners = new Map(refs.map((ref) => [ref.local, ref.owner]));
    const photos =
      name === 'pid'
        ? (await context.services.photos.photosByIds([...owners.keys()])).filter((photo) => owners.get(photo.photoId) === photo.owner)
        : (await context.services.photos.photosInAlbums([...owners.keys()])).filter((photo) => owners.get(photo.albumId) === photo.owner);
    return (await context.services.photos.visiblePhotos(context.viewer, photos)).photos;
  },
  facts: async () => new Set<number>(),
});

export interface TagRow {
  readonly tag: PhotoTag;
  readonly owner: number;
  readonly name: string;
}

export const photoTagTable = defineFqlTable<TagRow, undefined>({
  name: 'photo_tag',
  summary: 'Tags on photos: by photo, or the photos a person is tagged in.',
  privacyDoc: 'Tags of photos the viewer may see (photo).',
  session: 'optional',
  key: ['pid', 'subject', 'created', 'xcoord', 'ycoord', 'text'],
  columns: {
    pid: column(string, 'the photo', (row) => wireId(row.owner, row.tag.photoId), { index: true }),
    subject: column(int, 'the person tagged; nil for a text tag', (row) => row.tag.subject, { index: true }),
    text: column(string, 'the tag’s text, or the person’s name', (row) => (row.tag.subject === null ? row.tag.text : row.name)),
    xcoord: column(float, 'percent from the left', (row) => percent(row.tag.x)),
    ycoord: column(float, 'percent from the top', (row) => percent(row.tag.y)),
    created: column(time, 'when it was made', (row) => seconds(row.tag.createdAt)),
    object_id: column(int, 'Hearth has no object ids'),
  },
  fetch: async (name, values, context) => {
    const photos =
      name === 'pid'
        ? (() => {
            const refs = refsOf(values);
            const owners = new Map(refs.map((ref) => [ref.local, ref.owner]));
            return context.services.photos.photosByIds([...owners.keys()]).then((found) => found.filter((photo) => owners.get(photo.photoId) === photo.owner));
          })()
        : Promise.all(values.map((value) => context.services.photos.photosTagging(Number(value)))).then((lists) => lists.flat());
    const visible = (await context.services.photos.visiblePhotos(context.viewer, await photos)).photos;
    const ownerOf = new Map(visible.map((photo) => [photo.photoId, photo.owner]));
    const tags = await context.services.photos.tagsOfPhotos([...ownerOf.keys()]);
    const subjects = name === 'subject' ? new Set(values.map(Number)) : undefined;
    const people = await context.services.people.findMany([...new Set(tags.flatMap((tag) => (tag.subject === null ? [] : [tag.subject])))]);
    const names = new Map(people.map((person) => [person.uid, `${person.firstName} ${person.lastName}`]));
    return tags
      .filter((tag) => subjects === undefined || (tag.subject !== null && subjects.has(tag.subject)))
      .map((tag) => ({ tag, owner: ownerOf.get(tag.photoId)!, name: tag.subject === null ? '' : (names.get(tag.subject) ?? '') }));
  },
  facts: async () => undefined,
});
