/**
 * The friends feature's tables: friendships stored once per pair, directed requests, requests to an
 * e-mail address, and the friend lists people make.
 */
import type { Generated } from 'kysely';

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

export interface FriendListsTable {
  flid: Generated<number>;
  owner_uid: number;
  /** Trimmed, unique per owner. */
  name: string;
  created_at: number;
}

export interface FriendListMembersTable {
  flid: number;
  /** One of the owner's friends: the friendship's end takes them off the list. */
  uid: number;
}

declare module '../../db/database.js' {
  interface Tables {
    friendships: FriendshipsTable;
    friend_requests: FriendRequestsTable;
    friend_invitations: FriendInvitationsTable;
    friend_lists: FriendListsTable;
    friend_list_members: FriendListMembersTable;
  }
}
