/**
 * Friend lists in the database, for both dialects. Every change is scoped to the owner in its SQL
 * (`WHERE owner_uid = …`), so a flid of someone else's list changes nothing. Adding a member reads
 * the friendship and writes the membership in one transaction holding the pair's lock, the lock
 * unfriending takes (friendship-repository.ts): the two cannot interleave, on one instance or two,
 * and leave a list with someone who is no longer a friend.
 *
 * The batched reads (`listsOwnedBy`, `listsById`, `membersOf`) are one prepared statement whatever
 * the number of ids (bound as one list parameter), for callers that gather the ids of many rows first.
 */
import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders, type PreparedQuery } from '../../db/prepared-query.js';
import { valueList } from '../../db/value-list.js';
import { orderedPair } from './friendship-repository.js';
import type { AddMemberOutcome, FriendList, FriendListRepository } from './records.js';
import type { FriendListsTable } from './tables.js';

function toFriendList(row: Selectable<FriendListsTable>): FriendList {
  return { flid: row.flid, owner: row.owner_uid, name: row.name, createdAt: new Date(row.created_at) };
}

type Ids = Placeholders<{ ids: unknown }>;

export class StoredFriendListRepository implements FriendListRepository {
  readonly #db: Database;
  readonly #ids;
  readonly #listsOwnedBy: PreparedQuery<{ ids: unknown }, Selectable<FriendListsTable>>;
  readonly #listsById: PreparedQuery<{ ids: unknown }, Selectable<FriendListsTable>>;
  readonly #membersOf: PreparedQuery<{ ids: unknown }, { flid: number; uid: number }>;

  constructor(db: Database) {
    this.#db = db;
    const ids = (this.#ids = valueList<number>(db, 'bigint'));
    this.#listsOwnedBy = prepareQuery(db, (q, p: Ids) => q.selectFrom('friend_lists').selectAll().where(ids.contains(sql.ref('owner_uid'), p.ids)).orderBy('flid'));
    this.#listsById = prepareQuery(db, (q, p: Ids) => q.selectFrom('friend_lists').selectAll().where(ids.contains(sql.ref('flid'), p.ids)).orderBy('flid'));
    this.#membersOf = prepareQuery(db, (q, p: Ids) =>
      q.selectFrom('friend_list_members').select(['flid', 'uid']).where(ids.contains(sql.ref('flid'), p.ids)).orderBy('flid').orderBy('uid'),
    );
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
    return (await this.#listsOwnedBy.all({ ids: this.#ids.bind(owners) })).map(toFriendList);
  }

  async listsById(flids: readonly number[]): Promise<FriendList[]> {
    if (flids.length === 0) return [];
    return (await this.#listsById.all({ ids: this.#ids.bind(flids) })).map(toFriendList);
  }

  async membersOf(flids: readonly number[]): Promise<Array<{ flid: number; uid: number }>> {
    if (flids.length === 0) return [];
    return this.#membersOf.all({ ids: this.#ids.bind(flids) });
  }
}
