/** Friend requests addressed to an e-mail address, kept as typed whether or not anyone has it. They go with their sender. */
import type { Migration } from './migration.js';

export const friendInvitations: Migration = {
  version: 8,
  name: 'friend-invitations',
  sql: (w) => `
CREATE TABLE friend_invitations (
  from_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  email TEXT NOT NULL,
  created_at ${w.bigint} NOT NULL,
  declined INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (from_uid, email)
);
CREATE INDEX friend_invitations_email ON friend_invitations (email);
`,
};
