/** A comment as comments.get writes it (the 2010 schema's `comment`; the facebooker fixture). */
import type { ApiObject } from '../../wire/values.js';
import type { BoxComment } from './records.js';

export function commentValue(comment: BoxComment): ApiObject {
  return {
    xid: comment.xid,
    fromid: comment.fromUid,
    time: Math.floor(comment.createdAt.getTime() / 1000),
    text: comment.text,
    id: comment.commentId,
  };
}
