/**
 * The stream feature's tables: posts on people's walls, the comments on them and who likes them.
 * A post's wire id is `<wall_uid>_<story_id>`, a comment's `<post id>_<comment_id>`.
 */
import type { Generated } from 'kysely';

export interface PostsTable {
  /** The story id: the second half of the post_id. */
  story_id: Generated<number>;
  /** Whose wall the post is on: the first half of the post_id. */
  wall_uid: number;
  /** Who posted it: the wall's owner, or one of their friends. */
  actor_uid: number;
  /** The app it was made through; null when made on Hearth's own pages (or the app is gone). */
  app_id: number | null;
  /** 46 status, 56 wall post, 80 link, 237 app story. */
  type: number;
  message: string;
  /** The attachment as the app sent it, after the checks of attachment.ts, as JSON text; null when none. */
  attachment: string | null;
  /** JSON array of `{text, href}`; null when none. */
  action_links: string | null;
  /** The feed template bundle a feed story was made from (app_data.tbid). */
  template_bundle_id: number | null;
  /** EVERYONE, ALL_FRIENDS, NETWORKS_FRIENDS, FRIENDS_OF_FRIENDS, SELF or CUSTOM. */
  privacy: string;
  /** For CUSTOM: JSON `{friends, allow, deny}` (allow and deny lists of uids and flids). */
  privacy_custom: string | null;
  created_at: number;
  /** The post's time, moved on by each new comment and like. */
  updated_at: number;
}

export interface PostCommentsTable {
  comment_id: Generated<number>;
  story_id: number;
  from_uid: number;
  /** The app the comment was made through; null on Hearth's pages. */
  app_id: number | null;
  text: string;
  created_at: number;
}

export interface PostLikesTable {
  story_id: number;
  uid: number;
  created_at: number;
}

/** The latest updated time of any post on a person's wall or by them (migration 15). */
export interface StreamActivityTable {
  uid: number;
  updated_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    stream_activity: StreamActivityTable;
    posts: PostsTable;
    post_comments: PostCommentsTable;
    post_likes: PostLikesTable;
  }
}
