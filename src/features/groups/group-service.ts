/**
 * Groups: read-only through the API; operators make and fill them (hearth group), and people make,
 * join and leave them on the site (group.php, creategroup.php). Who sees what follows the
 * group's privacy — "its people" are those who joined it and those invited to it:
 *
 *   OPEN    anyone sees the group and who is in it; anyone signed in may join;
 *   CLOSED  anyone sees the group, only its people see who is in it; people join by invitation;
 *   SECRET  only its people see the group or who is in it (to others it does not exist).
 */
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import type { Store } from '../feature.js';
import { GROUP_PRIVACIES, type Group, type GroupPrivacy, type GroupVenue, type Membership } from './records.js';

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
  readonly office?: string;
  readonly website?: string;
  readonly venue?: Partial<GroupVenue>;
}

/** A group's own words as typed, in the creation form or on the command line. */
export interface GroupFields {
  readonly name: string;
  /** open, closed or secret, in any case. */
  readonly privacy: string;
  readonly groupType: string;
  readonly groupSubtype: string;
  readonly description: string;
  readonly office: string;
  /** Empty, or an http(s) URL. */
  readonly website: string;
}

export type GroupFieldName = keyof GroupFields;

/** The fields as a group keeps them: trimmed (the description keeps its inner lines), privacy checked. */
export type CheckedGroupFields = Omit<GroupFields, 'privacy'> & { readonly privacy: GroupPrivacy };

/** The longest each text may be, in characters. */
export const GROUP_TEXT_LIMITS: Readonly<Record<Exclude<GroupFieldName, 'privacy'>, number>> = {
  name: 100,
  groupType: 100,
  groupSubtype: 100,
  description: 5000,
  office: 200,
  website: 1000,
};

const FIELD_WORDS: Readonly<Record<Exclude<GroupFieldName, 'privacy'>, string>> = {
  name: 'The name',
  groupType: 'The type',
  groupSubtype: 'The subtype',
  description: 'The description',
  office: 'The office',
  website: 'The website',
};

function limited(field: Exclude<GroupFieldName, 'privacy'>, text: string): string {
  const limit = GROUP_TEXT_LIMITS[field];
  if ([...text].length > limit) throw new InvalidInputError(`${FIELD_WORDS[field]} is at most ${limit} characters.`);
  return text;
}

export function parseGroupName(text: string): string {
  const name = text.trim();
  if (name === '') throw new InvalidInputError('The group needs a name.');
  return limited('name', name);
}

export function parseGroupPrivacy(text: string): GroupPrivacy {
  const privacy = text.trim().toUpperCase();
  if (!(GROUP_PRIVACIES as readonly string[]).includes(privacy)) throw new InvalidInputError(`The privacy is open, closed or secret, not ${JSON.stringify(text)}.`);
  return privacy as GroupPrivacy;
}

/** Empty for none; else an absolute http(s) URL, the only kind the group page links to. */
export function parseGroupWebsite(text: string): string {
  const website = text.trim();
  if (website === '') return '';
  if (!isWebAddress(website)) throw new InvalidInputError('The website is a web address that starts with http:// or https://.');
  return limited('website', website);
}

/** Whether `text` is an absolute http: or https: URL (what may be a link on a page). */
export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Every field checked by the rules of a group, all problems at once (the form shows each by its
 * field); `create` applies the same rules, so the CLI and the site refuse the same groups.
 */
export function checkGroupFields(typed: GroupFields): { readonly fields: CheckedGroupFields } | { readonly problems: Partial<Record<GroupFieldName, string>> } {
  const problems: Partial<Record<GroupFieldName, string>> = {};
  const attempt = <T>(field: GroupFieldName, parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      problems[field] = error.message;
      return undefined;
    }
  };
  const fields = {
    name: attempt('name', () => parseGroupName(typed.name)),
    privacy: attempt('privacy', () => parseGroupPrivacy(typed.privacy)),
    groupType: attempt('groupType', () => limited('groupType', typed.groupType.trim())),
    groupSubtype: attempt('groupSubtype', () => limited('groupSubtype', typed.groupSubtype.trim())),
    description: attempt('description', () => limited('description', typed.description.trim())),
    office: attempt('office', () => limited('office', typed.office.trim())),
    website: attempt('website', () => parseGroupWebsite(typed.website)),
  };
  if (Object.keys(problems).length > 0) return { problems };
  return { fields: fields as CheckedGroupFields };
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

/**
 * `joined`: now a member (an invitation accepted, or an OPEN group); `already-member`: was one;
 * `invitation-only`: a CLOSED group the person was not invited to; `unknown`: no such group, or a
 * SECRET one they are not one of the people of.
 */
export type JoinOutcome = 'joined' | 'already-member' | 'invitation-only' | 'unknown';

/** `left`: out of the group; `declined`: the invitation is gone; `last-admin`: its only admin stays; `not-member`: was not in it. */
export type LeaveOutcome = 'left' | 'declined' | 'last-admin' | 'not-member';

/** `done`: the member is an admin now (or was); `not-admin`: only admins make admins; `not-member`: they have not joined. */
export type MakeAdminOutcome = 'done' | 'not-admin' | 'not-member';

export class GroupService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** Makes the group, its creator a joined admin; refuses (InvalidInputError) what checkGroupFields refuses. */
  create(input: GroupInput, now = new Date()): Promise<Group> {
    const checked = checkGroupFields({
      name: input.name,
      privacy: input.privacy ?? 'OPEN',
      groupType: input.groupType ?? '',
      groupSubtype: input.groupSubtype ?? '',
      description: input.description ?? '',
      office: input.office ?? '',
      website: input.website ?? '',
    });
    if ('problems' in checked) throw new InvalidInputError(Object.values(checked.problems)[0]!);
    const { fields } = checked;
    return this.#store.groups.create({
      name: fields.name,
      nid: 0,
      description: fields.description,
      groupType: fields.groupType,
      groupSubtype: fields.groupSubtype,
      recentNews: '',
      office: fields.office,
      website: fields.website,
      venue: { street: '', city: '', state: '', country: '', ...input.venue },
      privacy: fields.privacy,
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

  membership(gid: number, uid: number): Promise<Membership | undefined> {
    return this.#store.groups.membership(gid, uid);
  }

  /** The person joins, by the group's privacy: an invitation is accepted; an OPEN group takes anyone. */
  async join(gid: number, uid: number, now = new Date()): Promise<JoinOutcome> {
    const [group, membership] = await Promise.all([this.find(gid), this.membership(gid, uid)]);
    if (group === undefined || (group.privacy === 'SECRET' && membership === undefined)) return 'unknown';
    if (membership?.joined) return 'already-member';
    // The invitation may have been declined meanwhile (another tab); then the privacy decides.
    if (membership !== undefined && (await this.#store.groups.acceptInvitation(gid, uid))) return 'joined';
    if (group.privacy !== 'OPEN') return group.privacy === 'SECRET' ? 'unknown' : 'invitation-only';
    await this.#store.groups.join(gid, uid, now);
    return 'joined';
  }

  /** The person leaves the group, or declines its invitation; the last admin may not leave. */
  async leave(gid: number, uid: number): Promise<LeaveOutcome> {
    const outcome = await this.#store.groups.remove(gid, uid);
    return outcome === 'absent' ? 'not-member' : outcome;
  }

  /** An admin (`by`) makes a joined member an admin too; an officer stays one. */
  async makeAdmin(gid: number, by: number, uid: number, now = new Date()): Promise<MakeAdminOutcome> {
    const [admin, member] = await Promise.all([this.membership(gid, by), this.membership(gid, uid)]);
    if (!admin?.joined || !admin.admin) return 'not-admin';
    if (!member?.joined) return 'not-member';
    if (!member.admin) await this.#store.groups.putMember({ ...member, admin: true }, now);
    return 'done';
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
