/**
 * The FQL tables `group` and `group_member`, read by the rule of groups.get and groups.getMembers
 * (group-service.ts): a SECRET group only by its people; who is in a group where the viewer may see
 * that. Rows of group_member are people who joined; `positions` holds their extra roles.
 */
import { column, defineFqlTable } from '../../fql/table.js';
import { array, int, string, struct, time } from '../../fql/types.js';
import type { GroupSight } from './group-service.js';
import { groupTime } from './group-values.js';
import type { Group, Membership } from './records.js';

const venue = struct({ street: string, city: string, state: string, country: string });

export const groupTable = defineFqlTable<Group, GroupSight>({
  name: 'group',
  summary: 'Groups, by gid.',
  privacyDoc: 'OPEN and CLOSED groups for anyone (without a session too); a SECRET group only for the people who joined it or were invited to it.',
  session: 'optional',
  key: ['gid'],
  columns: {
    gid: column(int, 'the group id', (group) => group.gid, { index: true }),
    name: column(string, 'its name', (group) => group.name),
    nid: column(int, 'its network; 0 (Hearth has no networks)', (group) => group.nid),
    pic_small: column(string, 'empty: Hearth keeps no group pictures', () => ''),
    pic_big: column(string, 'empty: Hearth keeps no group pictures', () => ''),
    pic: column(string, 'empty: Hearth keeps no group pictures', () => ''),
    description: column(string, 'what it is about', (group) => group.description),
    group_type: column(string, 'its type, free text (e.g. Just for Fun)', (group) => group.groupType),
    group_subtype: column(string, 'its subtype, free text (e.g. Fan Clubs)', (group) => group.groupSubtype),
    recent_news: column(string, 'its news', (group) => group.recentNews),
    creator: column(int, 'who made it; 0 once their account is gone', (group) => group.creator ?? 0),
    update_time: column(time, 'when it was last changed', (group) => groupTime(group)),
    office: column(string, 'its office', (group) => group.office),
    website: column(string, 'its website', (group) => group.website),
    venue: column(venue, 'where it meets', (group) => ({ ...group.venue })),
    privacy: column(string, 'OPEN, CLOSED or SECRET', (group) => group.privacy),
  },
  fetch: (_name, values, context) => context.services.groups.byIds(values.map(Number)),
  facts: (_groups, context) => context.services.groups.sightOf(context.viewer),
  visible: (group, sight) => sight.seesGroup(group),
});

export interface MemberFacts {
  readonly groups: ReadonlyMap<number, Group>;
  readonly sight: GroupSight;
}

/** The roles beside membership: OWNER for the group's creator, ADMIN, OFFICER. */
function positionsOf(membership: Membership, group: Group | undefined): string[] {
  return [...(group?.creator === membership.uid ? ['OWNER'] : []), ...(membership.admin ? ['ADMIN'] : []), ...(membership.officer ? ['OFFICER'] : [])];
}

export const groupMemberTable = defineFqlTable<Membership, MemberFacts>({
  name: 'group_member',
  summary: 'Who joined which group, with their roles.',
  privacyDoc: 'Members of OPEN groups for anyone; of CLOSED and SECRET groups only for the group’s people (who joined or were invited). People invited and not joined are no rows.',
  session: 'optional',
  key: ['uid', 'gid'],
  columns: {
    uid: column(int, 'the member', (membership) => membership.uid, { index: true }),
    gid: column(int, 'the group', (membership) => membership.gid, { index: true }),
    positions: column(array(string, 'member_type'), 'roles beside membership: OWNER, ADMIN, OFFICER; empty if none', (membership, facts) => positionsOf(membership, facts.groups.get(membership.gid))),
  },
  fetch: async (name, values, context) => {
    const ids = values.map(Number);
    const memberships = name === 'uid' ? await context.services.groups.membershipsOf(ids) : await context.services.groups.membersOf(ids);
    return memberships.filter((membership) => membership.joined);
  },
  facts: async (memberships, context) => {
    const [groups, sight] = await Promise.all([context.services.groups.byIds([...new Set(memberships.map((membership) => membership.gid))]), context.services.groups.sightOf(context.viewer)]);
    return { groups: new Map(groups.map((group) => [group.gid, group])), sight };
  },
  visible: (membership, facts) => {
    const group = facts.groups.get(membership.gid);
    return group !== undefined && facts.sight.seesMembers(group);
  },
});
