/** API sessions in the database: the hot path per dialect (session-hot-path.ts), the rest through the query layer. */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ApiSession } from '../../dispatch/ports.js';
import { PostgresSessionHotPath } from './postgres-session-hot-path.js';
import type { ApiSessionRepository, CallIdStored } from './records.js';
import { SESSION_COLUMNS, toSession, type SessionHotPath } from './session-hot-path.js';
import { SqliteSessionHotPath } from './sqlite-session-hot-path.js';

export class StoredApiSessionRepository implements ApiSessionRepository {
  readonly #db: Database;
  readonly #hot: SessionHotPath;

  constructor(db: Database) {
    this.#db = db;
    const { native } = db;
    this.#hot = native.dialect === 'sqlite' ? new SqliteSessionHotPath(native.db, native.exclusive) : new PostgresSessionHotPath(native.db);
  }

  async create(session: Omit<ApiSession, 'createdAt'>): Promise<ApiSession> {
    const createdAt = Date.now();
    await this.#db.query
      .insertInto('api_sessions')
      .values({
        session_key: session.sessionKey,
        app_id: session.appId,
        uid: session.uid,
        secret: session.secret,
        expires_at: session.expiresAt?.getTime() ?? null,
        created_at: createdAt,
      })
      .execute();
    return { ...session, createdAt: new Date(createdAt) };
  }

  find(sessionKey: string): Promise<ApiSession | undefined> {
    return this.#hot.find(sessionKey);
  }

  async findLatest(uid: number, appId: number, now: Date): Promise<ApiSession | undefined> {
    // Sessions created in the same millisecond are told apart by insertion order: SQLite's rowid,
    // PostgreSQL's identity column `seq`.
    const insertionOrder = this.#db.dialect === 'sqlite' ? sql`rowid` : sql`seq`;
    const row = await this.#db.query
      .selectFrom('api_sessions')
      .select(SESSION_COLUMNS)
      .where('uid', '=', uid)
      .where('app_id', '=', appId)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.getTime())]))
      .orderBy('created_at', 'desc')
      .orderBy(insertionOrder, 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toSession(row);
  }

  async setSecretIfAbsent(sessionKey: string, secret: string): Promise<string | undefined> {
    // COALESCE keeps a secret set by a concurrent call; RETURNING answers whichever is stored.
    const row = await this.#db.query
      .updateTable('api_sessions')
      .set({ secret: sql<string>`COALESCE(secret, ${secret})` })
      .where('session_key', '=', sessionKey)
      .returning('secret')
      .executeTakeFirst();
    return row?.secret ?? undefined;
  }

  advanceCallId(sessionKey: string, callId: number, now: Date): Promise<CallIdStored | undefined> {
    return this.#hot.advanceCallId({ sessionKey, callId, now: now.getTime() });
  }

  async delete(sessionKey: string): Promise<boolean> {
    return (await this.#db.query.deleteFrom('api_sessions').where('session_key', '=', sessionKey).executeTakeFirst()).numDeletedRows > 0n;
  }

  async deleteNeverExpiring(uid: number, appId: number): Promise<number> {
    const result = await this.#db.query.deleteFrom('api_sessions').where('uid', '=', uid).where('app_id', '=', appId).where('expires_at', 'is', null).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.#db.query.deleteFrom('api_sessions').where('expires_at', 'is not', null).where('expires_at', '<=', now.getTime()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
