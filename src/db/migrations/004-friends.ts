/**
 * Friendships and friend requests. A friendship is symmetric and stored once, as the pair
 * (uid_low, uid_high) with uid_low < uid_high, so "are A and B friends" is one primary-key lookup
 * and no pair can be half-stored. A request is directed (from → to) and lives until it is
 * accepted, declined or cancelled. Both go with either person (FK cascade).
 */
import type { Migration } from './migration.js';

export const friends: Migration = {
  version: 4,
  name: 'friends',
  sql: (w) => `
CREATE TABLE friendships (
  uid_low ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  uid_high ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  created_at ${w.bigint} NOT NULL,
  PRIMARY KEY (uid_low, uid_high),
  CHECK (uid_low < uid_high)
);
CREATE INDEX friendships_high ON friendships (uid_high, uid_low);

CREATE TABLE friend_requests (
  from_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  to_uid ${w.bigint} NOT NULL REFERENCES people (uid) ON DELETE CASCADE,
  created_at ${w.bigint} NOT NULL,
  PRIMARY KEY (from_uid, to_uid),
  CHECK (from_uid <> to_uid)
);
CREATE INDEX friend_requests_to ON friend_requests (to_uid, created_at);
`,
};
