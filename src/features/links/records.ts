/** What the links feature keeps, and the repository that keeps it. */

export interface SharedLink {
  readonly linkId: number;
  /** Who shared it. */
  readonly owner: number;
  /** The app it was shared through; null when that app is gone. */
  readonly appId: number | null;
  readonly url: string;
  /** The owner's comment; empty when none. */
  readonly comment: string;
  /** From the linked page; empty when not known. */
  readonly title: string;
  readonly summary: string;
  readonly imageUrls: readonly string[];
  /** The story id of its link post; null once that post is removed from the stream. */
  readonly storyId: number | null;
  readonly createdAt: Date;
}

export type NewLink = Omit<SharedLink, 'linkId' | 'storyId'>;

export interface LinkRepository {
  /** Assigns the next link id. */
  insert(link: NewLink): Promise<SharedLink>;
  setStory(linkId: number, storyId: number): Promise<void>;
  /** Returns whether it existed. */
  delete(linkId: number): Promise<boolean>;
  /** The links with these ids that exist, in no particular order. */
  byIds(linkIds: readonly number[]): Promise<SharedLink[]>;
  /** Each owner's links, newest first (created time, then id), at most `limit` each. */
  ofOwners(uids: readonly number[], limit: number): Promise<SharedLink[]>;
  /** One owner's links shared through one app, newest first, at most `limit`. */
  ofOwnerThroughApp(uid: number, appId: number, limit: number): Promise<SharedLink[]>;
}
