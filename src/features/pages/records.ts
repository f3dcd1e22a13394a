/** What the pages feature keeps, and the repository that keeps it. */

/**
 * The page types Hearth knows (pages.getInfo `type`; anything else is 152). The platform never
 * published a full list; these are the categories its pages were made in around 2009.
 */
export const PAGE_TYPES = [
  'ACTOR_DIRECTOR', 'APPLICATION', 'ARTIST', 'ATHLETE', 'AUTHOR', 'AUTOMOBILES', 'BAR', 'BOOK', 'BUSINESS_PERSON', 'CAFE', 'CLUB',
  'COMEDIAN', 'COMMUNITY', 'COMPANY', 'CONSUMER_PRODUCTS', 'EDUCATION', 'FILM', 'GAMES', 'GOVERNMENT', 'HOTEL', 'LOCAL_BUSINESS',
  'MUSEUM', 'MUSICIANS', 'NON_PROFIT', 'ORGANIZATION', 'POLITICIAN', 'PRODUCTS', 'PUBLIC_FIGURE', 'RADIO_STATION', 'RESTAURANT',
  'RETAIL', 'SPORTS_TEAM', 'STORE', 'TV_SHOW', 'WEBSITE',
] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** An application's About page: pages.isFan answers 0 for it, as the platform did. */
export const APPLICATION_PAGE_TYPE: PageType = 'APPLICATION';

export interface Page {
  readonly pageId: number;
  readonly name: string;
  readonly username: string | null;
  readonly type: PageType;
  readonly website: string;
  /** Category-specific text fields that are set (company_overview, bio, location_city …). */
  readonly details: Readonly<Record<string, string>>;
  readonly createdAt: Date;
}

export type NewPage = Omit<Page, 'pageId'>;

export interface PageTie {
  readonly pageId: number;
  readonly uid: number;
  readonly createdAt: Date;
}

export interface PageRepository {
  /** Makes the page with its first admin. */
  create(page: NewPage, admin: number): Promise<Page>;
  byIds(pageIds: readonly number[]): Promise<Page[]>;
  byNames(names: readonly string[]): Promise<Page[]>;
  byUsernames(usernames: readonly string[]): Promise<Page[]>;
  addFan(pageId: number, uid: number, at: Date): Promise<void>;
  /** Ends the person's fandom; nothing when they were no fan. */
  removeFan(pageId: number, uid: number): Promise<void>;
  addAdmin(pageId: number, uid: number): Promise<void>;
  addApp(pageId: number, appId: number, at: Date): Promise<void>;
  /** The fan ties of these people. */
  fansByUids(uids: readonly number[]): Promise<PageTie[]>;
  /** Up to `limit` of the page's fans, by uid (the key's order: a page with many fans costs no sort). */
  someFans(pageId: number, limit: number): Promise<PageTie[]>;
  /** The admin ties of these people, or of these pages. */
  admins(by: 'uid' | 'page_id', ids: readonly number[]): Promise<PageTie[]>;
  fanCounts(pageIds: readonly number[]): Promise<Map<number, number>>;
  /** Which of these pages added the app. */
  pagesWithApp(appId: number, pageIds?: readonly number[]): Promise<Set<number>>;
}
