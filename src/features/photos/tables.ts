/** The photos feature's tables (migration 19). */
import type { Generated } from 'kysely';

export interface PhotoImagesTable {
  /** SHA-256 of the bytes, hex. */
  image_hash: string;
  content_type: string;
  width: number;
  height: number;
  bytes: Buffer;
}

export interface AlbumsTable {
  /** The local number: the second half of the aid, and `aid=` of the album's page. */
  album_id: Generated<number>;
  owner_uid: number;
  /** The app it was made through; null on Hearth's pages (or the app is gone). */
  app_id: number | null;
  /** 1 for the app's default album of this owner (photos.upload without aid). */
  app_default: number;
  /** normal, profile, mobile or wall. */
  type: string;
  name: string;
  description: string;
  location: string;
  /** everyone, friends, friends-of-friends, networks. */
  visible: string;
  created_at: number;
  modified_at: number;
}

export interface PhotosTable {
  /** The local number: the second half of the pid. */
  photo_id: Generated<number>;
  album_id: number;
  owner_uid: number;
  app_id: number | null;
  caption: string;
  /** 1 until its owner approves it (uploaded without photo_upload). */
  pending: number;
  /** A random part of the images' URLs, so that they cannot be guessed from the pid. */
  url_key: string;
  big_image: string;
  album_image: string;
  small_image: string;
  /** Its story in the stream once others may see it (type 247): its comments and likes. */
  story_id: number | null;
  created_at: number;
}

export interface PhotoTagsTable {
  tag_id: Generated<number>;
  photo_id: number;
  /** The person tagged; null for a text tag. */
  subject_uid: number | null;
  /** The text of a text tag; empty for a person's. */
  text: string;
  /** Percent from the left and from the top. */
  x: number;
  y: number;
  tagger_uid: number;
  created_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    photo_images: PhotoImagesTable;
    albums: AlbumsTable;
    photos: PhotosTable;
    photo_tags: PhotoTagsTable;
  }
}
