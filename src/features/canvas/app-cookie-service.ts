/**
 * The rules of data.setCookie, data.getCookies and the FQL `cookies` table (docs/canvas.md,
 * "data.setCookie and data.getCookies"): an app's cookies for a person are the person's canvas
 * cookie jar with the app, so what the API sets goes back to the app with the person's next canvas
 * request, and what the canvas answers set is listed.
 */
import type { Store } from '../feature.js';
import type { PersonCookie } from './person-cookie-repository.js';

/** Without `expires` (or with 0) a cookie lasts this long, as one a canvas answer sets without Expires. */
export const DEFAULT_COOKIE_LIFETIME_MS = 24 * 3_600_000;
/** Name and value together; the jar keeps no larger cookie from a canvas answer either. */
export const MAX_API_COOKIE_BYTES = 4_096;

export interface CookieToSet {
  readonly name: string;
  /** Undefined or empty deletes the cookie. */
  readonly value: string | undefined;
  /** Unix seconds; undefined or 0 is 24 hours from now; a time not after now deletes the cookie. */
  readonly expires: number | undefined;
  /** Relative to the callback URL, starting with `/`. */
  readonly path: string;
}

export class AppCookieService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /**
   * Stores, replaces (by name and path) or deletes one cookie of the person's jar with the app.
   * False when the cookie is too large to be kept; nothing changes then.
   */
  async set(uid: number, appId: number, cookie: CookieToSet, now = new Date()): Promise<boolean> {
    const value = cookie.value ?? '';
    if (Buffer.byteLength(cookie.name + value) > MAX_API_COOKIE_BYTES) return false;
    const expiresAt =
      value === '' ? now : cookie.expires === undefined || cookie.expires === 0 ? new Date(now.getTime() + DEFAULT_COOKIE_LIFETIME_MS) : new Date(cookie.expires * 1000);
    // The jar deletes a cookie that is already expired rather than storing it.
    await this.#store.canvasCookies.store({ uid }, appId, [{ name: cookie.name, value, path: cookie.path, expiresAt }], now);
    return true;
  }

  /** The unexpired cookies the app keeps for these people, by person (in the order given), then name and path. */
  async list(uids: readonly number[], appId: number, name?: string, now = new Date()): Promise<PersonCookie[]> {
    const cookies = await this.#store.canvasPersonCookies.ofPeople(uids, appId, now, name);
    const order = new Map(uids.map((uid, index) => [uid, index]));
    // Sorted here rather than in SQL: PostgreSQL's collation would order names differently from SQLite.
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return cookies.sort((a, b) => order.get(a.uid)! - order.get(b.uid)! || byText(a.name, b.name) || byText(a.path, b.path));
  }
}
