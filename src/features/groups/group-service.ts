/**
 * Groups: read-only through the API, made and filled by operators. Who sees what follows the
 * group's privacy — "its people" are those who joined it and those invited to it:
 *
 *   OPEN    anyone sees the group and who is in it;
 *   CLOSED  anyone sees the group, only its people see who is in it;
 *   SECRET  only its people see the group or who is in it (to others it does not exist).
 */
import type { Store } from '../feature.js';
import type { Group, GroupPrivacy, GroupVenue, Membership } from './records.js';

export type { Group, GroupPrivacy, Membership } from './records.js';

/** The most members groups.getMembers lists; a bigger group gives a random subset. */
export const MAX_LISTED_MEMBERS = 500;

export interface GroupInput {
  readonly name: string;
  readonly creator: number;
  readonly privacy?: GroupPrivacy;
  readonly description?: string;
  readonly groupType?: string;
  readonly groupSubtype?: string;
  readonly website?: string;
  readonly venue?: Partial<GroupVenue>;
}

export interface Position {
  readonly officer?: boolean;
  readonly admin?: boolean;
  /** Invited, not yet joined (not_replied). */
  readonly invited?: boolean;
}

/** What one viewer may see of a set of groups. */
export interface GroupSight {
  /** The groups the viewer is one of the people of. */
  readonly own: ReadonlySet<number>;
  seesGroup(group: Group): boolean;
  seesMembers(group: Group): boolean;
}

export class GroupService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  create(input: GroupInput, now = new Date()): Promise<Group> {
    return this.#store.groups.create({
      name: input.name,
      nid: 0,
      description: input.description ?? '',
      groupType: input.groupType ?? '',
      groupSubtype: input.groupSubtype ?? '',
      recentNews: '',
      office: '',
      website: input.website ?? '',
      venue: { street: '', city: '', state: '', country: '', ...input.venue },
      privacy: input.privacy ?? 'OPEN',
      creator: input.creator,
      updateTime: now,
    });
  }

  /** Puts the person in the group at this position (a joined member unless invited). */
  addMember(gid: number, uid: number, position: Position = {}, now = new Date()): Promise<void> {
    return this.#store.groups.putMember({ gid, uid, joined: position.invited !== true, officer: position.officer === true, admin: position.admin === true }, now);
  }

  byIds(gids: readonly number[]): Promise<Group[]> {
    return this.#store.groups.byIds(gids);
  }

  async find(gid: number): Promise<Group | undefined> {
    return (await this.byIds([gid]))[0];
  }

  membersOf(gids: readonly number[]): Promise<Membership[]> {
    return this.#store.groups.membersOf(gids);
  }

  membershipsOf(uids: readonly number[]): Promise<Membership[]> {
    return this.#store.groups.membershipsOf(uids);
  }

  /** The privacy rule for `viewer` (undefined: a call without a session, one of nobody's groups). */
  async sightOf(viewer: number | undefined): Promise<GroupSight> {
    const own = new Set(viewer === undefined ? [] : (await this.membershipsOf([viewer])).map((membership) => membership.gid));
    return {
      own,
      seesGroup: (group) => group.privacy !== 'SECRET' || own.has(group.gid),
      seesMembers: (group) => group.privacy === 'OPEN' || own.has(group.gid),
    };
  }
}
