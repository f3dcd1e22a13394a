/** What the mailbox keeps — threads, their messages, each participant's view — and the repository that keeps it. */

/** The platform's folder ids: Inbox 0, Sent Messages (the Outbox) 1, Updates 4. */
export const FOLDER_IDS = [0, 1, 4] as const;
export type FolderId = (typeof FOLDER_IDS)[number];

export const INBOX = 0 satisfies FolderId;
export const SENT = 1 satisfies FolderId;
export const UPDATES = 4 satisfies FolderId;

/** The folders' names as the Inbox's tabs showed them. */
export const FOLDER_NAMES: Readonly<Record<FolderId, string>> = { 0: 'Inbox', 1: 'Sent Messages', 4: 'Updates' };

export function isFolderId(value: number): value is FolderId {
  return (FOLDER_IDS as readonly number[]).includes(value);
}

export interface MailMessage {
  readonly threadId: number;
  /** 0-based, in the order written. */
  readonly position: number;
  /** Null once the author's account is gone. */
  readonly author: number | null;
  /** Plain text, as typed. */
  readonly body: string;
  readonly createdAt: Date;
}

/** A thread as one of its participants sees it. */
export interface MailboxThread {
  readonly threadId: number;
  /** Empty when none was given. */
  readonly subject: string;
  readonly messageCount: number;
  readonly createdAt: Date;
  /** When its newest message was written. */
  readonly updatedAt: Date;
  /** The newest message. */
  readonly last: { readonly author: number | null; readonly body: string };
  /** Who reads it: the participant this view is of. */
  readonly viewer: number;
  /** Messages by others the viewer has not read. */
  readonly unread: number;
  /** Someone else wrote in it. */
  readonly inInbox: boolean;
  /** The viewer wrote in it. */
  readonly inSent: boolean;
  /** Everyone in it, the starter first, then the recipients as addressed. */
  readonly participants: readonly number[];
}

export interface NewThread {
  readonly author: number;
  /** Distinct, without the author. */
  readonly recipients: readonly number[];
  readonly subject: string;
  readonly body: string;
  readonly at: Date;
}

/** What adding a message came to: the thread is gone, the author is not in it, or it is full. */
export type AppendOutcome = { readonly position: number } | 'no-such-thread' | 'full';

export interface UnreadSummary {
  /** Threads in the Inbox with messages the person has not read. */
  readonly unread: number;
  /** The newest of those threads (by its newest message); 0 when there is none. */
  readonly mostRecent: number;
  /** When that thread's newest message was written, Unix seconds; 0 when there is none. */
  readonly mostRecentTime: number;
}

export interface FolderCount {
  readonly folderId: FolderId;
  readonly total: number;
  /** Threads with messages the person has not read. */
  readonly unread: number;
}

export interface MailboxRepository {
  /** A new thread with its first message; the thread id. */
  create(thread: NewThread): Promise<number>;
  /**
   * Adds a message by `author`, who must be in the thread; the others' unread counts go up, and it
   * is in their Inboxes and the author's Sent Messages. `maxMessages`: a thread that holds that
   * many takes no more.
   */
  append(threadId: number, author: number, body: string, at: Date, maxMessages: number): Promise<AppendOutcome>;
  /** The person has read every message of the thread; false if they are not in it. */
  markRead(uid: number, threadId: number): Promise<boolean>;
  /** The person's threads in a folder, newest first (newest message, then thread id). */
  inFolder(uid: number, folder: FolderId, limit: number, offset: number): Promise<MailboxThread[]>;
  /** Those of these threads the person is in, newest first. */
  byIds(uid: number, threadIds: readonly number[]): Promise<MailboxThread[]>;
  /** The messages of these threads, by thread and position. */
  messagesOf(threadIds: readonly number[]): Promise<MailMessage[]>;
  unreadSummary(uid: number): Promise<UnreadSummary>;
  /** Every folder of the person with its counts, in folder order. */
  folderCounts(uid: number): Promise<FolderCount[]>;
}
