/** Threads and messages as the API and FQL write them (mailbox-types.ts gives the order and types). */
import type { FqlValue } from '../../fql/types.js';
import { snippetOf } from './mailbox-service.js';
import type { MailboxThread, MailMessage } from './records.js';

export function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** `<thread id>_<position>`, as the platform numbered a thread's messages. */
export function messageIdOf(threadId: number, position: number): string {
  return `${threadId}_${position}`;
}

/** The thread id and position a message id names; undefined for anything else. */
export function parseMessageId(text: string): { readonly threadId: number; readonly position: number } | undefined {
  const match = /^([1-9]\d{0,15})_(0|[1-9]\d{0,8})$/.exec(text.trim());
  if (match === null) return undefined;
  const threadId = Number(match[1]);
  return Number.isSafeInteger(threadId) ? { threadId, position: Number(match[2]) } : undefined;
}

export function messageValue(message: MailMessage): Record<string, FqlValue> {
  return {
    message_id: messageIdOf(message.threadId, message.position),
    // 0 once the author's account is gone.
    author_id: message.author ?? 0,
    body: message.body,
    created_time: seconds(message.createdAt),
    // Messages written on Hearth carry no attachment.
    attachment: {},
    thread_id: message.threadId,
  };
}

/** Every field of a thread but its messages, as its participant sees it. */
export function threadFields(thread: MailboxThread): Record<string, FqlValue> {
  return {
    thread_id: thread.threadId,
    subject: thread.subject,
    recipients: [...thread.participants],
    updated_time: seconds(thread.updatedAt),
    // Hearth's threads never branch.
    parent_message_id: '0',
    parent_thread_id: 0,
    message_count: thread.messageCount,
    snippet: snippetOf(thread.last.body),
    snippet_author: thread.last.author ?? 0,
    // Sent by people, not by a page or an app.
    object_id: 0,
    unread: thread.unread,
  };
}
