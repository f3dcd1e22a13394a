/** The canvas cookie jar in the database, for both dialects. */
import type { Database, Executor } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import type { CanvasCookieRepository, JarCookie, JarOwner } from './records.js';

function jarOf(owner: JarOwner): { jar: string; uid: number | null } {
  return 'uid' in owner ? { jar: `u${owner.uid}`, uid: owner.uid } : { jar: `b${owner.browserId}`, uid: null };
}

export class StoredCanvasCookieRepository implements CanvasCookieRepository {
  readonly #database: Database;
  readonly #db: Executor;
  readonly #list;

  constructor(db: Database) {
    this.#database = db;
    this.#db = db.query;
    this.#list = prepareQuery(db, (q, p: Placeholders<{ jar: string; appId: number; now: number }>) =>
      q.selectFrom('canvas_cookies').select(['name', 'value', 'path', 'expires_at']).where('jar', '=', p.jar).where('app_id', '=', p.appId).where('expires_at', '>', p.now),
    );
  }

  async list(owner: JarOwner, appId: number, now: Date): Promise<JarCookie[]> {
    const rows = await this.#list.all({ jar: jarOf(owner).jar, appId, now: now.getTime() });
    return rows.map((row) => ({ name: row.name, value: row.value, path: row.path, expiresAt: new Date(Number(row.expires_at)) }));
  }

  async store(owner: JarOwner, appId: number, cookies: readonly JarCookie[], now: Date): Promise<void> {
    const { jar, uid } = jarOf(owner);
    await this.#database.transaction(async (trx) => {
      for (const cookie of cookies) {
        if (cookie.expiresAt.getTime() <= now.getTime()) {
          await trx.deleteFrom('canvas_cookies').where('jar', '=', jar).where('app_id', '=', appId).where('name', '=', cookie.name).where('path', '=', cookie.path).execute();
          continue;
        }
        await trx
          .insertInto('canvas_cookies')
          .values({ jar, app_id: appId, name: cookie.name, path: cookie.path, value: cookie.value, expires_at: cookie.expiresAt.getTime(), uid })
          .onConflict((conflict) => conflict.columns(['jar', 'app_id', 'name', 'path']).doUpdateSet({ value: cookie.value, expires_at: cookie.expiresAt.getTime() }))
          .execute();
      }
    });
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.#db.deleteFrom('canvas_cookies').where('expires_at', '<=', now.getTime()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
