/**
 * Friendships, friend requests and invitations in the database, for both dialects. A friendship is
 * stored once per pair (uid_low, uid_high). Changes that read before they write run in one
 * transaction holding the pair's lock (Database.lockPair), so two people asking each other at the
 * same moment, on one instance or two, end up friends rather than with two requests.
 *
 * An invitation is a request to an e-mail address, kept as typed whether or not anyone has it:
 * whoever holds the address — now, or after joining or changing it — sees it as a request, and the
 * sender sees only the address, so asking tells nobody whether an address is registered. A holder
 * who declines marks it declined: it leaves their list, not the sender's.
 *
 * Ending a friendship also takes each person off the other's friend lists, in the same
 * transaction and under the same lock as adding someone to a list (friend-list-repository.ts), so
 * a list never keeps someone who is no longer a friend.
 */
import { sql } from 'kysely';
import type { Database, Tx } from '../../db/database.js';
import { prepareQuery, type Placeholders, type PreparedQuery } from '../../db/prepared-query.js';
import { valueList, type ValueList } from '../../db/value-list.js';
import type { FriendInvitation, FriendRequest, FriendRequestOutcome, FriendshipRepository } from './records.js';

/** The stored order of a pair. */
export function orderedPair(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

/** The e-mail address of the person `uid` (NULL for nobody). */
const emailOf = (uid: number) => sql<string>`(SELECT email FROM people WHERE uid = ${uid})`;

const toRequest = (row: { from_uid: number; to_uid: number; created_at: number | string }): FriendRequest => ({
  fromUid: Number(row.from_uid),
  toUid: Number(row.to_uid),
  createdAt: new Date(Number(row.created_at)),
});


/** Takes the request or open invitation `fromUid` sent `toUid`; true if there was one. */
async function takePending(trx: Tx, fromUid: number, toUid: number): Promise<boolean> {
  const request = await trx.deleteFrom('friend_requests').where('from_uid', '=', fromUid).where('to_uid', '=', toUid).executeTakeFirst();
  const invitation = await trx
    .deleteFrom('friend_invitations')
    .where('from_uid', '=', fromUid)
    .where('declined', '=', 0)
    .where('email', '=', emailOf(toUid))
    .executeTakeFirst();
  return request.numDeletedRows + invitation.numDeletedRows > 0n;
}

/** Makes the pair friends and drops what was pending between them; true if they were not friends before. */
async function befriendIn(trx: Tx, a: number, b: number, now: number): Promise<boolean> {
  await trx
    .deleteFrom('friend_requests')
    .where((eb) => eb.or([eb.and([eb('from_uid', '=', a), eb('to_uid', '=', b)]), eb.and([eb('from_uid', '=', b), eb('to_uid', '=', a)])]))
    .execute();
  // Once two people are friends, the invitations between them have done their work.
  await trx
    .deleteFrom('friend_invitations')
    .where((eb) => eb.or([eb.and([eb('from_uid', '=', a), eb('email', '=', emailOf(b))]), eb.and([eb('from_uid', '=', b), eb('email', '=', emailOf(a))])]))
    .execute();
  const [low, high] = orderedPair(a, b);
  const inserted = await trx
    .insertInto('friendships')
    .values({ uid_low: low, uid_high: high, created_at: now })
    .onConflict((conflict) => conflict.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}

type Friendship = { low: number; high: number };

export class StoredFriendshipRepository implements FriendshipRepository {
  readonly #db: Database;
  readonly #friendship: PreparedQuery<Friendship, { uid_low: number }>;
  readonly #friendsOf;
  readonly #friendsAmong;
  readonly #mutualFriends;
  readonly #requestsTo;
  readonly #requestsFrom;
  readonly #invitationsFrom;
  readonly #pairsOf;
  readonly #uids: ValueList<number>;

  constructor(db: Database) {
    this.#db = db;
    this.#uids = valueList(db, 'bigint');
    this.#friendship = prepareQuery(db, (q, p: Placeholders<Friendship>) =>
      q.selectFrom('friendships').select('uid_low').where('uid_low', '=', p.low).where('uid_high', '=', p.high),
    );
    this.#friendsOf = prepareQuery(db, (q, p: Placeholders<{ uid: number }>) =>
      q
        .selectFrom('friendships')
        .select('uid_high as uid')
        .where('uid_low', '=', p.uid)
        .unionAll((eb) => eb.selectFrom('friendships').select('uid_low as uid').where('uid_high', '=', p.uid))
        .orderBy('uid'),
    );
    this.#friendsAmong = prepareQuery(db, (q, p: Placeholders<{ uid: number; among: unknown }>) =>
      q
        .selectFrom('friendships')
        .select('uid_high as uid')
        .where('uid_low', '=', p.uid)
        .where((eb) => this.#uids.contains(eb.ref('uid_high'), p.among))
        .unionAll((eb) => eb.selectFrom('friendships').select('uid_low as uid').where('uid_high', '=', p.uid).where((inner) => this.#uids.contains(inner.ref('uid_low'), p.among))),
    );
    // a's friends who have a friendship with b, in whichever order that pair is stored.
    this.#mutualFriends = prepareQuery(db, (_q, p: Placeholders<{ a: number; b: number }>) =>
      sql<{ uid: number }>`SELECT friend.uid FROM (
  SELECT uid_high AS uid FROM friendships WHERE uid_low = ${p.a}
  UNION ALL
  SELECT uid_low AS uid FROM friendships WHERE uid_high = ${p.a}
) friend
WHERE EXISTS (SELECT 1 FROM friendships f WHERE (f.uid_low = friend.uid AND f.uid_high = ${p.b}) OR (f.uid_high = friend.uid AND f.uid_low = ${p.b}))
ORDER BY friend.uid`,
    );
    // Requests to the uid, and open invitations to the person's address from people not yet their friends.
    this.#requestsTo = prepareQuery(db, (_q, p: Placeholders<{ uid: number }>) =>
      sql<{ from_uid: number; to_uid: number; created_at: number }>`SELECT from_uid, CAST(${p.uid} AS BIGINT) AS to_uid, MIN(created_at) AS created_at FROM (
  SELECT from_uid, created_at FROM friend_requests WHERE to_uid = ${p.uid}
  UNION ALL
  SELECT invitation.from_uid, invitation.created_at FROM friend_invitations invitation
  WHERE invitation.email = ${emailOf(p.uid)} AND invitation.declined = 0 AND invitation.from_uid <> ${p.uid}
    AND NOT EXISTS (SELECT 1 FROM friendships f WHERE (f.uid_low = invitation.from_uid AND f.uid_high = ${p.uid})
                                                  OR (f.uid_high = invitation.from_uid AND f.uid_low = ${p.uid}))
) waiting GROUP BY from_uid ORDER BY MIN(created_at), from_uid`,
    );
    this.#requestsFrom = prepareQuery(db, (q, p: Placeholders<{ uid: number }>) =>
      q.selectFrom('friend_requests').selectAll().where('from_uid', '=', p.uid).orderBy('created_at').orderBy('to_uid'),
    );
    this.#pairsOf = prepareQuery(db, (q, p: Placeholders<{ uids: unknown }>) =>
      q.selectFrom('friendships').select(['uid_low', 'uid_high']).where((eb) => eb.or([this.#uids.contains(eb.ref('uid_low'), p.uids), this.#uids.contains(eb.ref('uid_high'), p.uids)])),
    );
    this.#invitationsFrom = prepareQuery(db, (q, p: Placeholders<{ uid: number }>) =>
      q.selectFrom('friend_invitations').select(['email', 'created_at']).where('from_uid', '=', p.uid).orderBy('created_at').orderBy('email'),
    );
  }

  async #friendsIn(a: number, b: number, trx?: Tx): Promise<boolean> {
    if (a === b) return false;
    const [low, high] = orderedPair(a, b);
    return (await this.#friendship.first({ low, high }, trx)) !== undefined;
  }

  /** Runs `work` in a transaction holding the pair's lock. */
  #withPair<T>(a: number, b: number, work: (trx: Tx) => Promise<T>): Promise<T> {
    return this.#db.transaction(async (trx) => {
      await this.#db.lockPair(trx, a, b);
      return work(trx);
    });
  }

  request(fromUid: number, toUid: number, now: Date): Promise<FriendRequestOutcome> {
    return this.#withPair(fromUid, toUid, async (trx) => {
      if (await this.#friendsIn(fromUid, toUid, trx)) return 'already-friends';
      if (await takePending(trx, toUid, fromUid)) {
        await befriendIn(trx, fromUid, toUid, now.getTime());
        return 'accepted';
      }
      const inserted = await trx
        .insertInto('friend_requests')
        .values({ from_uid: fromUid, to_uid: toUid, created_at: now.getTime() })
        .onConflict((conflict) => conflict.doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0 ? 'requested' : 'already-requested';
    });
  }

  accept(fromUid: number, toUid: number, now: Date): Promise<boolean> {
    return this.#withPair(fromUid, toUid, async (trx) => {
      if ((await this.#friendsIn(fromUid, toUid, trx)) || !(await takePending(trx, fromUid, toUid))) return false;
      await befriendIn(trx, fromUid, toUid, now.getTime());
      return true;
    });
  }

  async deleteRequest(fromUid: number, toUid: number): Promise<boolean> {
    const result = await this.#db.query.deleteFrom('friend_requests').where('from_uid', '=', fromUid).where('to_uid', '=', toUid).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  decline(fromUid: number, toUid: number): Promise<boolean> {
    return this.#db.transaction(async (trx) => {
      const request = await trx.deleteFrom('friend_requests').where('from_uid', '=', fromUid).where('to_uid', '=', toUid).executeTakeFirst();
      const invitation = await trx
        .updateTable('friend_invitations')
        .set({ declined: 1 })
        .where('from_uid', '=', fromUid)
        .where('email', '=', emailOf(toUid))
        .executeTakeFirst();
      return request.numDeletedRows + invitation.numUpdatedRows > 0n;
    });
  }

  befriend(a: number, b: number, now: Date): Promise<boolean> {
    return this.#withPair(a, b, (trx) => befriendIn(trx, a, b, now.getTime()));
  }

  async invite(fromUid: number, email: string, now: Date): Promise<void> {
    await this.#db.query
      .insertInto('friend_invitations')
      .values({ from_uid: fromUid, email, created_at: now.getTime(), declined: 0 })
      .onConflict((conflict) => conflict.columns(['from_uid', 'email']).doNothing())
      .execute();
  }

  async invitationsFrom(uid: number): Promise<FriendInvitation[]> {
    const rows = await this.#invitationsFrom.all({ uid });
    return rows.map((row) => ({ email: row.email, createdAt: new Date(row.created_at) }));
  }

  async deleteInvitation(fromUid: number, email: string): Promise<boolean> {
    const result = await this.#db.query.deleteFrom('friend_invitations').where('from_uid', '=', fromUid).where('email', '=', email).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  unfriend(a: number, b: number): Promise<boolean> {
    return this.#withPair(a, b, async (trx) => {
      const [low, high] = orderedPair(a, b);
      const result = await trx.deleteFrom('friendships').where('uid_low', '=', low).where('uid_high', '=', high).executeTakeFirst();
      const listedBy = (owner: number) => trx.selectFrom('friend_lists').select('flid').where('owner_uid', '=', owner);
      await trx
        .deleteFrom('friend_list_members')
        .where((eb) => eb.or([eb.and([eb('uid', '=', b), eb('flid', 'in', listedBy(a))]), eb.and([eb('uid', '=', a), eb('flid', 'in', listedBy(b))])]))
        .execute();
      return result.numDeletedRows > 0n;
    });
  }

  areFriends(a: number, b: number): Promise<boolean> {
    return this.#friendsIn(a, b);
  }

  async friendshipsOf(uids: readonly number[]): Promise<Array<readonly [number, number]>> {
    if (uids.length === 0) return [];
    return (await this.#pairsOf.all({ uids: this.#uids.bind(uids) })).map((row) => [row.uid_low, row.uid_high] as const);
  }

  async friendsAmong(uid: number, among: readonly number[]): Promise<number[]> {
    if (among.length === 0) return [];
    return (await this.#friendsAmong.all({ uid, among: this.#uids.bind(among) })).map((row) => row.uid);
  }

  async friendsOf(uid: number): Promise<number[]> {
    return (await this.#friendsOf.all({ uid })).map((row) => row.uid);
  }

  async mutualFriends(a: number, b: number): Promise<number[]> {
    return (await this.#mutualFriends.all({ a, b })).map((row) => row.uid);
  }

  async requestsTo(uid: number): Promise<FriendRequest[]> {
    return (await this.#requestsTo.all({ uid })).map(toRequest);
  }

  async requestsFrom(uid: number): Promise<FriendRequest[]> {
    return (await this.#requestsFrom.all({ uid })).map(toRequest);
  }
}
