/**
 * Friend lists in the database, for both dialects. Every change is scoped to the owner in its SQL
 * (`WHERE owner_uid = …`), so a flid of someone else's list changes nothing. Adding a member reads
 * the friendship and writes the membership in one transaction holding the pair's lock, the lock
 * unfriending takes (friendship-repository.ts): the two cannot interleave, on one instance or two,
 * and leave a list with someone who is no longer a friend.
 *
 * The batched reads (`listsOwnedBy`, `listsById`, `membersOf`) are one statement per call whatever
 * the number of ids, for callers that gather the ids of many rows first.
 */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { orderedPair } from './friendship-repository.js';
import type { AddMemberOutcome, FriendList, FriendListRepository } from './records.js';
import type { FriendListsTable } from './tables.js';

function toFriendList(row: Selectable<FriendListsTable>): FriendList {
  return { flid: row.flid, owner: row.owner_uid, name: row.name, createdAt: new Date(row.created_at) };
}

/** Ids as a set: duplicates would only lengthen the statement. */
const distinct = (ids: readonly number[]) => [...new Set(ids)];

export class StoredFriendListRepository implements FriendListRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async create(owner: number, name: string, now: Date): Promise<FriendList> {
    const row = await this.#db.query
      .insertInto('friend_lists')
      .values({ owner_uid: owner, name, created_at: now.getTime() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toFriendList(row);
  }

  async rename(owner: number, flid: number, name: string): Promise<FriendList | undefined> {
    const row = await this.#db.query
      .updateTable('friend_lists')
      .set({ name })
      .where('flid', '=', flid)
      .where('owner_uid', '=', owner)
      .returningAll()
      .executeTakeFirst();
    return row && toFriendList(row);
  }

  async delete(owner: number, flid: number): Promise<boolean> {
    // Members go by the foreign key's cascade.
    const result = await this.#db.query.deleteFrom('friend_lists').where('flid', '=', flid).where('owner_uid', '=', owner).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  addMember(owner: number, flid: number, uid: number): Promise<AddMemberOutcome> {
    return this.#db.transaction(async (trx) => {
      await this.#db.lockPair(trx, owner, uid);
      const list = await trx.selectFrom('friend_lists').select('flid').where('flid', '=', flid).where('owner_uid', '=', owner).executeTakeFirst();
      if (!list) return 'no-such-list';
      if (owner === uid) return 'not-a-friend';
      const [low, high] = orderedPair(owner, uid);
      const friendship = await trx.selectFrom('friendships').select('uid_low').where('uid_low', '=', low).where('uid_high', '=', high).executeTakeFirst();
      if (!friendship) return 'not-a-friend';
      const inserted = await trx
        .insertInto('friend_list_members')
        .values({ flid, uid })
        .onConflict((conflict) => conflict.doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0 ? 'added' : 'already-member';
    });
  }

  async removeMember(owner: number, flid: number, uid: number): Promise<boolean> {
    const result = await this.#db.query
      .deleteFrom('friend_list_members')
      .where('uid', '=', uid)
      .where('flid', 'in', (eb) => eb.selectFrom('friend_lists').select('flid').where('flid', '=', flid).where('owner_uid', '=', owner))
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async listsOwnedBy(owners: readonly number[]): Promise<FriendList[]> {
    if (owners.length === 0) return [];
    const rows = await this.#db.query.selectFrom('friend_lists').selectAll().where('owner_uid', 'in', distinct(owners)).orderBy('flid').execute();
    return rows.map(toFriendList);
  }

  async listsById(flids: readonly number[]): Promise<FriendList[]> {
    if (flids.length === 0) return [];
    const rows = await this.#db.query.selectFrom('friend_lists').selectAll().where('flid', 'in', distinct(flids)).orderBy('flid').execute();
    return rows.map(toFriendList);
  }

  async membersOf(flids: readonly number[]): Promise<Array<{ flid: number; uid: number }>> {
    if (flids.length === 0) return [];
    return this.#db.query.selectFrom('friend_list_members').select(['flid', 'uid']).where('flid', 'in', distinct(flids)).orderBy('flid').orderBy('uid').execute();
  }
}
