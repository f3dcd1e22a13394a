/** The developers feature's table (migration 36): who may see and change each app on /developers/. */

export interface AppDevelopersTable {
  app_id: number;
  uid: number;
  /** Milliseconds; the developers of an app are listed in the order they were added. */
  added_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    app_developers: AppDevelopersTable;
  }
}
