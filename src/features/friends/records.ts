/** A pending friend request: `fromUid` asked `toUid`, who has not answered yet. */
export interface FriendRequest {
  readonly fromUid: number;
  readonly toUid: number;
  readonly createdAt: Date;
}

/** What a friend request did: see `FriendshipRepository.request`. */
export type FriendRequestOutcome = 'requested' | 'already-requested' | 'accepted' | 'already-friends';

/**
 * Friendships (symmetric: A is B's friend exactly when B is A's) and pending requests (directed).
 * Callers check that both people exist and differ; the repository keeps the pairs consistent.
 * Friendships and requests go with either person.
 */
/** A friend request addressed to an e-mail address, as its sender sees it. */
export interface FriendInvitation {
  /** Normalised, as typed. */
  readonly email: string;
  readonly createdAt: Date;
}

/**
 * Friendships, friend requests to a person, and invitations: requests to an e-mail address, which
 * whoever holds that address sees as a request (friend-invitation-sql.ts).
 */
export interface FriendshipRepository {
  /**
   * `fromUid` asks `toUid`, atomically: `already-friends` if they are friends (nothing changes),
   * `accepted` if `toUid` had already asked `fromUid`, by uid or by address (they become friends
   * and that request goes), `already-requested` if this request is pending already, otherwise `requested`.
   */
  request(fromUid: number, toUid: number, now: Date): Promise<FriendRequestOutcome>;
  /** `toUid` accepts the pending request or invitation from `fromUid`: they become friends. False if there was none. */
  accept(fromUid: number, toUid: number, now: Date): Promise<boolean>;
  /** Removes the pending request from `fromUid` to `toUid` (cancelled). Returns whether it existed. */
  deleteRequest(fromUid: number, toUid: number): Promise<boolean>;
  /**
   * `toUid` declines what `fromUid` sent: the request goes, an invitation to their address is
   * marked declined (its sender still sees it as sent). Returns whether there was either.
   */
  decline(fromUid: number, toUid: number): Promise<boolean>;
  /** Makes two people friends at once, dropping requests and invitations between them. Returns whether they were not friends before. */
  befriend(a: number, b: number, now: Date): Promise<boolean>;
  /** `fromUid` asks whoever has `email` (normalised). Idempotent; a declined invitation stays declined. */
  invite(fromUid: number, email: string, now: Date): Promise<void>;
  /** Invitations `uid` sent that were not accepted, oldest first (declined ones included: the sender is not told). */
  invitationsFrom(uid: number): Promise<FriendInvitation[]>;
  /** `fromUid` takes an invitation back. Returns whether it existed. */
  deleteInvitation(fromUid: number, email: string): Promise<boolean>;
  /** Ends a friendship, and takes each person off the other's friend lists; returns whether it existed. */
  unfriend(a: number, b: number): Promise<boolean>;
  /** Symmetric; a person is not their own friend. */
  areFriends(a: number, b: number): Promise<boolean>;
  /** A person's friends' uids, ascending. */
  friendsOf(uid: number): Promise<number[]>;
  /** Which of `among` are friends of `uid`, in one query (in no particular order). */
  friendsAmong(uid: number, among: readonly number[]): Promise<number[]>;
  /** Every friendship of any of `uids`, as stored (lower uid first), in one query. */
  friendshipsOf(uids: readonly number[]): Promise<Array<readonly [number, number]>>;
  /** The people who are friends of both `a` and `b`, ascending uids (for a = b, all of a's friends). */
  mutualFriends(a: number, b: number): Promise<number[]>;
  /** Requests waiting for `uid`'s answer, oldest first: to their uid, or open invitations to their address. */
  requestsTo(uid: number): Promise<FriendRequest[]>;
  /** Requests `uid` sent that are still pending, oldest first. */
  requestsFrom(uid: number): Promise<FriendRequest[]>;
}

/** A friend list as its owner made it. */
export interface FriendList {
  readonly flid: number;
  /** The person who made it; only they see it. */
  readonly owner: number;
  readonly name: string;
  readonly createdAt: Date;
}

/** What adding a person to a friend list did: see `FriendListRepository.addMember`. */
export type AddMemberOutcome = 'added' | 'already-member' | 'not-a-friend' | 'no-such-list';

/**
 * Friend lists and their members. Every change names the owner, and touches only a list of theirs;
 * the service checks names. The batched reads take any number of ids and run one query each.
 */
export interface FriendListRepository {
  /** Assigns the next flid. Throws `DuplicateError` if the owner has a list of that name. */
  create(owner: number, name: string, now: Date): Promise<FriendList>;
  /** `undefined` if the owner has no such list; throws `DuplicateError` if the name is taken. */
  rename(owner: number, flid: number, name: string): Promise<FriendList | undefined>;
  /** Deletes the list and its memberships; returns whether the owner had it. */
  delete(owner: number, flid: number): Promise<boolean>;
  /**
   * Adds `uid` to the owner's list, atomically with the friendship check (under the pair's lock,
   * as unfriending takes it): `no-such-list` if the owner has no such list, `not-a-friend` if
   * `uid` is not the owner's friend, `already-member`, or `added`.
   */
  addMember(owner: number, flid: number, uid: number): Promise<AddMemberOutcome>;
  /** Returns whether `uid` was on the owner's list. */
  removeMember(owner: number, flid: number, uid: number): Promise<boolean>;
  /** Every list of these owners, ordered by flid. */
  listsOwnedBy(owners: readonly number[]): Promise<FriendList[]>;
  /** The lists with these ids that exist, ordered by flid. */
  listsById(flids: readonly number[]): Promise<FriendList[]>;
  /** The members of these lists, ordered by flid, then uid. */
  membersOf(flids: readonly number[]): Promise<Array<{ flid: number; uid: number }>>;
}
