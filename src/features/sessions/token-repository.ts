/** Auth tokens in the database, for both dialects. */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import type { AuthToken, AuthTokenRepository } from './records.js';
import type { AuthTokensTable } from './tables.js';

const COLUMNS = ['token', 'app_id', 'uid', 'expires_at'] as const;

const toToken = (row: Pick<Selectable<AuthTokensTable>, (typeof COLUMNS)[number]>): AuthToken => ({
  token: row.token,
  appId: row.app_id,
  uid: row.uid,
  expiresAt: new Date(row.expires_at),
});

type TokenOfApp = { token: string; appId: number; now: number };

export class StoredAuthTokenRepository implements AuthTokenRepository {
  readonly #insert;
  readonly #find;
  readonly #bind;
  readonly #consume;
  readonly #deleteExpired;

  constructor(db: Database) {
    this.#insert = prepareQuery(db, (q, p: Placeholders<{ token: string; appId: number; uid: number | null; now: number; expiresAt: number }>) =>
      q.insertInto('auth_tokens').values({ token: p.token, app_id: p.appId, uid: p.uid, created_at: p.now, expires_at: p.expiresAt }),
    );
    this.#find = prepareQuery(db, (q, p: Placeholders<{ token: string }>) => q.selectFrom('auth_tokens').select(COLUMNS).where('token', '=', p.token));
    this.#bind = prepareQuery(db, (q, p: Placeholders<TokenOfApp & { uid: number }>) =>
      q
        .updateTable('auth_tokens')
        .set({ uid: p.uid })
        .where('token', '=', p.token)
        .where('app_id', '=', p.appId)
        .where('expires_at', '>', p.now)
        .where((eb) => eb.or([eb('uid', 'is', null), eb('uid', '=', p.uid)])),
    );
    // DELETE … RETURNING is the atomic exchange: of concurrent exchanges exactly one gets the row.
    this.#consume = prepareQuery(db, (q, p: Placeholders<TokenOfApp>) =>
      q
        .deleteFrom('auth_tokens')
        .where('token', '=', p.token)
        .where('app_id', '=', p.appId)
        .where('uid', 'is not', null)
        .where('expires_at', '>', p.now)
        .returning(COLUMNS),
    );
    this.#deleteExpired = prepareQuery(db, (q, p: Placeholders<{ now: number }>) => q.deleteFrom('auth_tokens').where('expires_at', '<=', p.now));
  }

  async create(token: AuthToken): Promise<void> {
    await this.#insert.run({ token: token.token, appId: token.appId, uid: token.uid, now: Date.now(), expiresAt: token.expiresAt.getTime() });
  }

  async find(token: string): Promise<AuthToken | undefined> {
    const row = await this.#find.first({ token });
    return row && toToken(row);
  }

  async bind(token: string, appId: number, uid: number, now: Date): Promise<boolean> {
    return (await this.#bind.changed({ token, appId, uid, now: now.getTime() })) > 0;
  }

  async consume(token: string, appId: number, now: Date): Promise<AuthToken | undefined> {
    const row = await this.#consume.first({ token, appId, now: now.getTime() });
    return row && toToken(row);
  }

  deleteExpired(now: Date): Promise<number> {
    return this.#deleteExpired.changed({ now: now.getTime() });
  }
}
