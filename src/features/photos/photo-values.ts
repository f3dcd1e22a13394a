/**
 * Albums, photos and tags as the API answers them: the fields and order of the platform's
 * answers, aid/pid as decimal strings (they pass 2^53), times in Unix seconds, URLs absolute on
 * this server. The images' URLs are `/photos/<s|n|t><owner>_<local>_<key>.<jpg|png>` — the
 * platform's `s`/`n`/`t` prefixes for the album, big and small sizes, and a random key so that a
 * photo's images cannot be found from its pid.
 */
import type { ApiObject } from '../../wire/values.js';
import type { PhotoSize } from './images.js';
import { wireId } from './photo-ids.js';
import type { Album, Photo, PhotoTag } from './records.js';

export const IMAGE_PATH = '/photos/';
export const PHOTO_PAGE_PATH = '/photo.php';
export const ALBUM_PAGE_PATH = '/album.php';
export const ALBUMS_PAGE_PATH = '/photos.php';

export const SIZE_PREFIX: Readonly<Record<PhotoSize, string>> = { album: 's', big: 'n', small: 't' };

const seconds = (when: Date) => Math.floor(when.getTime() / 1000);

export function imagePath(photo: Photo, size: PhotoSize): string {
  const extension = photo.images[size].contentType === 'image/png' ? 'png' : 'jpg';
  return `${IMAGE_PATH}${SIZE_PREFIX[size]}${photo.owner}_${photo.photoId}_${photo.urlKey}.${extension}`;
}

export function photoPagePath(photo: Pick<Photo, 'photoId' | 'owner'>): string {
  return `${PHOTO_PAGE_PATH}?pid=${photo.photoId}&id=${photo.owner}`;
}

export function albumPagePath(album: Pick<Album, 'albumId' | 'owner'>): string {
  return `${ALBUM_PAGE_PATH}?aid=${album.albumId}&id=${album.owner}`;
}

export function photoValue(origin: string, photo: Photo): ApiObject {
  return {
    pid: wireId(photo.owner, photo.photoId),
    aid: wireId(photo.owner, photo.albumId),
    owner: photo.owner,
    src: `${origin}${imagePath(photo, 'album')}`,
    src_big: `${origin}${imagePath(photo, 'big')}`,
    src_small: `${origin}${imagePath(photo, 'small')}`,
    link: `${origin}${photoPagePath(photo)}`,
    caption: photo.caption,
    created: seconds(photo.createdAt),
  };
}

/** `visible` only for the album's owner, as the platform showed it. */
export function albumValue(origin: string, album: Album, viewer: number | undefined): ApiObject {
  return {
    aid: wireId(album.owner, album.albumId),
    cover_pid: album.coverPhotoId === null ? '0' : wireId(album.owner, album.coverPhotoId),
    owner: album.owner,
    name: album.name,
    created: seconds(album.createdAt),
    modified: seconds(album.modifiedAt),
    description: album.description,
    location: album.location,
    link: `${origin}${albumPagePath(album)}`,
    size: album.size,
    ...(viewer === album.owner ? { visible: album.visible } : {}),
    type: album.type,
  };
}

/** Percent, with at most four decimals and no trailing zeros (65.4248, 50). */
export function percent(value: number): number {
  return Number(value.toFixed(4));
}

/** A person's tag carries their name as its text. */
export function tagValue(tag: PhotoTag, owner: number, names: ReadonlyMap<number, string>): ApiObject {
  return {
    pid: wireId(owner, tag.photoId),
    ...(tag.subject === null ? {} : { subject: tag.subject }),
    text: tag.subject === null ? tag.text : (names.get(tag.subject) ?? ''),
    xcoord: percent(tag.x),
    ycoord: percent(tag.y),
    created: seconds(tag.createdAt),
  };
}
