/**
 * Photos: people's albums, uploads made into the platform's three sizes, tags, and who sees what
 * (album-visibility.ts). Shared by the API methods, the FQL tables and the image route.
 */
import { randomBytes } from 'node:crypto';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import type { Services, Store } from '../feature.js';
import type { PostPrivacy } from '../stream/privacy.js';
import { albumAudience, maySeeAlbum, maySeePhoto, type AlbumAudience } from './album-visibility.js';
import { photoImages, type PhotoSize, type StoredImage } from './images.js';
import type { Album, AlbumVisibility, Photo, PhotoTag } from './records.js';

/** Photos a regular album holds; an app's default album holds more (the platform's limits). */
export const ALBUM_LIMIT = 60;
export const APP_ALBUM_LIMIT = 1000;
/** Photos one person may have waiting for approval at once. */
export const PENDING_LIMIT = 200;
/** Tags one photo may have. */
export const TAG_LIMIT = 100;
export const MAX_NAME_LENGTH = 255;
export const MAX_TEXT_LENGTH = 5000;

/** An album that is not the owner's, or that takes no uploads (profile pictures). */
export class AlbumRefusedError extends InvalidInputError {}
export class AlbumFullError extends InvalidInputError {}
export class TooManyPendingError extends InvalidInputError {}
/** A tag of someone the tagger may not tag (not themselves, the photo's owner or their friend; nobody). */
export class TagSubjectError extends InvalidInputError {}
/** A photo everyone may see already, tagged by an app without photo_upload. */
export class TagNotAllowedError extends InvalidInputError {}
export class TooManyTagsError extends InvalidInputError {}

export interface NewAlbumInput {
  readonly owner: number;
  readonly appId: number | null;
  readonly name: string;
  readonly description?: string;
  readonly location?: string;
  readonly visible?: AlbumVisibility;
}

export interface UploadInput {
  readonly owner: number;
  readonly appId: number | null;
  /** The default album's name (the app's), when no album is named. */
  readonly appName?: string;
  /** The album's local number; the app's default album when undefined. */
  readonly albumId?: number;
  readonly caption: string;
  readonly bytes: Buffer;
  /** Uploaded with photo_upload (or on Hearth's pages): visible at once; otherwise waiting for its owner. */
  readonly approved: boolean;
}

export interface TagInput {
  /** The person tagged, or a text. */
  readonly subject: number | undefined;
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

export interface PhotoQuery {
  readonly subject?: number;
  readonly albumId?: number;
  readonly photoIds?: readonly number[];
}

/** Who may see a photo's story: its album's visibility, in the stream's words. */
const STORY_PRIVACY: Readonly<Record<AlbumVisibility, PostPrivacy>> = {
  everyone: { value: 'EVERYONE' },
  friends: { value: 'ALL_FRIENDS' },
  networks: { value: 'ALL_FRIENDS' },
  'friends-of-friends': { value: 'FRIENDS_OF_FRIENDS' },
};

export class PhotoService {
  readonly #store: Store;
  readonly #services: Services;

  constructor(store: Store, services: Services) {
    this.#store = store;
    this.#services = services;
  }

  /**
   * A photo others may see is a story on its owner's wall ("added a new photo", type 247), seen by
   * whoever sees its album: it brings the photo to the news feed and holds its comments and likes.
   */
  async #tell(photo: Photo, album: Album, now: Date): Promise<Photo> {
    const { storyId } = await this.#services.stream.publish(
      {
        actor: photo.owner,
        wall: photo.owner,
        appId: photo.appId,
        type: 247,
        message: '',
        attachment: { name: album.name, caption: '{*actor*} added a new photo', ...(photo.caption === '' ? {} : { description: photo.caption }) },
        actionLinks: null,
        privacy: STORY_PRIVACY[album.visible],
      },
      now,
    );
    await this.#store.photos.setStory(photo.photoId, storyId);
    return { ...photo, storyId };
  }

  async createAlbum(input: NewAlbumInput, now = new Date()): Promise<Album> {
    const name = input.name.trim();
    if (name === '') throw new InvalidInputError('an album needs a name');
    return this.#store.photos.createAlbum({
      owner: input.owner,
      appId: input.appId,
      appDefault: false,
      type: 'normal',
      name: name.slice(0, MAX_NAME_LENGTH),
      description: (input.description ?? '').slice(0, MAX_TEXT_LENGTH),
      location: (input.location ?? '').slice(0, MAX_NAME_LENGTH),
      visible: input.visible ?? 'everyone',
      createdAt: now,
    });
  }

  /** Who reads, with what the visibility rule needs for these albums. */
  audience(viewer: number | undefined, albums: readonly Album[]): Promise<AlbumAudience> {
    return albumAudience(this.#store, viewer, albums);
  }

  /** The albums of `owners` and/or with these ids (both: those that are both) the viewer may see, newest modified first. */
  async albums(viewer: number | undefined, query: { readonly owners?: readonly number[]; readonly albumIds?: readonly number[] }): Promise<Album[]> {
    let albums =
      query.albumIds !== undefined
        ? (await this.#store.photos.albumsByIds(query.albumIds)).sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime() || b.albumId - a.albumId)
        : await this.#store.photos.albumsOf(query.owners ?? []);
    if (query.albumIds !== undefined && query.owners !== undefined) {
      const owners = new Set(query.owners);
      albums = albums.filter((album) => owners.has(album.owner));
    }
    const audience = await this.audience(viewer, albums);
    return albums.filter((album) => maySeeAlbum(album, audience));
  }

  /** Albums by local number, whoever may see them. */
  albumsByIds(albumIds: readonly number[]): Promise<Album[]> {
    return this.#store.photos.albumsByIds(albumIds);
  }

  /** Stores a photo in the owner's album (or the app's default album); refuses a bad image, a foreign album, a full one. */
  async upload(input: UploadInput, now = new Date()): Promise<{ readonly photo: Photo; readonly album: Album }> {
    const album = await this.#uploadAlbum(input, now);
    const limit = album.appDefault ? APP_ALBUM_LIMIT : ALBUM_LIMIT;
    if ((await this.#store.photos.countInAlbum(album.albumId)) >= limit) throw new AlbumFullError(`the album holds ${limit} photos, as many as it may`);
    if (!input.approved && (await this.#store.photos.countPending(input.owner)) >= PENDING_LIMIT) {
      throw new TooManyPendingError(`${PENDING_LIMIT} photos are waiting for their owner's approval already`);
    }
    const images = await photoImages(input.bytes);
    const photo = await this.#store.photos.insertPhoto({
      albumId: album.albumId,
      owner: input.owner,
      appId: input.appId,
      caption: input.caption.slice(0, MAX_TEXT_LENGTH),
      pending: !input.approved,
      urlKey: randomBytes(8).toString('hex'),
      images,
      createdAt: now,
    });
    return { photo: photo.pending ? photo : await this.#tell(photo, album, now), album };
  }

  async #uploadAlbum(input: UploadInput, now: Date): Promise<Album> {
    if (input.albumId !== undefined) {
      const [album] = await this.#store.photos.albumsByIds([input.albumId]);
      if (album === undefined || album.owner !== input.owner) throw new AlbumRefusedError('no album of the photo’s owner has that aid');
      if (album.type === 'profile') throw new AlbumRefusedError('the profile pictures album takes no uploads');
      return album;
    }
    if (input.appId === null) throw new AlbumRefusedError('an upload made on Hearth’s pages names its album');
    return this.#store.photos.appDefaultAlbum({
      owner: input.owner,
      appId: input.appId,
      appDefault: true,
      type: 'normal',
      name: (input.appName ?? 'Application Photos').slice(0, MAX_NAME_LENGTH),
      description: '',
      location: '',
      visible: 'everyone',
      createdAt: now,
    });
  }

  /** The photos a query names that the viewer may see: album order for an album, newest first otherwise. */
  async photos(viewer: number | undefined, query: PhotoQuery): Promise<{ readonly photos: Photo[]; readonly albums: ReadonlyMap<number, Album> }> {
    const sets: Photo[][] = [];
    if (query.albumId !== undefined) sets.push(await this.#store.photos.photosInAlbums([query.albumId]));
    if (query.subject !== undefined) sets.push(await this.#store.photos.photosTagging(query.subject));
    if (query.photoIds !== undefined) {
      sets.push((await this.#store.photos.photosByIds(query.photoIds)).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.photoId - a.photoId));
    }
    const [first, ...rest] = sets;
    if (first === undefined) return { photos: [], albums: new Map() };
    const inAll = rest.map((set) => new Set(set.map((photo) => photo.photoId)));
    const photos = first.filter((photo) => inAll.every((set) => set.has(photo.photoId)));
    return this.visiblePhotos(viewer, photos);
  }

  /** Those of `photos` the viewer may see, in their order, with their albums. */
  async visiblePhotos(viewer: number | undefined, photos: readonly Photo[]): Promise<{ readonly photos: Photo[]; readonly albums: ReadonlyMap<number, Album> }> {
    const albums = new Map((await this.#store.photos.albumsByIds([...new Set(photos.map((photo) => photo.albumId))])).map((album) => [album.albumId, album]));
    const audience = await this.audience(viewer, [...albums.values()]);
    return { photos: photos.filter((photo) => maySeePhoto(photo, albums.get(photo.albumId), audience)), albums };
  }

  /**
   * `tagger` tags a photo of `owner` they may see: people who are the tagger, the photo's owner or
   * a friend of the tagger, or texts; `mayTagVisible` (photo_upload) to tag a photo that is not
   * waiting for approval.
   */
  async addTags(tagger: number, owner: number, photoId: number, tags: readonly TagInput[], mayTagVisible: boolean, now = new Date()): Promise<'done' | 'no-such-photo'> {
    const [photo] = await this.#store.photos.photosByIds([photoId]);
    if (photo === undefined || photo.owner !== owner) return 'no-such-photo';
    const { photos } = await this.visiblePhotos(tagger, [photo]);
    if (photos.length === 0) return 'no-such-photo';
    if (!photo.pending && !mayTagVisible) throw new TagNotAllowedError('without photo_upload an app tags only photos waiting for approval');
    const people = [...new Set(tags.flatMap((tag) => (tag.subject === undefined ? [] : [tag.subject])))];
    const friends = people.length === 0 ? new Set<number>() : new Set(await this.#store.friendships.friendsOf(tagger));
    const found = new Set((await this.#store.people.findMany(people)).map((person) => person.uid));
    for (const uid of people) {
      if (!found.has(uid)) throw new TagSubjectError(`no person with uid ${uid}`);
      if (uid !== tagger && uid !== photo.owner && !friends.has(uid)) throw new TagSubjectError(`uid ${uid} is not a friend of the tagger`);
    }
    if ((await this.#store.photos.tagsOf([photoId])).length + tags.length > TAG_LIMIT) throw new TooManyTagsError(`a photo has at most ${TAG_LIMIT} tags`);
    await this.#store.photos.addTags(
      tags.map((tag) => ({ photoId, subject: tag.subject ?? null, text: tag.subject === undefined ? tag.text : '', x: tag.x, y: tag.y, tagger, createdAt: now })),
    );
    return 'done';
  }

  /** The tags of those photos the viewer may see, oldest first per photo, with those photos. */
  async tags(viewer: number | undefined, photoIds: readonly number[]): Promise<{ readonly tags: PhotoTag[]; readonly photos: readonly Photo[] }> {
    const { photos } = await this.visiblePhotos(viewer, await this.#store.photos.photosByIds(photoIds));
    return { tags: await this.#store.photos.tagsOf(photos.map((photo) => photo.photoId)), photos };
  }

  /** The owner approves a photo waiting for it; false when it is not theirs or not waiting. */
  async approve(owner: number, photoId: number, now = new Date()): Promise<boolean> {
    const [photo] = await this.#store.photos.photosByIds([photoId]);
    if (photo === undefined || photo.owner !== owner || !(await this.#store.photos.approve(photoId))) return false;
    const [album] = await this.#store.photos.albumsByIds([photo.albumId]);
    if (album !== undefined) await this.#tell({ ...photo, pending: false }, album, now);
    return true;
  }

  /** The photos these stories are of, whoever may see them. */
  photosByStories(storyIds: readonly number[]): Promise<Photo[]> {
    return this.#store.photos.photosByStories(storyIds);
  }

  /** Photos by local number, whoever may see them. */
  photosByIds(photoIds: readonly number[]): Promise<Photo[]> {
    return this.#store.photos.photosByIds(photoIds);
  }

  /** Photos of these albums in upload order, whoever may see them. */
  photosInAlbums(albumIds: readonly number[]): Promise<Photo[]> {
    return this.#store.photos.photosInAlbums(albumIds);
  }

  /** Photos in which `uid` is tagged, newest first, whoever may see them. */
  photosTagging(uid: number): Promise<Photo[]> {
    return this.#store.photos.photosTagging(uid);
  }

  /** Every tag of these photos, oldest first per photo (their visibility is the caller's). */
  tagsOfPhotos(photoIds: readonly number[]): Promise<PhotoTag[]> {
    return this.#store.photos.tagsOf(photoIds);
  }

  /** One size of a photo, by the parts of its URL. */
  imageAt(ref: { readonly owner: number; readonly photoId: number; readonly urlKey: string; readonly size: PhotoSize }): Promise<StoredImage | undefined> {
    return this.#store.photos.imageAt(ref);
  }
}
