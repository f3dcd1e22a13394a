/** Groups and memberships in the database, for both dialects. */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Group, GroupPrivacy, GroupRepository, Membership, NewGroup, RemoveOutcome } from './records.js';
import type { GroupMembersTable, GroupsTable } from './tables.js';

function toGroup(row: Selectable<GroupsTable>): Group {
  return {
    gid: Number(row.gid),
    name: row.name,
    nid: Number(row.nid),
    description: row.description,
    groupType: row.group_type,
    groupSubtype: row.group_subtype,
    recentNews: row.recent_news,
    office: row.office,
    website: row.website,
    venue: { street: row.venue_street, city: row.venue_city, state: row.venue_state, country: row.venue_country },
    privacy: row.privacy as GroupPrivacy,
    creator: row.creator_uid === null ? null : Number(row.creator_uid),
    updateTime: new Date(Number(row.update_time)),
  };
}

function toMembership(row: Selectable<GroupMembersTable>): Membership {
  return { gid: Number(row.gid), uid: Number(row.uid), joined: Number(row.joined) === 1, officer: Number(row.officer) === 1, admin: Number(row.admin) === 1 };
}

export class StoredGroupRepository implements GroupRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async create(group: NewGroup): Promise<Group> {
    const at = group.updateTime.getTime();
    const gid = await this.#db.transaction(async (trx) => {
      const row = await trx
        .insertInto('groups')
        .values({
          name: group.name,
          nid: group.nid,
          description: group.description,
          group_type: group.groupType,
          group_subtype: group.groupSubtype,
          recent_news: group.recentNews,
          office: group.office,
          website: group.website,
          venue_street: group.venue.street,
          venue_city: group.venue.city,
          venue_state: group.venue.state,
          venue_country: group.venue.country,
          privacy: group.privacy,
          creator_uid: group.creator,
          update_time: at,
        })
        .returning('gid')
        .executeTakeFirstOrThrow();
      const created = Number(row.gid);
      if (group.creator !== null) {
        await trx.insertInto('group_members').values({ gid: created, uid: group.creator, joined: 1, officer: 0, admin: 1, added_at: at }).execute();
      }
      return created;
    });
    return { ...group, gid };
  }

  async byIds(gids: readonly number[]): Promise<Group[]> {
    if (gids.length === 0) return [];
    const rows = await this.#db.query.selectFrom('groups').selectAll().where('gid', 'in', [...gids]).orderBy('gid').execute();
    return rows.map(toGroup);
  }

  async putMember(membership: Membership, at: Date): Promise<void> {
    const values = { joined: membership.joined ? 1 : 0, officer: membership.officer ? 1 : 0, admin: membership.admin ? 1 : 0 };
    await this.#db.query
      .insertInto('group_members')
      .values({ gid: membership.gid, uid: membership.uid, ...values, added_at: at.getTime() })
      .onConflict((conflict) => conflict.columns(['gid', 'uid']).doUpdateSet(values))
      .execute();
  }

  async membersOf(gids: readonly number[]): Promise<Membership[]> {
    if (gids.length === 0) return [];
    const rows = await this.#db.query.selectFrom('group_members').selectAll().where('gid', 'in', [...gids]).orderBy('gid').orderBy('uid').execute();
    return rows.map(toMembership);
  }

  async membershipsOf(uids: readonly number[]): Promise<Membership[]> {
    if (uids.length === 0) return [];
    const rows = await this.#db.query.selectFrom('group_members').selectAll().where('uid', 'in', [...uids]).orderBy('uid').orderBy('gid').execute();
    return rows.map(toMembership);
  }

  async membership(gid: number, uid: number): Promise<Membership | undefined> {
    const row = await this.#db.query.selectFrom('group_members').selectAll().where('gid', '=', gid).where('uid', '=', uid).executeTakeFirst();
    return row && toMembership(row);
  }

  async join(gid: number, uid: number, at: Date): Promise<void> {
    await this.#db.query
      .insertInto('group_members')
      .values({ gid, uid, joined: 1, officer: 0, admin: 0, added_at: at.getTime() })
      .onConflict((conflict) => conflict.columns(['gid', 'uid']).doUpdateSet({ joined: 1 }))
      .execute();
  }

  async acceptInvitation(gid: number, uid: number): Promise<boolean> {
    const result = await this.#db.query.updateTable('group_members').set({ joined: 1 }).where('gid', '=', gid).where('uid', '=', uid).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  remove(gid: number, uid: number): Promise<RemoveOutcome> {
    return this.#db.transaction(async (trx) => {
      // One group's removals wait for each other (PostgreSQL; SQLite's write lock already does).
      await this.#db.lockPair(trx, gid, gid);
      const row = await trx.selectFrom('group_members').selectAll().where('gid', '=', gid).where('uid', '=', uid).executeTakeFirst();
      if (!row) return 'absent';
      const member = toMembership(row);
      if (member.joined && member.admin) {
        const other = await trx
          .selectFrom('group_members')
          .select('uid')
          .where('gid', '=', gid)
          .where('uid', '<>', uid)
          .where('joined', '=', 1)
          .where('admin', '=', 1)
          .limit(1)
          .executeTakeFirst();
        if (!other) return 'last-admin';
      }
      await trx.deleteFrom('group_members').where('gid', '=', gid).where('uid', '=', uid).execute();
      return member.joined ? 'left' : 'declined';
    });
  }
}
