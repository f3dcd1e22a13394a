/** The apps feature's tables, as the query layer types them. */
import type { Generated } from 'kysely';
import type { AppType } from './records.js';

export interface AppsTable {
  app_id: Generated<number>;
  api_key: string;
  secret: string;
  name: string;
  type: AppType;
  callback_url: string | null;
  /** Comma-separated CIDR blocks; empty for any address. */
  allowed_addresses: string;
  rate_limit_requests: number | null;
  rate_limit_window_seconds: number | null;
  post_authorize_url: string | null;
  post_remove_url: string | null;
  /** Lower-case, unique; added by the canvas feature's migration 34. */
  canvas_name: string | null;
  created_at: number;
}

export interface RateLimitWindowsTable {
  app_id: number;
  window_start: number;
  requests: number;
}

declare module '../../db/database.js' {
  interface Tables {
    apps: AppsTable;
    rate_limit_windows: RateLimitWindowsTable;
  }
}
