/** The comment boxes' table: comments of `fb:comments` sets, named per app by an xid. */
import type { Generated } from 'kysely';

export interface BoxCommentsTable {
  comment_id: Generated<number>;
  app_id: number;
  xid: string;
  fromid: number;
  text: string;
  /** The stream post made from the comment (comments.add with publish_to_stream). */
  post_id: string | null;
  created_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    box_comments: BoxCommentsTable;
  }
}
