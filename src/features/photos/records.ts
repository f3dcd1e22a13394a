/** Albums, photos and tags as the rest of Hearth sees them. */
import type { PhotoImages, PhotoSize, StoredImage } from './images.js';

export const ALBUM_VISIBILITIES = ['everyone', 'friends-of-friends', 'friends', 'networks'] as const;
export type AlbumVisibility = (typeof ALBUM_VISIBILITIES)[number];
export type AlbumType = 'normal' | 'profile' | 'mobile' | 'wall';

export interface Album {
  /** The local number (`aid=` of the album's page); the wire aid is photo-ids.ts's wireId(owner, albumId). */
  readonly albumId: number;
  readonly owner: number;
  readonly appId: number | null;
  /** The app's default album for this owner (photos.upload without aid). */
  readonly appDefault: boolean;
  readonly type: AlbumType;
  readonly name: string;
  readonly description: string;
  readonly location: string;
  readonly visible: AlbumVisibility;
  readonly createdAt: Date;
  readonly modifiedAt: Date;
  /** Its photos that are not waiting for approval. */
  readonly size: number;
  /** Its first photo not waiting for approval; null when there is none. */
  readonly coverPhotoId: number | null;
}

/** An album as made: its number, modified time, size and cover come from the store. */
export type NewAlbum = Omit<Album, 'albumId' | 'modifiedAt' | 'size' | 'coverPhotoId'>;

export interface Photo {
  readonly photoId: number;
  readonly albumId: number;
  readonly owner: number;
  readonly appId: number | null;
  readonly caption: string;
  /** Uploaded without photo_upload: only its owner sees it until they approve it. */
  readonly pending: boolean;
  readonly urlKey: string;
  /** Each size's image key and type (the bytes stay in the store until served). */
  readonly images: { readonly [S in PhotoSize]: { readonly hash: string; readonly contentType: string; readonly width: number; readonly height: number } };
  /** Its story in the stream (type 247), which holds its comments and likes; null while it waits for approval. */
  readonly storyId: number | null;
  readonly createdAt: Date;
}

export interface NewPhoto {
  readonly albumId: number;
  readonly owner: number;
  readonly appId: number | null;
  readonly caption: string;
  readonly pending: boolean;
  readonly urlKey: string;
  readonly images: PhotoImages;
  readonly createdAt: Date;
}

export interface PhotoTag {
  readonly tagId: number;
  readonly photoId: number;
  /** The person tagged; null for a text tag. */
  readonly subject: number | null;
  /** A text tag's text; empty for a person's. */
  readonly text: string;
  /** Percent from the left and from the top. */
  readonly x: number;
  readonly y: number;
  readonly tagger: number;
  readonly createdAt: Date;
}

export type NewPhotoTag = Omit<PhotoTag, 'tagId'>;

export interface PhotoRepository {
  createAlbum(album: NewAlbum): Promise<Album>;
  /** The app's default album of `owner`, made with `defaults` the first time. */
  appDefaultAlbum(defaults: NewAlbum & { readonly appId: number }): Promise<Album>;
  albumsByIds(albumIds: readonly number[]): Promise<Album[]>;
  /** Newest modified first. */
  albumsOf(owners: readonly number[]): Promise<Album[]>;
  /** Photos in the album, waiting ones included. */
  countInAlbum(albumId: number): Promise<number>;
  /** The owner's photos waiting for their approval. */
  countPending(owner: number): Promise<number>;
  insertPhoto(photo: NewPhoto): Promise<Photo>;
  photosByIds(photoIds: readonly number[]): Promise<Photo[]>;
  /** In upload order. */
  photosInAlbums(albumIds: readonly number[]): Promise<Photo[]>;
  /** Photos in which `uid` is tagged, newest first. */
  photosTagging(uid: number): Promise<Photo[]>;
  approve(photoId: number): Promise<boolean>;
  setStory(photoId: number, storyId: number): Promise<void>;
  /** The photos these stories are of. */
  photosByStories(storyIds: readonly number[]): Promise<Photo[]>;
  addTags(tags: readonly NewPhotoTag[]): Promise<void>;
  /** Oldest first per photo. */
  tagsOf(photoIds: readonly number[]): Promise<PhotoTag[]>;
  /** One size of a photo, when the URL's parts (owner, photo, key) all match. */
  imageAt(ref: { readonly owner: number; readonly photoId: number; readonly urlKey: string; readonly size: PhotoSize }): Promise<StoredImage | undefined>;
  /** Removes the images no photo names any more; how many. */
  removeUnusedImages(): Promise<number>;
}
