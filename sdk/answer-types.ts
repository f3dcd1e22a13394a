/** The structures the typed client decodes answers into (the hand-written half of the method map). */

/** How the raw answer (XML text or parsed JSON) becomes a typed value. */
export type ResultKind = 'boolean' | 'string' | 'number' | 'session' | 'users' | 'uids' | 'friend_info' | 'friend_lists' | 'fql_rows' | 'fql_results';

/** One person in users.getInfo: the asked fields. From XML every value is text; `null` is not visible. */
export type UserInfo = { readonly uid: number } & Readonly<Record<string, unknown>>;

/** What auth.getSession answers. `expires` is 0 for a session that never expires. */
export interface SessionInfo {
  readonly session_key: string;
  readonly uid: number;
  readonly expires: number;
  /** Desktop apps, or web apps that asked with generate_session_secret. */
  readonly secret?: string;
}

/** One pair of friends.areFriends; `are_friends` is `null` when either uid names nobody. */
export interface FriendInfo {
  readonly uid1: number;
  readonly uid2: number;
  readonly are_friends: boolean | null;
}

/** One list of friends.getLists: its id and the name its owner gave it (from XML, flid is made a number too). */
export interface FriendListInfo {
  readonly flid: number;
  readonly name: string;
}

/**
 * One row of an FQL answer: the selected items in order. From XML every value is text (a nested
 * structure an object, a list an array); from JSON numbers and booleans are typed. Nil is `null`.
 */
export type FqlRow = Readonly<Record<string, unknown>>;

/** One named statement's rows in an fql.multiquery answer. */
export interface FqlResult {
  readonly name: string;
  readonly fql_result_set: readonly FqlRow[];
}
