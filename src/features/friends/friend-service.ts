/**
 * Friends: who is whose friend, and the requests that lead there. People ask, the other person
 * accepts or declines (or the asker cancels); asking someone who already asked you accepts their
 * request. The operator may make two people friends at once. Nobody is their own friend.
 *
 * People may also ask by e-mail address: an invitation, kept whether or not anyone has the address,
 * which its holder (now or later) sees as a friend request. Nothing about it tells the sender
 * whether the address is registered, or whose it is, until its holder accepts.
 */
import type { FriendInvitation, FriendRequest, FriendRequestOutcome } from './records.js';
import type { Store } from '../feature.js';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { normaliseEmail } from '../people/people-service.js';

export type { FriendInvitation, FriendRequest, FriendRequestOutcome } from './records.js';

/** A person's pending requests, both ways, oldest first. */
export interface PendingRequests {
  /** Waiting for this person's answer. */
  readonly incoming: readonly FriendRequest[];
  /** Sent by this person, not answered yet. */
  readonly outgoing: readonly FriendRequest[];
}

export class FriendService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** Symmetric; false when either uid names nobody, and for a person and themselves. */
  areFriends(a: number, b: number): Promise<boolean> {
    return this.#store.friendships.areFriends(a, b);
  }

  /** Every friendship of any of `uids`, each pair once, lower uid first (one query). */
  friendshipsOf(uids: readonly number[]): Promise<Array<readonly [number, number]>> {
    return this.#store.friendships.friendshipsOf(uids);
  }

  /** Which of `among` are friends of `uid`, in one query. */
  async friendsAmong(uid: number, among: readonly number[]): Promise<Set<number>> {
    return new Set(await this.#store.friendships.friendsAmong(uid, among));
  }

  /** A person's friends, ascending uids; empty for a uid that names nobody. */
  friendsOf(uid: number): Promise<number[]> {
    return this.#store.friendships.friendsOf(uid);
  }

  /** The people who are friends of both, ascending uids; empty when either uid names nobody. */
  mutualFriends(a: number, b: number): Promise<number[]> {
    return this.#store.friendships.mutualFriends(a, b);
  }

  /** A person's friends who have authorized the app (friends.getAppUsers), ascending uids. */
  async appUsersAmongFriends(uid: number, appId: number): Promise<number[]> {
    const friends = await this.friendsOf(uid);
    const users = await Promise.all(friends.map((friend) => this.#store.authorizations.isAuthorized(friend, appId)));
    return friends.filter((_, index) => users[index]);
  }

  /**
   * `fromUid` asks `toUid` to be friends. If `toUid` had already asked, they become friends now
   * (`accepted`). Refuses unknown people and asking oneself.
   */
  async request(fromUid: number, toUid: number, now = new Date()): Promise<FriendRequestOutcome> {
    await this.#checkPair(fromUid, toUid);
    return this.#store.friendships.request(fromUid, toUid, now);
  }

  /** `uid` accepts the request `requesterUid` sent; false if there was none. */
  accept(uid: number, requesterUid: number, now = new Date()): Promise<boolean> {
    return this.#store.friendships.accept(requesterUid, uid, now);
  }

  /** `uid` declines the request (or invitation to their address) `requesterUid` sent; false if there was none. */
  decline(uid: number, requesterUid: number): Promise<boolean> {
    return this.#store.friendships.decline(requesterUid, uid);
  }

  /**
   * `fromUid` asks whoever has the address `emailText`. Refuses a malformed address and the
   * person's own; answers the same for every other address, registered or not.
   */
  async invite(fromUid: number, emailText: string, now = new Date()): Promise<string> {
    const email = normaliseEmail(emailText);
    const sender = await this.#store.people.findByUid(fromUid);
    if (!sender) throw new InvalidInputError(`no person with uid ${fromUid}`);
    if (sender.email === email) throw new InvalidInputError('a person cannot be their own friend');
    await this.#store.friendships.invite(fromUid, email, now);
    return email;
  }

  /** Invitations `uid` sent that are not accepted yet, oldest first. */
  invitations(uid: number): Promise<FriendInvitation[]> {
    return this.#store.friendships.invitationsFrom(uid);
  }

  /** `uid` takes back an invitation; false if there was none. */
  uninvite(uid: number, email: string): Promise<boolean> {
    return this.#store.friendships.deleteInvitation(uid, email);
  }

  /** `uid` takes back the request they sent to `requestedUid`; false if there was none. */
  cancel(uid: number, requestedUid: number): Promise<boolean> {
    return this.#store.friendships.deleteRequest(uid, requestedUid);
  }

  /** Ends a friendship (either person may), taking each off the other's friend lists; false if they were not friends. */
  remove(uid: number, friendUid: number): Promise<boolean> {
    return this.#store.friendships.unfriend(uid, friendUid);
  }

  /**
   * The operator makes two people friends at once, without a request (`hearth friend add`).
   * Pending requests between them go. Returns false if they were friends already.
   */
  async addDirectly(a: number, b: number, now = new Date()): Promise<boolean> {
    await this.#checkPair(a, b);
    return this.#store.friendships.befriend(a, b, now);
  }

  async pending(uid: number): Promise<PendingRequests> {
    const [incoming, outgoing] = await Promise.all([this.#store.friendships.requestsTo(uid), this.#store.friendships.requestsFrom(uid)]);
    return { incoming, outgoing };
  }

  async #checkPair(a: number, b: number): Promise<void> {
    if (a === b) throw new InvalidInputError('a person cannot be their own friend');
    const found = new Set((await this.#store.people.findMany([a, b])).map((person) => person.uid));
    for (const uid of [a, b]) if (!found.has(uid)) throw new InvalidInputError(`no person with uid ${uid}`);
  }
}
