/**
 * The mailbox's structures as the platform wrote them, field by field in its order: the FQL tables
 * are declared with them and message.getThreadsInFolder writes its threads through the same types
 * (src/fql/render.ts), so both answer alike — `recipients` items named `uid`, message ids as
 * strings, an empty attachment as an empty element.
 */
import { array, int, string, struct, time, type FqlType } from '../../fql/types.js';
import { ATTACHMENT } from '../stream/stream-types.js';

/** A stream attachment and the people it tags; messages written on Hearth have none (an empty struct). */
export const MESSAGE_ATTACHMENT: FqlType =
  ATTACHMENT.kind === 'struct' ? { kind: 'struct', fields: [...ATTACHMENT.fields, ['tagged_ids', array(int, 'id')]] } : ATTACHMENT;

export const MESSAGE = struct({
  message_id: string,
  author_id: int,
  body: string,
  created_time: time,
  attachment: MESSAGE_ATTACHMENT,
  thread_id: int,
});

/** One thread of message.getThreadsInFolder. */
export const THREAD = struct({
  thread_id: int,
  subject: string,
  recipients: array(int, 'uid'),
  updated_time: time,
  parent_message_id: string,
  parent_thread_id: int,
  message_count: int,
  snippet: string,
  snippet_author: int,
  object_id: int,
  unread: int,
  messages: array(MESSAGE, 'message'),
});
