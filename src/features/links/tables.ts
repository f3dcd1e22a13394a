/** The links feature's table: the links people share, each also a link post of their stream. */
import type { Generated } from 'kysely';

export interface LinksTable {
  link_id: Generated<number>;
  /** Who shared it. */
  owner_uid: number;
  /** The app it was shared through; null when the app is gone. */
  app_id: number | null;
  /** An absolute http(s) URL of at most 1,024 characters. */
  url: string;
  /** The owner's comment; empty when none. */
  owner_comment: string;
  /** From the linked page's metadata; empty when not known. */
  title: string;
  summary: string;
  /** JSON array of image URLs. */
  image_urls: string;
  /** The link post (type 80) of the owner's stream; null once that post is removed. */
  story_id: number | null;
  created_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    links: LinksTable;
  }
}
