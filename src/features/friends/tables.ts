/** The friends feature's tables: friendships stored once per pair, directed requests, and requests to an e-mail address. */
export interface FriendshipsTable {
  /** The pair in ascending order: uid_low < uid_high. */
  uid_low: number;
  uid_high: number;
  created_at: number;
}

export interface FriendRequestsTable {
  from_uid: number;
  to_uid: number;
  created_at: number;
}

export interface FriendInvitationsTable {
  from_uid: number;
  /** Normalised, as typed; nobody need have it. */
  email: string;
  created_at: number;
  /** 1 once whoever holds the address declined; the sender still sees it as sent. */
  declined: number;
}

declare module '../../db/database.js' {
  interface Tables {
    friendships: FriendshipsTable;
    friend_requests: FriendRequestsTable;
    friend_invitations: FriendInvitationsTable;
  }
}
