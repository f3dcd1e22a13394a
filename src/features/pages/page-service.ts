/**
 * Pages: public profiles of bands, businesses and the like, made by operators. Every page is public:
 * anyone, with or without a session, may read it. People become fans; admins run the page; a page
 * may add an app (has_added_app, pages.isAppAdded).
 */
import type { Store } from '../feature.js';
import { APPLICATION_PAGE_TYPE, type Page, type PageTie, type PageType } from './records.js';

export type { Page, PageTie, PageType } from './records.js';

export interface PageInput {
  readonly name: string;
  readonly admin: number;
  readonly username?: string;
  readonly type?: PageType;
  readonly website?: string;
  readonly details?: Readonly<Record<string, string>>;
}

/** A page's username: letters, digits and dots, up to 50 (the platform's later rule, minus its minimum length). */
export const USERNAME_PATTERN = /^[A-Za-z0-9.]{1,50}$/;

/** The type of a page made without one. */
export const DEFAULT_PAGE_TYPE: PageType = 'ORGANIZATION';

/** Where one person stands with one page. */
export interface PageStanding {
  readonly fan: boolean;
  readonly admin: boolean;
}

/** A person's pages, each list in page_id order. */
export interface PeoplesPages {
  readonly admin: readonly Page[];
  readonly fan: readonly Page[];
}

/** What the readers of pages need beside the pages: counted and looked up once per call. */
export interface PageFacts {
  readonly fanCounts: ReadonlyMap<number, number>;
  /** Pages that added the calling app. */
  readonly withApp: ReadonlySet<number>;
}

export class PageService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  create(input: PageInput, now = new Date()): Promise<Page> {
    return this.#store.pages.create(
      { name: input.name, username: input.username ?? null, type: input.type ?? DEFAULT_PAGE_TYPE, website: input.website ?? '', details: input.details ?? {}, createdAt: now },
      input.admin,
    );
  }

  byIds(pageIds: readonly number[]): Promise<Page[]> {
    return this.#store.pages.byIds(pageIds);
  }

  byNames(names: readonly string[]): Promise<Page[]> {
    return this.#store.pages.byNames(names);
  }

  byUsernames(usernames: readonly string[]): Promise<Page[]> {
    return this.#store.pages.byUsernames(usernames);
  }

  async find(pageId: number): Promise<Page | undefined> {
    return (await this.byIds([pageId]))[0];
  }

  addFan(pageId: number, uid: number, now = new Date()): Promise<void> {
    return this.#store.pages.addFan(pageId, uid, now);
  }

  removeFan(pageId: number, uid: number): Promise<void> {
    return this.#store.pages.removeFan(pageId, uid);
  }

  /** Up to `limit` of the page's fans' uids. */
  async someFans(pageId: number, limit: number): Promise<number[]> {
    return (await this.#store.pages.someFans(pageId, limit)).map((tie) => tie.uid);
  }

  /** How many fans each of the pages has; a page without fans is left out. */
  fanCounts(pageIds: readonly number[]): Promise<ReadonlyMap<number, number>> {
    return this.#store.pages.fanCounts([...new Set(pageIds)]);
  }

  async fanCount(pageId: number): Promise<number> {
    return (await this.fanCounts([pageId])).get(pageId) ?? 0;
  }

  /**
   * Whether `uid` is a fan and an admin of the page, as the page itself shows it: unlike
   * pages.isFan, an application's About page counts its fans.
   */
  async standing(pageId: number, uid: number): Promise<PageStanding> {
    const [fans, admins] = await Promise.all([this.fansByUids([uid]), this.admins('uid', [uid])]);
    return { fan: fans.some((tie) => tie.pageId === pageId), admin: admins.some((tie) => tie.pageId === pageId) };
  }

  /** The pages `uid` runs and those they are a fan of. */
  async pagesOf(uid: number): Promise<PeoplesPages> {
    const [fans, admins] = await Promise.all([this.fansByUids([uid]), this.admins('uid', [uid])]);
    const pages = new Map((await this.byIds([...new Set([...fans, ...admins].map((tie) => tie.pageId))])).map((page) => [page.pageId, page]));
    const of = (ties: readonly PageTie[]) => ties.flatMap((tie) => pages.get(tie.pageId) ?? []).sort((a, b) => a.pageId - b.pageId);
    return { admin: of(admins), fan: of(fans) };
  }

  addAdmin(pageId: number, uid: number): Promise<void> {
    return this.#store.pages.addAdmin(pageId, uid);
  }

  addApp(pageId: number, appId: number, now = new Date()): Promise<void> {
    return this.#store.pages.addApp(pageId, appId, now);
  }

  fansByUids(uids: readonly number[]): Promise<PageTie[]> {
    return this.#store.pages.fansByUids(uids);
  }

  admins(by: 'uid' | 'page_id', ids: readonly number[]): Promise<PageTie[]> {
    return this.#store.pages.admins(by, ids);
  }

  /** Pages that added the app: all of them, or which of `pageIds`. */
  pagesWithApp(appId: number, pageIds?: readonly number[]): Promise<Set<number>> {
    return this.#store.pages.pagesWithApp(appId, pageIds);
  }

  async factsOf(pageIds: readonly number[], appId: number): Promise<PageFacts> {
    const distinct = [...new Set(pageIds)];
    const [fanCounts, withApp] = await Promise.all([this.#store.pages.fanCounts(distinct), this.pagesWithApp(appId, distinct)]);
    return { fanCounts, withApp };
  }

  /** An application's About page has no fans to the API (0), as the platform answered. */
  async isFan(pageId: number, uid: number): Promise<boolean> {
    const page = await this.find(pageId);
    if (page === undefined || page.type === APPLICATION_PAGE_TYPE) return false;
    return (await this.fansByUids([uid])).some((tie) => tie.pageId === pageId);
  }

  async isAdmin(pageId: number, uid: number): Promise<boolean> {
    return (await this.admins('page_id', [pageId])).some((tie) => tie.uid === uid);
  }

  async hasApp(pageId: number, appId: number): Promise<boolean> {
    return (await this.pagesWithApp(appId, [pageId])).has(pageId);
  }
}
