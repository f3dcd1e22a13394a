/** The pages feature's tables (migration 22). */
import type { Generated } from 'kysely';

export interface PagesTable {
  page_id: Generated<number>;
  name: string;
  /** The page's short name, unique; null for none. */
  username: string | null;
  /** Upper case with underscores, one of PAGE_TYPES. */
  type: string;
  website: string;
  /** The category-specific text fields that are set, as a JSON object of strings. */
  details: string;
  created_at: number;
}

export interface PageFansTable {
  page_id: number;
  uid: number;
  created_at: number;
}

export interface PageAdminsTable {
  page_id: number;
  uid: number;
}

export interface PageAppsTable {
  page_id: number;
  app_id: number;
  added_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    pages: PagesTable;
    page_fans: PageFansTable;
    page_admins: PageAdminsTable;
    page_apps: PageAppsTable;
  }
}
