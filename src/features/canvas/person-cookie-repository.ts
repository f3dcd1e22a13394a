/**
 * The signed-in people's jars of the canvas cookie table, read across people: what data.getCookies
 * and the FQL `cookies` table list. Visitors' jars (`b…`) belong to a browser, not a person, so no
 * API call reaches them.
 */
import type { Executor } from '../../db/database.js';

/** A cookie of a person's jar with an app, as the API lists it. */
export interface PersonCookie {
  readonly uid: number;
  readonly name: string;
  readonly value: string;
  /** Relative to the callback URL, starting with `/`. */
  readonly path: string;
  readonly expiresAt: Date;
}

export interface PersonCookieRepository {
  /** The unexpired cookies the app keeps for each of these people; only those named `name` when given. */
  ofPeople(uids: readonly number[], appId: number, now: Date, name?: string): Promise<PersonCookie[]>;
}

const PEOPLE_PER_STATEMENT = 500;

export class StoredPersonCookieRepository implements PersonCookieRepository {
  readonly #db: Executor;

  constructor(db: Executor) {
    this.#db = db;
  }

  async ofPeople(uids: readonly number[], appId: number, now: Date, name?: string): Promise<PersonCookie[]> {
    const cookies: PersonCookie[] = [];
    // An FQL subquery may name thousands of people: a statement per batch keeps under the databases' placeholder limits.
    for (let start = 0; start < uids.length; start += PEOPLE_PER_STATEMENT) cookies.push(...(await this.#batch(uids.slice(start, start + PEOPLE_PER_STATEMENT), appId, now, name)));
    return cookies;
  }

  async #batch(uids: readonly number[], appId: number, now: Date, name: string | undefined): Promise<PersonCookie[]> {
    let query = this.#db
      .selectFrom('canvas_cookies')
      .select(['uid', 'name', 'value', 'path', 'expires_at'])
      .where('jar', 'in', uids.map((uid) => `u${uid}`))
      .where('app_id', '=', appId)
      .where('expires_at', '>', now.getTime());
    if (name !== undefined) query = query.where('name', '=', name);
    const rows = await query.execute();
    return rows.map((row) => ({ uid: Number(row.uid), name: row.name, value: row.value, path: row.path, expiresAt: new Date(Number(row.expires_at)) }));
  }
}
