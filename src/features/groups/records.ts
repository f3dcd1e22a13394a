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
  /** The person's place in the group, if any. */
  membership(gid: number, uid: number): Promise<Membership | undefined>;
  /** Makes the person a joined member; an invitation becomes membership, an admin or officer stays one. */
  join(gid: number, uid: number, at: Date): Promise<void>;
  /** Accepts the person's invitation: false when they were not invited (nor in the group). */
  acceptInvitation(gid: number, uid: number): Promise<boolean>;
  /**
   * Takes the person out of the group (a member leaving, an invitation declined), unless they are
   * its only joined admin; atomic, so two admins leaving at once cannot leave it with none.
   */
  remove(gid: number, uid: number): Promise<RemoveOutcome>;
}

/** `left`: a member went; `declined`: an invitation went; `last-admin`: the group's only joined admin stays; `absent`: they were not in it. */
export type RemoveOutcome = 'left' | 'declined' | 'last-admin' | 'absent';
