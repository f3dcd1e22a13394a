/**
 * Friend lists: named groups of a person's friends, private to their owner. A list goes with its
 * owner and its members with the list; a member goes with the person (FK cascade). Names are
 * unique per owner, which also gives the lookup by owner its index.
 */
import type { Migration } from '../../../db/migrations/migration.js';

export const friendListsMigration: Migration = {
  version: 9,
  name: 'friend-lists',
  sql: (w) => `
CREATE TABLE friend_lists (
  flid ${w.identity(300000001)},
  owner_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at ${w.bigint} NOT NULL,
  UNIQUE (owner_uid, name)
);
${
  // List ids in the range the platform's examples use, as people's uids are (see 001-initial).
  w.dialect === 'sqlite' ? "INSERT INTO sqlite_sequence (name, seq) VALUES ('friend_lists', 300000000);" : ''
}

CREATE TABLE friend_list_members (
  flid ${w.bigint} NOT NULL REFERENCES friend_lists (flid) ON DELETE CASCADE,
  uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  PRIMARY KEY (flid, uid)
);
CREATE INDEX friend_list_members_uid ON friend_list_members (uid, flid);
`,
};
