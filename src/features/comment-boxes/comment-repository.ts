/** Comment-box comments in the database, for both dialects. */
import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { prepareQuery } from '../../db/prepared-query.js';
import { valueList, type ValueList } from '../../db/value-list.js';
import type { BoxComment, BoxCommentRepository } from './records.js';
import type { BoxCommentsTable } from './tables.js';

function toComment(row: Selectable<BoxCommentsTable>): BoxComment {
  return {
    commentId: Number(row.comment_id),
    appId: Number(row.app_id),
    xid: row.xid,
    fromUid: Number(row.fromid),
    text: row.text,
    postId: row.post_id,
    createdAt: new Date(Number(row.created_at)),
  };
}

export class StoredBoxCommentRepository implements BoxCommentRepository {
  readonly #db: Database;
  readonly #xids: ValueList<string>;
  readonly #ofSet;
  readonly #ofXids;
  readonly #find;

  constructor(db: Database) {
    this.#db = db;
    const xids = (this.#xids = valueList<string>(db, 'text'));
    this.#ofSet = prepareQuery(db, (q, p: { appId: number; xid: string; limit: number }) =>
      q.selectFrom('box_comments').selectAll().where('app_id', '=', p.appId).where('xid', '=', p.xid).orderBy('comment_id').limit(p.limit),
    );
    this.#ofXids = prepareQuery(db, (q, p: { appId: number; xids: unknown }) =>
      q.selectFrom('box_comments').selectAll().where('app_id', '=', p.appId).where(xids.contains(sql.ref('xid'), p.xids)).orderBy('comment_id'),
    );
    this.#find = prepareQuery(db, (q, p: { appId: number; xid: string; commentId: number }) =>
      q.selectFrom('box_comments').selectAll().where('app_id', '=', p.appId).where('xid', '=', p.xid).where('comment_id', '=', p.commentId),
    );
  }

  async add(comment: Omit<BoxComment, 'commentId' | 'postId'>): Promise<BoxComment> {
    const row = await this.#db.query
      .insertInto('box_comments')
      .values({ app_id: comment.appId, xid: comment.xid, fromid: comment.fromUid, text: comment.text, post_id: null, created_at: comment.createdAt.getTime() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toComment(row);
  }

  async setPostId(commentId: number, postId: string): Promise<void> {
    await this.#db.query.updateTable('box_comments').set({ post_id: postId }).where('comment_id', '=', commentId).execute();
  }

  async ofSet(appId: number, xid: string, limit: number): Promise<BoxComment[]> {
    return (await this.#ofSet.all({ appId, xid, limit })).map(toComment);
  }

  async ofXids(appId: number, xids: readonly string[]): Promise<BoxComment[]> {
    if (xids.length === 0) return [];
    return (await this.#ofXids.all({ appId, xids: this.#xids.bind(xids) })).map(toComment);
  }

  async find(appId: number, xid: string, commentId: number): Promise<BoxComment | undefined> {
    const row = await this.#find.first({ appId, xid, commentId });
    return row && toComment(row);
  }

  async remove(commentId: number): Promise<boolean> {
    const result = await this.#db.query.deleteFrom('box_comments').where('comment_id', '=', commentId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
