/**
 * groups.get: the groups of a person (any position, invited included), or by gid, or both (those
 * that are both); neither gives the session user's. A SECRET group only for its people; another
 * person's place in a group only where the viewer may see who is in it.
 */
import { defineMethod, optional, uid } from '../../../dispatch/method-kit.js';
import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { groupValue } from '../group-values.js';
import { idList } from './id-list.js';

export const groupsGet = defineMethod({
  name: 'groups.get',
  summary: 'Groups of a person and/or by gid that the session user may see (SECRET ones only for their people).',
  params: {
    uid: optional(uid, 'the groups this person is in (invited included); defaults to the session user when no gids'),
    gids: optional(idList('gid'), 'only these groups'),
  },
  answer: 'fql_rows',
  access: { session: 'required', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, params, services }) => {
    const viewer = session.uid;
    const gids = params.gids?.length === 0 ? undefined : params.gids;
    const member = params.uid ?? (gids === undefined ? viewer : undefined);
    if (member !== undefined && member !== viewer && !(await services.people.findMany([member])).length) throw new ApiError(110, `uid ${member} names nobody`);
    const memberOf = member === undefined ? undefined : new Set((await services.groups.membershipsOf([member])).map((membership) => membership.gid));
    const wanted = gids === undefined ? [...(memberOf ?? [])] : gids.filter((gid) => memberOf === undefined || memberOf.has(gid));
    const [groups, sight] = await Promise.all([services.groups.byIds(wanted), services.groups.sightOf(viewer)]);
    // Listing someone else's groups tells who is in them: only where the viewer may see that.
    const shown = groups.filter((group) => sight.seesGroup(group) && (member === undefined || member === viewer || sight.seesMembers(group)));
    return new ApiList('group', shown.map(groupValue));
  },
});
