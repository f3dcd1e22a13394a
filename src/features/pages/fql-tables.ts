/**
 * The FQL tables `page`, `page_fan` and `page_admin`. Pages are public, so every row is visible,
 * with or without a session; has_added_app is relative to the calling app. page_fan is indexed by
 * uid only (page_id alone is 604), as the platform's was.
 */
import { column, defineFqlTable, type FqlColumn } from '../../fql/table.js';
import { bool, int, string, struct, time, type FqlType } from '../../fql/types.js';
import { FLAG_FIELDS, LOCATION_PARTS, PAGE_FIELDS, pageFieldValue, type PageField } from './page-fields.js';
import type { PageFacts } from './page-service.js';
import type { Page, PageTie, PageType } from './records.js';

const flags = (names: readonly string[]) => struct(Object.fromEntries(names.map((name) => [name, bool])));
const HOURS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((day) => [1, 2].flatMap((n) => [`${day}_${n}_open`, `${day}_${n}_close`]));

const COLUMN_TYPES: Partial<Record<PageField, readonly [FqlType, string]>> = {
  page_id: [int, 'the page id'],
  name: [string, 'its name'],
  username: [string, 'its short name; empty for none'],
  page_url: [string, 'its address'],
  type: [string, 'its type, upper case with underscores (e.g. MUSICIANS)'],
  has_added_app: [bool, 'whether it added the calling app'],
  fan_count: [int, 'how many fans it has'],
  location: [struct(Object.fromEntries(LOCATION_PARTS.map((part) => [part, string]))), 'where it is'],
  hours: [struct(Object.fromEntries(HOURS.map((slot) => [slot, time]))), 'opening hours: none are kept'],
  parking: [flags(FLAG_FIELDS.parking), 'parking'],
  restaurant_services: [flags(FLAG_FIELDS.restaurant_services), 'restaurant services'],
  restaurant_specialties: [flags(FLAG_FIELDS.restaurant_specialties), 'restaurant specialties'],
  genre: [flags(FLAG_FIELDS.genre), 'genre flags'],
};

/** The FQL table's columns: the getInfo fields (status aside, which the table lacks), username after name. */
const ORDER = ['page_id', 'name', 'username', ...PAGE_FIELDS.filter((field) => !['page_id', 'name', 'username', 'status'].includes(field))] as PageField[];
const INDEXED = new Set<PageField>(['page_id', 'name', 'username']);

function pageColumn(field: PageField): FqlColumn<Page, PageFacts> {
  const [type, doc] = COLUMN_TYPES[field] ?? [string, field.startsWith('pic') ? 'empty: Hearth keeps no page pictures' : 'text; empty when not set'];
  return column(type, doc, (page, facts, context) => pageFieldValue(page, field, facts, context.origin), { index: INDEXED.has(field) });
}

export const pageTable = defineFqlTable<Page, PageFacts>({
  name: 'page',
  summary: 'Pages, by page_id, name or username.',
  privacyDoc: 'Every page, for anyone (pages are public); has_added_app is relative to the calling app.',
  session: 'optional',
  key: ['page_id'],
  columns: Object.fromEntries(ORDER.map((field) => [field, pageColumn(field)])),
  fetch: (name, values, context) =>
    name === 'page_id'
      ? context.services.pages.byIds(values.map(Number))
      : name === 'name'
        ? context.services.pages.byNames(values.map(String))
        : context.services.pages.byUsernames(values.map(String)),
  facts: (pages, context) => context.services.pages.factsOf(pages.map((page) => page.pageId), context.app.appId),
});

/** A tie with its page's type. */
export type TypedTie = PageTie & { readonly type: PageType | undefined };

async function withTypes(ties: readonly PageTie[], pagesOf: (ids: number[]) => Promise<Page[]>): Promise<TypedTie[]> {
  const types = new Map((await pagesOf([...new Set(ties.map((tie) => tie.pageId))])).map((page) => [page.pageId, page.type]));
  return ties.map((tie) => ({ ...tie, type: types.get(tie.pageId) }));
}

export const pageFanTable = defineFqlTable<TypedTie, null>({
  name: 'page_fan',
  summary: 'Who is a fan of which page.',
  privacyDoc: 'Every fan, for anyone. By uid only: page_id alone is not indexable (604).',
  session: 'optional',
  key: ['uid', 'page_id'],
  columns: {
    uid: column(int, 'the fan', (tie) => tie.uid, { index: true }),
    page_id: column(int, 'the page', (tie) => tie.pageId),
    type: column(string, 'the page’s type', (tie) => tie.type ?? ''),
    profile_section: column(string, 'empty: Hearth keeps no profile sections', () => ''),
    created_time: column(time, 'when they became a fan', (tie) => Math.floor(tie.createdAt.getTime() / 1000)),
  },
  fetch: async (_name, values, context) => withTypes(await context.services.pages.fansByUids(values.map(Number)), (ids) => context.services.pages.byIds(ids)),
  facts: async () => null,
});

export const pageAdminTable = defineFqlTable<TypedTie, null>({
  name: 'page_admin',
  summary: 'Who is an admin of which page.',
  privacyDoc: 'Every admin, for anyone.',
  session: 'optional',
  key: ['uid', 'page_id'],
  columns: {
    uid: column(int, 'the admin', (tie) => tie.uid, { index: true }),
    page_id: column(int, 'the page', (tie) => tie.pageId, { index: true }),
    type: column(string, 'the page’s type', (tie) => tie.type ?? ''),
  },
  fetch: async (name, values, context) =>
    withTypes(await context.services.pages.admins(name === 'uid' ? 'uid' : 'page_id', values.map(Number)), (ids) => context.services.pages.byIds(ids)),
  facts: async () => null,
});
