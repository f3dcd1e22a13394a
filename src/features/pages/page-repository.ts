/** Pages, fans, admins and the apps pages added, in the database, for both dialects. */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { NewPage, Page, PageRepository, PageTie, PageType } from './records.js';
import type { PagesTable } from './tables.js';

function toPage(row: Selectable<PagesTable>): Page {
  return {
    pageId: Number(row.page_id),
    name: row.name,
    username: row.username,
    type: row.type as PageType,
    website: row.website,
    details: JSON.parse(row.details) as Record<string, string>,
    createdAt: new Date(Number(row.created_at)),
  };
}

const toTie = (row: { page_id: number; uid: number; created_at?: number }): PageTie => ({ pageId: Number(row.page_id), uid: Number(row.uid), createdAt: new Date(Number(row.created_at ?? 0)) });

export class StoredPageRepository implements PageRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async create(page: NewPage, admin: number): Promise<Page> {
    const pageId = await this.#db.transaction(async (trx) => {
      const row = await trx
        .insertInto('pages')
        .values({ name: page.name, username: page.username, type: page.type, website: page.website, details: JSON.stringify(page.details), created_at: page.createdAt.getTime() })
        .returning('page_id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('page_admins').values({ page_id: Number(row.page_id), uid: admin }).execute();
      return Number(row.page_id);
    });
    return { ...page, pageId };
  }

  async #pagesWhere(column: 'page_id' | 'name' | 'username', values: readonly (number | string)[]): Promise<Page[]> {
    if (values.length === 0) return [];
    return (await this.#db.query.selectFrom('pages').selectAll().where(column, 'in', [...values]).orderBy('page_id').execute()).map(toPage);
  }

  byIds(pageIds: readonly number[]): Promise<Page[]> {
    return this.#pagesWhere('page_id', pageIds);
  }

  byNames(names: readonly string[]): Promise<Page[]> {
    return this.#pagesWhere('name', names);
  }

  byUsernames(usernames: readonly string[]): Promise<Page[]> {
    return this.#pagesWhere('username', usernames);
  }

  async addFan(pageId: number, uid: number, at: Date): Promise<void> {
    await this.#db.query.insertInto('page_fans').values({ page_id: pageId, uid, created_at: at.getTime() }).onConflict((conflict) => conflict.doNothing()).execute();
  }

  async removeFan(pageId: number, uid: number): Promise<void> {
    await this.#db.query.deleteFrom('page_fans').where('page_id', '=', pageId).where('uid', '=', uid).execute();
  }

  async addAdmin(pageId: number, uid: number): Promise<void> {
    await this.#db.query.insertInto('page_admins').values({ page_id: pageId, uid }).onConflict((conflict) => conflict.doNothing()).execute();
  }

  async addApp(pageId: number, appId: number, at: Date): Promise<void> {
    await this.#db.query.insertInto('page_apps').values({ page_id: pageId, app_id: appId, added_at: at.getTime() }).onConflict((conflict) => conflict.doNothing()).execute();
  }

  async fansByUids(uids: readonly number[]): Promise<PageTie[]> {
    if (uids.length === 0) return [];
    return (await this.#db.query.selectFrom('page_fans').selectAll().where('uid', 'in', [...uids]).orderBy('uid').orderBy('page_id').execute()).map(toTie);
  }

  async someFans(pageId: number, limit: number): Promise<PageTie[]> {
    return (await this.#db.query.selectFrom('page_fans').selectAll().where('page_id', '=', pageId).orderBy('uid').limit(limit).execute()).map(toTie);
  }

  async admins(by: 'uid' | 'page_id', ids: readonly number[]): Promise<PageTie[]> {
    if (ids.length === 0) return [];
    return (await this.#db.query.selectFrom('page_admins').selectAll().where(by, 'in', [...ids]).orderBy('page_id').orderBy('uid').execute()).map(toTie);
  }

  async fanCounts(pageIds: readonly number[]): Promise<Map<number, number>> {
    if (pageIds.length === 0) return new Map();
    const rows = await this.#db.query
      .selectFrom('page_fans')
      .select((eb) => ['page_id', eb.fn.countAll<number | string>().as('fans')])
      .where('page_id', 'in', [...pageIds])
      .groupBy('page_id')
      .execute();
    return new Map(rows.map((row) => [Number(row.page_id), Number(row.fans)]));
  }

  async pagesWithApp(appId: number, pageIds?: readonly number[]): Promise<Set<number>> {
    if (pageIds?.length === 0) return new Set();
    let query = this.#db.query.selectFrom('page_apps').select('page_id').where('app_id', '=', appId);
    if (pageIds !== undefined) query = query.where('page_id', 'in', [...pageIds]);
    return new Set((await query.execute()).map((row) => Number(row.page_id)));
  }
}
