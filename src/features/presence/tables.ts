/** The presence feature's table (migration 32): when each person was last seen. */

export interface PersonPresenceTable {
  uid: number;
  /** Milliseconds: the latest signed-in page view or API call with their session, written at most once a minute. */
  last_seen_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    person_presence: PersonPresenceTable;
  }
}
