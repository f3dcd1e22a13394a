/**
 * Friendships stored once per pair as (uid_low, uid_high), and directed friend requests
 * (migration 004). Every change that reads before it writes runs in one IMMEDIATE transaction, so
 * two people asking each other at the same moment end up friends rather than with two requests.
 */
import type { FriendRequest, FriendRequestOutcome, FriendshipRepository } from '../store.js';
import { orderedPair, toRequest, type RequestRow } from '../rows.js';
import { guarded, type SqliteDatabase } from './sqlite-connection.js';

export class SqliteFriendshipRepository implements FriendshipRepository {
  readonly #request;
  readonly #accept;
  readonly #deleteRequest;
  readonly #befriend;
  readonly #unfriend;
  readonly #exists;
  readonly #friendsOf;
  readonly #requestsTo;
  readonly #requestsFrom;

  constructor(db: SqliteDatabase) {
    const insertFriendship = db.prepare<[number, number, number]>('INSERT OR IGNORE INTO friendships (uid_low, uid_high, created_at) VALUES (?, ?, ?)');
    const insertRequest = db.prepare<[number, number, number]>('INSERT OR IGNORE INTO friend_requests (from_uid, to_uid, created_at) VALUES (?, ?, ?)');
    const deleteRequest = db.prepare<[number, number]>('DELETE FROM friend_requests WHERE from_uid = ? AND to_uid = ?');
    const exists = db.prepare<[number, number], number>('SELECT 1 FROM friendships WHERE uid_low = ? AND uid_high = ?').pluck();
    const areFriends = (a: number, b: number) => a !== b && exists.get(...orderedPair(a, b)) !== undefined;
    const befriend = (a: number, b: number, now: number) => {
      deleteRequest.run(a, b);
      deleteRequest.run(b, a);
      return insertFriendship.run(...orderedPair(a, b), now).changes > 0;
    };

    this.#exists = areFriends;
    this.#deleteRequest = deleteRequest;
    this.#request = db.transaction((fromUid: number, toUid: number, now: number): FriendRequestOutcome => {
      if (areFriends(fromUid, toUid)) return 'already-friends';
      if (deleteRequest.run(toUid, fromUid).changes > 0) {
        befriend(fromUid, toUid, now);
        return 'accepted';
      }
      return insertRequest.run(fromUid, toUid, now).changes > 0 ? 'requested' : 'already-requested';
    });
    this.#accept = db.transaction((fromUid: number, toUid: number, now: number): boolean => {
      if (deleteRequest.run(fromUid, toUid).changes === 0) return false;
      befriend(fromUid, toUid, now);
      return true;
    });
    this.#befriend = db.transaction(befriend);
    this.#unfriend = db.prepare<[number, number]>('DELETE FROM friendships WHERE uid_low = ? AND uid_high = ?');
    this.#friendsOf = db
      .prepare<[number, number], number>('SELECT uid_high FROM friendships WHERE uid_low = ? UNION ALL SELECT uid_low FROM friendships WHERE uid_high = ? ORDER BY 1')
      .pluck();
    this.#requestsTo = db.prepare<[number], RequestRow>('SELECT * FROM friend_requests WHERE to_uid = ? ORDER BY created_at, from_uid');
    this.#requestsFrom = db.prepare<[number], RequestRow>('SELECT * FROM friend_requests WHERE from_uid = ? ORDER BY created_at, to_uid');
  }

  request(fromUid: number, toUid: number, now: Date): Promise<FriendRequestOutcome> {
    return guarded(() => this.#request.immediate(fromUid, toUid, now.getTime()));
  }

  accept(fromUid: number, toUid: number, now: Date): Promise<boolean> {
    return guarded(() => this.#accept.immediate(fromUid, toUid, now.getTime()));
  }

  deleteRequest(fromUid: number, toUid: number): Promise<boolean> {
    return guarded(() => this.#deleteRequest.run(fromUid, toUid).changes > 0);
  }

  befriend(a: number, b: number, now: Date): Promise<boolean> {
    return guarded(() => this.#befriend.immediate(a, b, now.getTime()));
  }

  unfriend(a: number, b: number): Promise<boolean> {
    return guarded(() => this.#unfriend.run(...orderedPair(a, b)).changes > 0);
  }

  areFriends(a: number, b: number): Promise<boolean> {
    return guarded(() => this.#exists(a, b));
  }

  friendsOf(uid: number): Promise<number[]> {
    return guarded(() => this.#friendsOf.all(uid, uid));
  }

  requestsTo(uid: number): Promise<FriendRequest[]> {
    return guarded(() => this.#requestsTo.all(uid).map(toRequest));
  }

  requestsFrom(uid: number): Promise<FriendRequest[]> {
    return guarded(() => this.#requestsFrom.all(uid).map(toRequest));
  }
}
