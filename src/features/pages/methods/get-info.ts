/**
 * pages.getInfo: the fields asked for of pages by id, or of the pages a person is a fan of (the
 * session user by default), optionally of one type. Pages are public; without a session `uid` is
 * ignored and, with no page_ids, the answer is the pages that added the calling app.
 */
import { defineMethod, nameList, optional, required, text, uid } from '../../../dispatch/method-kit.js';
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { idList } from '../../groups/methods/id-list.js';
import { isPageField, pageInfo, type PageField } from '../page-fields.js';
import { PAGE_TYPES, type PageType } from '../records.js';

const TYPES = new Set<string>(PAGE_TYPES);

export const pagesGetInfo = defineMethod({
  name: 'pages.getInfo',
  summary: 'Fields of pages by id, or of the pages a person is a fan of; written in schema order, page_id first.',
  params: {
    fields: required(nameList(), 'the fields to return (page_id always comes first)'),
    page_ids: optional(idList('page_id'), 'these pages'),
    uid: optional(uid, 'the pages this person is a fan of; defaults to the session user when no page_ids (ignored without a session)'),
    type: optional(text(100), 'only pages of this type, e.g. MUSICIANS (unknown: 152)'),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, app, params, services, origin }) => {
    if (params.fields.length === 0) throw invalidParameter('fields', 'at least one field is needed');
    const unknown = params.fields.find((field) => !isPageField(field));
    if (unknown !== undefined) throw invalidParameter('fields', `${JSON.stringify(unknown.slice(0, 40))} is no page field`);
    const type = params.type?.trim().toUpperCase();
    if (type !== undefined && !TYPES.has(type)) throw new ApiError(152, `type: ${JSON.stringify(params.type!.slice(0, 40))}`);
    const pageIds = params.page_ids?.length === 0 ? undefined : params.page_ids;
    const fan = session === undefined ? undefined : (params.uid ?? (pageIds === undefined ? session.uid : undefined));
    if (fan !== undefined && fan !== session?.uid && !(await services.people.findMany([fan])).length) throw new ApiError(110, `uid ${fan} names nobody`);
    const fanOf = fan === undefined ? undefined : new Set((await services.pages.fansByUids([fan])).map((tie) => tie.pageId));
    const wanted =
      pageIds !== undefined ? pageIds.filter((pageId) => fanOf === undefined || fanOf.has(pageId)) : fanOf !== undefined ? [...fanOf] : [...(await services.pages.pagesWithApp(app.appId))];
    const pages = (await services.pages.byIds(wanted)).filter((page) => type === undefined || page.type === (type as PageType));
    const facts = await services.pages.factsOf(pages.map((page) => page.pageId), app.appId);
    const fields = new Set(params.fields as PageField[]);
    return new ApiList('page', pages.map((page) => pageInfo(page, fields, facts, origin)));
  },
});
