/** The mailbox feature's tables (migration 30): threads, their messages, and each participant's view of a thread. */
import type { Generated } from 'kysely';

export interface MailThreadsTable {
  thread_id: Generated<number>;
  /** As the starter typed it, one line; empty when none was given. */
  subject: string;
  /** How many messages it holds; the next message's position. */
  message_count: number;
  created_at: number;
  /** When its newest message was written. */
  updated_at: number;
}

export interface MailMessagesTable {
  thread_id: number;
  /** 0-based, in the order written: the message id is `<thread_id>_<position>`. */
  position: number;
  /** Null once the author's account is gone (the message stays, so the positions do). */
  author_uid: number | null;
  /** Plain text, as typed. */
  body: string;
  created_at: number;
}

export interface MailParticipantsTable {
  thread_id: number;
  uid: number;
  /** Their place in the thread's recipients: the starter 0, then the recipients as addressed. */
  ordinal: number;
  /** Messages by others that they have not read yet. */
  unread: number;
  /** 1 once someone else wrote in it: the thread is in their Inbox. */
  in_inbox: number;
  /** 1 once they wrote in it: the thread is in their Sent Messages. */
  in_sent: number;
}

declare module '../../db/database.js' {
  interface Tables {
    mail_threads: MailThreadsTable;
    mail_messages: MailMessagesTable;
    mail_participants: MailParticipantsTable;
  }
}
