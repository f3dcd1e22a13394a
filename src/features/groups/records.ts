/** What the groups feature keeps, and the repository that keeps it. */

export const GROUP_PRIVACIES = ['OPEN', 'CLOSED', 'SECRET'] as const;
/** OPEN: anyone sees the group and its members; CLOSED: anyone sees the group, only its people the members; SECRET: only its people see either. */
export type GroupPrivacy = (typeof GROUP_PRIVACIES)[number];

export interface GroupVenue {
  readonly street: string;
  readonly city: string;
  readonly state: string;
  readonly country: string;
}

export interface Group {
  readonly gid: number;
  readonly name: string;
  readonly nid: number;
  readonly description: string;
  readonly groupType: string;
  readonly groupSubtype: string;
  readonly recentNews: string;
  readonly office: string;
  readonly website: string;
  readonly venue: GroupVenue;
  readonly privacy: GroupPrivacy;
  /** Null once the creator's account is gone. */
  readonly creator: number | null;
  readonly updateTime: Date;
}

export type NewGroup = Omit<Group, 'gid'>;

/** A person's place in a group: joined (maybe officer or admin too), or invited without reply. */
export interface Membership {
  readonly gid: number;
  readonly uid: number;
  readonly joined: boolean;
  readonly officer: boolean;
  readonly admin: boolean;
}

export interface GroupRepository {
  /** Makes the group with its creator as a joined admin. */
  create(group: NewGroup): Promise<Group>;
  byIds(gids: readonly number[]): Promise<Group[]>;
  /** Adds the person, or changes their place if already there. */
  putMember(membership: Membership, at: Date): Promise<void>;
  /** Every membership of these groups (joined or invited), by uid. */
  membersOf(gids: readonly number[]): Promise<Membership[]>;
  /** Every membership of these people, by gid. */
  membershipsOf(uids: readonly number[]): Promise<Membership[]>;
}
