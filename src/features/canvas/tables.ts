/** The canvas feature's table (migration 34): the cookies FBML canvas pages set, per viewer and app. */

export interface CanvasCookiesTable {
  /** `u<uid>` for a signed-in person, `b<id>` for a visitor's browser. */
  jar: string;
  app_id: number;
  name: string;
  /** The cookie's path on the canvas (relative to the callback URL), starting with `/`. */
  path: string;
  value: string;
  /** Milliseconds since the epoch. */
  expires_at: number;
  /** The person of a `u` jar; null for a visitor's. */
  uid: number | null;
}

declare module '../../db/database.js' {
  interface Tables {
    canvas_cookies: CanvasCookiesTable;
  }
}
