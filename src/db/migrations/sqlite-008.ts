/**
 * Friend requests addressed to an e-mail address, kept as typed whether or not anyone has it
 * (friend-invitation-sql.ts). They go with their sender.
 */
export const sql = `
CREATE TABLE friend_invitations (
  from_uid INTEGER NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  email TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  declined INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (from_uid, email)
);
CREATE INDEX friend_invitations_email ON friend_invitations (email);
`;
