/** What the stream keeps (posts, comments, likes) and the repository that keeps it. */
import type { PostPrivacy } from './privacy.js';

export const POST_TYPES = [46, 56, 80, 237, 247] as const;
/** 46 status update, 56 post on a friend's wall, 80 link, 237 app story, 247 a photo added. */
export type PostType = (typeof POST_TYPES)[number];

export interface ActionLink {
  readonly text: string;
  readonly href: string;
}

export interface Post {
  readonly storyId: number;
  /** Whose wall it is on. */
  readonly wall: number;
  /** Who posted it. */
  readonly actor: number;
  /** The app it was made through; null when made on Hearth's own pages. */
  readonly appId: number | null;
  readonly type: PostType;
  readonly message: string;
  /** As the app sent it, after the checks of attachment.ts; null when none. */
  readonly attachment: Readonly<Record<string, unknown>> | null;
  readonly actionLinks: readonly ActionLink[] | null;
  readonly templateBundleId: number | null;
  readonly privacy: PostPrivacy;
  readonly createdAt: Date;
  /** Moved on by each new comment and like. */
  readonly updatedAt: Date;
}

export type NewPost = Omit<Post, 'storyId' | 'updatedAt'>;

export interface StreamComment {
  readonly commentId: number;
  readonly storyId: number;
  readonly fromUid: number;
  readonly appId: number | null;
  readonly text: string;
  readonly createdAt: Date;
}

export interface Like {
  readonly storyId: number;
  readonly uid: number;
  readonly createdAt: Date;
}

/** Where a read of posts starts and stops, newest first. */
export interface PostWindow {
  /** Only posts updated at or after this. */
  readonly since?: Date;
  /** Only posts updated at or before this. */
  readonly until?: Date;
  /** Only posts older than this one (a page's cursor): updated earlier, or at the same moment with a lower story id. */
  readonly before?: { readonly updatedAt: Date; readonly storyId: number };
}

/**
 * What a read of posts asks the database for: a superset of what the viewer may see (the service
 * applies the privacy rule itself), so the SQL can leave out what is plainly hidden.
 */
export interface PostQuery extends PostWindow {
  /** Posts on these walls or by these people. */
  readonly sources: readonly number[];
  /** Only posts made through this app. */
  readonly appId?: number;
  /** Only these posts. */
  readonly storyIds?: readonly number[];
  /** Who reads: `undefined` for nobody. */
  readonly viewer: number | undefined;
  /** The viewer's friends whose walls the posts may be on (all of them, or fewer), for the SQL's first cut of privacy. */
  readonly viewerFriends: readonly number[];
  /** Only posts everyone may see (no read_stream, or nobody reading). */
  readonly publicOnly: boolean;
  readonly limit: number;
}

/** A post's comments as a post shows them: how many, and the newest few, oldest first. */
export interface CommentPreview {
  readonly count: number;
  readonly latest: readonly StreamComment[];
}

/** A post's likes as a post shows them: how many, and the likers asked about or among the newest. */
export interface LikePreview {
  readonly count: number;
  /** Newest first: the newest few likers, and every one of `among` who likes it. */
  readonly likers: readonly number[];
}

export interface PostRepository {
  /** Assigns the next story id. */
  insert(post: NewPost): Promise<Post>;
  /** Of these people, those whose stream has posts, with the latest updated time of any post on their wall or by them (never earlier than it). */
  activityOf(uids: readonly number[]): Promise<Map<number, Date>>;
  /** The posts with these story ids that exist, in no particular order. */
  byIds(storyIds: readonly number[]): Promise<Post[]>;
  /** Newest first (updated time, then story id), at most `limit`. */
  find(query: PostQuery): Promise<Post[]>;
  /** How many posts `actor` made through `appId` since `since`. */
  countByActor(actor: number, appId: number, since: Date): Promise<number>;
  /** Removes the post with its comments and likes; returns whether it existed. */
  delete(storyId: number): Promise<boolean>;
  /** Of `appIds`, those some post was made through. */
  appsWithPosts(appIds: readonly number[]): Promise<Set<number>>;

  /** Adds the comment and moves the post's updated time on; `undefined` if the post is gone. */
  addComment(comment: Omit<StreamComment, 'commentId'>): Promise<StreamComment | undefined>;
  commentsById(commentIds: readonly number[]): Promise<StreamComment[]>;
  deleteComment(commentId: number): Promise<boolean>;
  /** Every comment of these posts, oldest first. */
  commentsOf(storyIds: readonly number[]): Promise<StreamComment[]>;
  /** Per post: the count and the newest `latest` comments, in one query. */
  commentPreviews(storyIds: readonly number[], latest: number): Promise<Map<number, CommentPreview>>;

  /** Idempotent; a new like moves the post's updated time on. Returns whether it is new. */
  addLike(like: Like): Promise<boolean>;
  /** Idempotent; returns whether there was one. */
  removeLike(storyId: number, uid: number): Promise<boolean>;
  /** Every like of these posts, newest first. */
  likesOf(storyIds: readonly number[]): Promise<Like[]>;
  /** Every like by this person, newest first. */
  likesBy(uid: number): Promise<Like[]>;
  /** Per post: the count, the newest `sample` likers and those of `among` who like it, in one query. */
  likePreviews(storyIds: readonly number[], among: readonly number[], sample: number): Promise<Map<number, LikePreview>>;
}
