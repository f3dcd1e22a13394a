/** Auth tokens in the database, for both dialects. */
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { AuthToken, AuthTokenRepository } from './records.js';
import type { AuthTokensTable } from './tables.js';

const COLUMNS = ['token', 'app_id', 'uid', 'expires_at'] as const;

const toToken = (row: Pick<Selectable<AuthTokensTable>, (typeof COLUMNS)[number]>): AuthToken => ({
  token: row.token,
  appId: row.app_id,
  uid: row.uid,
  expiresAt: new Date(row.expires_at),
});

export class StoredAuthTokenRepository implements AuthTokenRepository {
  readonly #db: Executor;

  constructor(db: Executor) {
    this.#db = db;
  }

  async create(token: AuthToken): Promise<void> {
    await this.#db
      .insertInto('auth_tokens')
      .values({ token: token.token, app_id: token.appId, uid: token.uid, created_at: Date.now(), expires_at: token.expiresAt.getTime() })
      .execute();
  }

  async find(token: string): Promise<AuthToken | undefined> {
    const row = await this.#db.selectFrom('auth_tokens').select(COLUMNS).where('token', '=', token).executeTakeFirst();
    return row && toToken(row);
  }

  async bind(token: string, appId: number, uid: number, now: Date): Promise<boolean> {
    const result = await this.#db
      .updateTable('auth_tokens')
      .set({ uid })
      .where('token', '=', token)
      .where('app_id', '=', appId)
      .where('expires_at', '>', now.getTime())
      .where((eb) => eb.or([eb('uid', 'is', null), eb('uid', '=', uid)]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async consume(token: string, appId: number, now: Date): Promise<AuthToken | undefined> {
    // DELETE … RETURNING is the atomic exchange: of concurrent exchanges exactly one gets the row.
    const row = await this.#db
      .deleteFrom('auth_tokens')
      .where('token', '=', token)
      .where('app_id', '=', appId)
      .where('uid', 'is not', null)
      .where('expires_at', '>', now.getTime())
      .returning(COLUMNS)
      .executeTakeFirst();
    return row && toToken(row);
  }

  async deleteExpired(now: Date): Promise<number> {
    return Number((await this.#db.deleteFrom('auth_tokens').where('expires_at', '<=', now.getTime()).executeTakeFirst()).numDeletedRows);
  }
}
