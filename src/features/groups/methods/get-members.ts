/**
 * groups.getMembers: who is in a group, as four lists — members (everyone who joined, officers and
 * admins too), admins, officers, and not_replied (invited, not joined). A group the viewer may not
 * see (SECRET, not one of its people) is unknown (100); a CLOSED group's lists are empty to others.
 */
import { defineMethod, positiveId, required } from '../../../dispatch/method-kit.js';
import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { MAX_LISTED_MEMBERS } from '../group-service.js';

/** At most `limit` of `uids`, a random choice when there are more, in uid order. */
function atMost(uids: number[], limit: number): number[] {
  if (uids.length <= limit) return uids;
  const pool = [...uids];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, limit).sort((a, b) => a - b);
}

export const groupsGetMembers = defineMethod({
  name: 'groups.getMembers',
  summary: 'Who is in a group: members, admins, officers, not_replied (at most 500 members, a random subset of more).',
  params: {
    gid: required(positiveId(), 'the group'),
  },
  answer: 'record',
  access: { session: 'required', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, params, services }) => {
    const [group, sight] = await Promise.all([services.groups.find(params.gid), services.groups.sightOf(session.uid)]);
    if (group === undefined || !sight.seesGroup(group)) throw new ApiError(100, `gid ${params.gid} names no group`);
    const memberships = sight.seesMembers(group) ? await services.groups.membersOf([group.gid]) : [];
    const joined = memberships.filter((membership) => membership.joined);
    const list = (uids: number[]) => new ApiList('uid', atMost(uids, MAX_LISTED_MEMBERS), 'self-closing');
    return {
      members: list(joined.map((membership) => membership.uid)),
      admins: list(joined.filter((membership) => membership.admin).map((membership) => membership.uid)),
      officers: list(joined.filter((membership) => membership.officer).map((membership) => membership.uid)),
      not_replied: list(memberships.filter((membership) => !membership.joined).map((membership) => membership.uid)),
    };
  },
});
