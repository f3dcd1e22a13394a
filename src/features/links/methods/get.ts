/**
 * links.get: the links a person shared through the calling app, newest first, as the reader may
 * see them. The reader is the session user; a call without a session reads what everyone may see.
 * `limit` (empty or 0: 50, at most 100) and `link_ids` (only these) narrow the list.
 */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import type { ParamType } from '../../../dispatch/params.js';
import { defineMethod, optional, uid } from '../../../dispatch/method-kit.js';
import { idList } from '../../notes/methods/note-params.js';
import { linkValue } from './link-value.js';

export const DEFAULT_LINKS_LIMIT = 50;
export const MAX_LINKS_LIMIT = 100;

/** How many links: a non-negative integer, 0 standing for "not given" as PHP's positional default may send it. */
const linkCount: ParamType<number> = {
  description: 'int (0: not given)',
  clientType: 'number',
  parse(raw, name) {
    const value = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value)) throw invalidParameter(name, 'not a non-negative integer');
    return value;
  },
};

export const linksGet = defineMethod({
  name: 'links.get',
  summary: "The links a person shared through this app that the reader may see, newest first (link_id, owner, owner_comment, created_time, title, summary, url, image_urls).",
  params: {
    uid: optional(uid, 'whose links; defaults to the session user (desktop apps: only the session user); web apps without a session must give it'),
    limit: optional(linkCount, `how many, newest first; empty or 0: ${DEFAULT_LINKS_LIMIT}, at most ${MAX_LINKS_LIMIT}`),
    link_ids: optional(idList(), 'only these of the person’s links (JSON array or comma list; empty: all)'),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'anyone', otherUserError: 200 } },
  handler: async ({ app, targetUid, session, params, services }) => {
    if (!(await services.people.findMany([targetUid])).length) throw new ApiError(110, `uid ${targetUid} names nobody`);
    const limit = Math.min(params.limit || DEFAULT_LINKS_LIMIT, MAX_LINKS_LIMIT);
    // An empty list (PHP's json_encode of array()) asks for no narrowing, as an empty value does.
    const links =
      params.link_ids === undefined || params.link_ids.length === 0
        ? await services.links.ofOwnerThroughApp(targetUid, app.appId, limit)
        : (await services.links.byIds(params.link_ids))
            .filter((link) => link.owner === targetUid && link.appId === app.appId)
            .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.linkId - a.linkId)
            .slice(0, limit);
    const readable = await services.links.readable(session?.uid, links);
    return new ApiList('link', readable.map(linkValue));
  },
});
