/**
 * The inbox: threads of messages between people. A thread keeps its messages in the order written
 * (the position makes the message id); each participant has their own row with what they have not
 * read and which of their folders the thread is in. A participant's row goes with the person; a
 * message outlives its author (author_uid becomes null) so that the others keep the conversation.
 * Thread ids are in the range of the platform's samples (900000001).
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const FIRST_THREAD_ID = 900000001;

export const mailboxMigration: Migration = {
  version: 30,
  name: 'mailbox',
  sql: (w) => `
CREATE TABLE mail_threads (
  thread_id ${w.identity(FIRST_THREAD_ID)},
  subject TEXT NOT NULL,
  message_count INTEGER NOT NULL,
  created_at ${w.bigint} NOT NULL,
  updated_at ${w.bigint} NOT NULL
);

CREATE TABLE mail_messages (
  thread_id ${w.bigint} NOT NULL REFERENCES mail_threads (thread_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  author_uid ${w.bigint} REFERENCES people (uid) ON DELETE SET NULL,
  body TEXT NOT NULL,
  created_at ${w.bigint} NOT NULL,
  PRIMARY KEY (thread_id, position)
);
-- For the people foreign key.
CREATE INDEX mail_messages_author ON mail_messages (author_uid);

CREATE TABLE mail_participants (
  thread_id ${w.bigint} NOT NULL REFERENCES mail_threads (thread_id) ON DELETE CASCADE,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  unread INTEGER NOT NULL,
  in_inbox INTEGER NOT NULL,
  in_sent INTEGER NOT NULL,
  PRIMARY KEY (thread_id, uid)
);
CREATE INDEX mail_participants_uid ON mail_participants (uid, thread_id);
${w.dialect === 'sqlite' ? `INSERT INTO sqlite_sequence (name, seq) VALUES ('mail_threads', ${FIRST_THREAD_ID - 1});` : ''}
`,
};
