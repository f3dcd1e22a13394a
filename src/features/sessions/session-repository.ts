/** API sessions in the database: the hot path per dialect (session-hot-path.ts), the rest through the query layer. */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import type { ApiSession } from '../../dispatch/ports.js';
import { PostgresSessionHotPath } from './postgres-session-hot-path.js';
import type { ApiSessionRepository, CallIdStored } from './records.js';
import { SESSION_COLUMNS, toSession, type SessionHotPath } from './session-hot-path.js';
import { SqliteSessionHotPath } from './sqlite-session-hot-path.js';

type PersonAndApp = { uid: number; appId: number };

export class StoredApiSessionRepository implements ApiSessionRepository {
  readonly #hot: SessionHotPath;
  readonly #insert;
  readonly #findLatest;
  readonly #setSecret;
  readonly #delete;
  readonly #deleteNeverExpiring;
  readonly #makeNeverExpiring;
  readonly #deleteExpired;

  constructor(db: Database) {
    const { native } = db;
    this.#hot = native.dialect === 'sqlite' ? new SqliteSessionHotPath(native.db, native.exclusive) : new PostgresSessionHotPath(native.db);
    this.#insert = prepareQuery(db, (q, p: Placeholders<{ sessionKey: string; appId: number; uid: number; secret: string | null; expiresAt: number | null; now: number }>) =>
      q.insertInto('api_sessions').values({ session_key: p.sessionKey, app_id: p.appId, uid: p.uid, secret: p.secret, expires_at: p.expiresAt, created_at: p.now }),
    );
    // Sessions created in the same millisecond are told apart by insertion order: SQLite's rowid,
    // PostgreSQL's identity column `seq`.
    const insertionOrder = db.dialect === 'sqlite' ? sql`rowid` : sql`seq`;
    this.#findLatest = prepareQuery(db, (q, p: Placeholders<PersonAndApp & { now: number }>) =>
      q
        .selectFrom('api_sessions')
        .select(SESSION_COLUMNS)
        .where('uid', '=', p.uid)
        .where('app_id', '=', p.appId)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', p.now)]))
        .orderBy('created_at', 'desc')
        .orderBy(insertionOrder, 'desc')
        .limit(1),
    );
    // COALESCE keeps a secret set by a concurrent call; RETURNING answers whichever is stored.
    this.#setSecret = prepareQuery(db, (q, p: Placeholders<{ sessionKey: string; secret: string }>) =>
      q
        .updateTable('api_sessions')
        .set({ secret: sql<string>`COALESCE(secret, ${p.secret})` })
        .where('session_key', '=', p.sessionKey)
        .returning('secret'),
    );
    this.#delete = prepareQuery(db, (q, p: Placeholders<{ sessionKey: string }>) => q.deleteFrom('api_sessions').where('session_key', '=', p.sessionKey));
    this.#deleteNeverExpiring = prepareQuery(db, (q, p: Placeholders<PersonAndApp>) =>
      q.deleteFrom('api_sessions').where('uid', '=', p.uid).where('app_id', '=', p.appId).where('expires_at', 'is', null),
    );
    this.#makeNeverExpiring = prepareQuery(db, (q, p: Placeholders<PersonAndApp & { now: number }>) =>
      q.updateTable('api_sessions').set({ expires_at: null }).where('uid', '=', p.uid).where('app_id', '=', p.appId).where('expires_at', '>', p.now),
    );
    this.#deleteExpired = prepareQuery(db, (q, p: Placeholders<{ now: number }>) =>
      q.deleteFrom('api_sessions').where('expires_at', 'is not', null).where('expires_at', '<=', p.now),
    );
  }

  async create(session: Omit<ApiSession, 'createdAt'>): Promise<ApiSession> {
    const now = Date.now();
    await this.#insert.run({ sessionKey: session.sessionKey, appId: session.appId, uid: session.uid, secret: session.secret, expiresAt: session.expiresAt?.getTime() ?? null, now });
    return { ...session, createdAt: new Date(now) };
  }

  find(sessionKey: string): Promise<ApiSession | undefined> {
    return this.#hot.find(sessionKey);
  }

  async findLatest(uid: number, appId: number, now: Date): Promise<ApiSession | undefined> {
    const row = await this.#findLatest.first({ uid, appId, now: now.getTime() });
    return row && toSession(row);
  }

  async setSecretIfAbsent(sessionKey: string, secret: string): Promise<string | undefined> {
    return (await this.#setSecret.first({ sessionKey, secret }))?.secret ?? undefined;
  }

  advanceCallId(sessionKey: string, callId: number, now: Date): Promise<CallIdStored | undefined> {
    return this.#hot.advanceCallId({ sessionKey, callId, now: now.getTime() });
  }

  async delete(sessionKey: string): Promise<boolean> {
    return (await this.#delete.changed({ sessionKey })) > 0;
  }

  makeNeverExpiring(uid: number, appId: number, now: Date): Promise<number> {
    return this.#makeNeverExpiring.changed({ uid, appId, now: now.getTime() });
  }

  deleteNeverExpiring(uid: number, appId: number): Promise<number> {
    return this.#deleteNeverExpiring.changed({ uid, appId });
  }

  deleteExpired(now: Date): Promise<number> {
    return this.#deleteExpired.changed({ now: now.getTime() });
  }
}
