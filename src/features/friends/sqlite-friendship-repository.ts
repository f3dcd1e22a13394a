/**
 * Friendships stored once per pair as (uid_low, uid_high), directed friend requests (migration
 * 004) and invitations by e-mail address (migration 008, friend-invitation-sql.ts). Every change
 * that reads before it writes runs in one IMMEDIATE transaction, so two people asking each other at
 * the same moment end up friends rather than with two requests.
 */
import { DECLINE_INVITATION, DELETE_INVITATION, FORGET_INVITATIONS_BETWEEN, INVITATIONS_FROM, INVITE, REQUESTS_TO, TAKE_INVITATION, type InvitationRow } from './friend-invitation-sql.js';
import { orderedPair, toRequest, type RequestRow } from '../rows.js';
import type { FriendInvitation, FriendRequest, FriendRequestOutcome, FriendshipRepository } from '../store.js';
import { guarded, type SqliteDatabase } from '../../db/sqlite/sqlite-connection.js';

export class SqliteFriendshipRepository implements FriendshipRepository {
  readonly #request;
  readonly #accept;
  readonly #deleteRequest;
  readonly #decline;
  readonly #befriend;
  readonly #unfriend;
  readonly #exists;
  readonly #friendsOf;
  readonly #requestsTo;
  readonly #requestsFrom;
  readonly #invite;
  readonly #invitationsFrom;
  readonly #deleteInvitation;

  constructor(db: SqliteDatabase) {
    const insertFriendship = db.prepare<[number, number, number]>('INSERT OR IGNORE INTO friendships (uid_low, uid_high, created_at) VALUES (?, ?, ?)');
    const insertRequest = db.prepare<[number, number, number]>('INSERT OR IGNORE INTO friend_requests (from_uid, to_uid, created_at) VALUES (?, ?, ?)');
    const deleteRequest = db.prepare<[number, number]>('DELETE FROM friend_requests WHERE from_uid = ? AND to_uid = ?');
    const takeInvitation = db.prepare<{ from_uid: number; to_uid: number }>(TAKE_INVITATION);
    const forgetInvitations = db.prepare<{ a: number; b: number }>(FORGET_INVITATIONS_BETWEEN);
    const exists = db.prepare<[number, number], number>('SELECT 1 FROM friendships WHERE uid_low = ? AND uid_high = ?').pluck();
    const areFriends = (a: number, b: number) => a !== b && exists.get(...orderedPair(a, b)) !== undefined;
    /** Takes the request or open invitation `fromUid` sent `toUid`; true if there was one. */
    const takePending = (fromUid: number, toUid: number) =>
      deleteRequest.run(fromUid, toUid).changes + takeInvitation.run({ from_uid: fromUid, to_uid: toUid }).changes > 0;
    const befriend = (a: number, b: number, now: number) => {
      deleteRequest.run(a, b);
      deleteRequest.run(b, a);
      forgetInvitations.run({ a, b });
      return insertFriendship.run(...orderedPair(a, b), now).changes > 0;
    };

    this.#exists = areFriends;
    this.#deleteRequest = deleteRequest;
    this.#request = db.transaction((fromUid: number, toUid: number, now: number): FriendRequestOutcome => {
      if (areFriends(fromUid, toUid)) return 'already-friends';
      if (takePending(toUid, fromUid)) {
        befriend(fromUid, toUid, now);
        return 'accepted';
      }
      return insertRequest.run(fromUid, toUid, now).changes > 0 ? 'requested' : 'already-requested';
    });
    this.#accept = db.transaction((fromUid: number, toUid: number, now: number): boolean => {
      if (areFriends(fromUid, toUid) || !takePending(fromUid, toUid)) return false;
      befriend(fromUid, toUid, now);
      return true;
    });
    const declineInvitation = db.prepare<{ from_uid: number; to_uid: number }>(DECLINE_INVITATION);
    this.#decline = db.transaction(
      (fromUid: number, toUid: number): boolean => deleteRequest.run(fromUid, toUid).changes + declineInvitation.run({ from_uid: fromUid, to_uid: toUid }).changes > 0,
    );
    this.#befriend = db.transaction(befriend);
    this.#unfriend = db.prepare<[number, number]>('DELETE FROM friendships WHERE uid_low = ? AND uid_high = ?');
    this.#friendsOf = db
      .prepare<[number, number], number>('SELECT uid_high FROM friendships WHERE uid_low = ? UNION ALL SELECT uid_low FROM friendships WHERE uid_high = ? ORDER BY 1')
      .pluck();
    this.#requestsTo = db.prepare<{ uid: number }, RequestRow>(REQUESTS_TO);
    this.#requestsFrom = db.prepare<[number], RequestRow>('SELECT * FROM friend_requests WHERE from_uid = ? ORDER BY created_at, to_uid');
    this.#invite = db.prepare<{ from_uid: number; email: string; now: number }>(INVITE);
    this.#invitationsFrom = db.prepare<{ uid: number }, InvitationRow>(INVITATIONS_FROM);
    this.#deleteInvitation = db.prepare<{ from_uid: number; email: string }>(DELETE_INVITATION);
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

  decline(fromUid: number, toUid: number): Promise<boolean> {
    return guarded(() => this.#decline.immediate(fromUid, toUid));
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
    return guarded(() => this.#requestsTo.all({ uid }).map(toRequest));
  }

  requestsFrom(uid: number): Promise<FriendRequest[]> {
    return guarded(() => this.#requestsFrom.all(uid).map(toRequest));
  }

  invite(fromUid: number, email: string, now: Date): Promise<void> {
    return guarded(() => void this.#invite.run({ from_uid: fromUid, email, now: now.getTime() }));
  }

  invitationsFrom(uid: number): Promise<FriendInvitation[]> {
    return guarded(() => this.#invitationsFrom.all({ uid }).map((row) => ({ email: row.email, createdAt: new Date(Number(row.created_at)) })));
  }

  deleteInvitation(fromUid: number, email: string): Promise<boolean> {
    return guarded(() => this.#deleteInvitation.run({ from_uid: fromUid, email }).changes > 0);
  }
}
