/**
 * The typed surface of the client: each method's arguments and what its answer decodes to.
 * A test keeps this list equal to the server's method registry.
 */

/** How the raw answer (XML text or parsed JSON) becomes a typed value. */
export type ResultKind = 'boolean' | 'string' | 'number' | 'session' | 'users' | 'uids' | 'friend_info';

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

export interface ApiMethods {
  'auth.createToken': { params: Record<string, never>; result: string };
  'auth.getSession': { params: { auth_token: string; generate_session_secret?: boolean; host_url?: string }; result: SessionInfo };
  'auth.promoteSession': { params: Record<string, never>; result: string };
  'auth.expireSession': { params: Record<string, never>; result: boolean };
  'auth.revokeAuthorization': { params: { uid?: number }; result: boolean };
  'auth.revokeExtendedPermission': { params: { perm: string; uid?: number }; result: boolean };
  'users.getLoggedInUser': { params: Record<string, never>; result: number };
  'users.getInfo': { params: { uids: readonly number[]; fields: readonly string[] }; result: UserInfo[] };
  'users.isAppUser': { params: { uid?: number }; result: boolean };
  'users.hasAppPermission': { params: { ext_perm: string; uid?: number }; result: boolean };
  'profile.setFBML': {
    params: { uid?: number; profile?: string; profile_main?: string; mobile_profile?: string; profile_action?: string; markup?: string };
    result: boolean;
  };
  'profile.getFBML': { params: { uid?: number; type?: 1 | 2 }; result: string };
  'friends.get': { params: { uid?: number; flid?: number }; result: number[] };
  'friends.areFriends': { params: { uids1: readonly number[]; uids2: readonly number[] }; result: FriendInfo[] };
  'friends.getAppUsers': { params: Record<string, never>; result: number[] };
}

export type ApiMethodName = keyof ApiMethods;

export const RESULT_KINDS: { readonly [M in ApiMethodName]: ResultKind } = {
  'auth.createToken': 'string',
  'auth.getSession': 'session',
  'auth.promoteSession': 'string',
  'auth.expireSession': 'boolean',
  'auth.revokeAuthorization': 'boolean',
  'auth.revokeExtendedPermission': 'boolean',
  'users.getLoggedInUser': 'number',
  'users.getInfo': 'users',
  'users.isAppUser': 'boolean',
  'users.hasAppPermission': 'boolean',
  'profile.setFBML': 'boolean',
  'profile.getFBML': 'string',
  'friends.get': 'uids',
  'friends.areFriends': 'friend_info',
  'friends.getAppUsers': 'uids',
};
