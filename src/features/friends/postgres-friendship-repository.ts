/**
 * Friendships stored once per pair (uid_low, uid_high), directed friend requests and invitations by
 * e-mail address (friend-invitation-sql.ts). Changes that
 * read before they write take a transaction-scoped advisory lock on the pair, so two instances
 * handling "A asks B" and "B asks A" at once end with a friendship, not two requests.
 */
import { DECLINE_INVITATION, DELETE_INVITATION, FORGET_INVITATIONS_BETWEEN, INVITATIONS_FROM, INVITE, REQUESTS_TO, TAKE_INVITATION, type InvitationRow } from './friend-invitation-sql.js';
import { toNumbered } from '../../db/named-sql.js';
import { orderedPair, toRequest, type RequestRow } from '../rows.js';
import type { FriendInvitation, FriendRequest, FriendRequestOutcome, FriendshipRepository } from '../store.js';
import type { PostgresConnection, Queryable } from '../../db/postgres/postgres-connection.js';

async function lockPair(client: Queryable, a: number, b: number): Promise<void> {
  const [low, high] = orderedPair(a, b);
  await client.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [low % 2_147_483_647, high % 2_147_483_647]);
}

function named(client: Queryable, sql: string, params: Readonly<Record<string, unknown>>) {
  const { text, values } = toNumbered(sql, params);
  return client.query(text, values);
}

/** Takes the request or open invitation `fromUid` sent `toUid`; true if there was one. */
async function takePendingIn(client: Queryable, fromUid: number, toUid: number): Promise<boolean> {
  const request = await client.query('DELETE FROM friend_requests WHERE from_uid = $1 AND to_uid = $2', [fromUid, toUid]);
  const invitation = await named(client, TAKE_INVITATION, { from_uid: fromUid, to_uid: toUid });
  return request.rowCount! + invitation.rowCount! > 0;
}

async function befriendIn(client: Queryable, a: number, b: number, now: number): Promise<boolean> {
  await client.query('DELETE FROM friend_requests WHERE (from_uid = $1 AND to_uid = $2) OR (from_uid = $2 AND to_uid = $1)', [a, b]);
  await named(client, FORGET_INVITATIONS_BETWEEN, { a, b });
  const [low, high] = orderedPair(a, b);
  const inserted = await client.query('INSERT INTO friendships (uid_low, uid_high, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [low, high, now]);
  return inserted.rowCount! > 0;
}

async function friendsIn(client: Queryable, a: number, b: number): Promise<boolean> {
  if (a === b) return false;
  return (await client.query('SELECT 1 FROM friendships WHERE uid_low = $1 AND uid_high = $2', orderedPair(a, b))).rowCount! > 0;
}

export class PostgresFriendshipRepository implements FriendshipRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  request(fromUid: number, toUid: number, now: Date): Promise<FriendRequestOutcome> {
    return this.#db.transaction(async (client) => {
      await lockPair(client, fromUid, toUid);
      if (await friendsIn(client, fromUid, toUid)) return 'already-friends';
      if (await takePendingIn(client, toUid, fromUid)) {
        await befriendIn(client, fromUid, toUid, now.getTime());
        return 'accepted';
      }
      const inserted = await client.query('INSERT INTO friend_requests (from_uid, to_uid, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        fromUid,
        toUid,
        now.getTime(),
      ]);
      return inserted.rowCount! > 0 ? 'requested' : 'already-requested';
    });
  }

  accept(fromUid: number, toUid: number, now: Date): Promise<boolean> {
    return this.#db.transaction(async (client) => {
      await lockPair(client, fromUid, toUid);
      if ((await friendsIn(client, fromUid, toUid)) || !(await takePendingIn(client, fromUid, toUid))) return false;
      await befriendIn(client, fromUid, toUid, now.getTime());
      return true;
    });
  }

  async deleteRequest(fromUid: number, toUid: number): Promise<boolean> {
    return (await this.#db.query('DELETE FROM friend_requests WHERE from_uid = $1 AND to_uid = $2', [fromUid, toUid])).rowCount! > 0;
  }

  decline(fromUid: number, toUid: number): Promise<boolean> {
    return this.#db.transaction(async (client) => {
      const request = await client.query('DELETE FROM friend_requests WHERE from_uid = $1 AND to_uid = $2', [fromUid, toUid]);
      const invitation = await named(client, DECLINE_INVITATION, { from_uid: fromUid, to_uid: toUid });
      return request.rowCount! + invitation.rowCount! > 0;
    });
  }

  befriend(a: number, b: number, now: Date): Promise<boolean> {
    return this.#db.transaction(async (client) => {
      await lockPair(client, a, b);
      return befriendIn(client, a, b, now.getTime());
    });
  }

  async unfriend(a: number, b: number): Promise<boolean> {
    return (await this.#db.query('DELETE FROM friendships WHERE uid_low = $1 AND uid_high = $2', orderedPair(a, b))).rowCount! > 0;
  }

  async areFriends(a: number, b: number): Promise<boolean> {
    return friendsIn(this.#db, a, b);
  }

  async friendsOf(uid: number): Promise<number[]> {
    const { rows } = await this.#db.query<{ uid: number }>(
      'SELECT uid_high AS uid FROM friendships WHERE uid_low = $1 UNION ALL SELECT uid_low FROM friendships WHERE uid_high = $1 ORDER BY 1',
      [uid],
    );
    return rows.map((row) => row.uid);
  }

  async requestsTo(uid: number): Promise<FriendRequest[]> {
    return (await named(this.#db, REQUESTS_TO, { uid })).rows.map((row) => toRequest(row as RequestRow));
  }

  async requestsFrom(uid: number): Promise<FriendRequest[]> {
    return (await this.#db.query<RequestRow>('SELECT * FROM friend_requests WHERE from_uid = $1 ORDER BY created_at, to_uid', [uid])).rows.map(toRequest);
  }

  async invite(fromUid: number, email: string, now: Date): Promise<void> {
    await named(this.#db, INVITE, { from_uid: fromUid, email, now: now.getTime() });
  }

  async invitationsFrom(uid: number): Promise<FriendInvitation[]> {
    const { rows } = await named(this.#db, INVITATIONS_FROM, { uid });
    return rows.map((row) => ({ email: (row as InvitationRow).email, createdAt: new Date(Number((row as InvitationRow).created_at)) }));
  }

  async deleteInvitation(fromUid: number, email: string): Promise<boolean> {
    return (await named(this.#db, DELETE_INVITATION, { from_uid: fromUid, email })).rowCount! > 0;
  }
}
