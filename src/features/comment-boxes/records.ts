/** What the comment boxes keep: the comments of each app's xid-named sets. */

export interface BoxComment {
  readonly commentId: number;
  readonly appId: number;
  readonly xid: string;
  readonly fromUid: number;
  readonly text: string;
  readonly postId: string | null;
  readonly createdAt: Date;
}

export interface BoxCommentRepository {
  add(comment: Omit<BoxComment, 'commentId' | 'postId'>): Promise<BoxComment>;
  setPostId(commentId: number, postId: string): Promise<void>;
  /** A set's comments, oldest first. */
  ofSet(appId: number, xid: string, limit: number): Promise<BoxComment[]>;
  /** The comments of any of the app's sets named in `xids`, oldest first (for FQL's comment table), in one query. */
  ofXids(appId: number, xids: readonly string[]): Promise<BoxComment[]>;
  find(appId: number, xid: string, commentId: number): Promise<BoxComment | undefined>;
  remove(commentId: number): Promise<boolean>;
}
