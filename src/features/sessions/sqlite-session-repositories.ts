/** Auth tokens and API sessions: the records sign-in creates and every session call reads. */
import type { ApiSession, ApiSessionRepository, AuthToken, AuthTokenRepository, CallIdStored } from '../store.js';
import { SESSION_COLUMNS, toSession, toToken, type SessionRow, type TokenRow } from '../rows.js';
import type { CallIdWrite } from './call-id-write.js';
import { TurnBatcher } from '../../db/turn-batcher.js';
import { guarded, translateSqliteError, type SqliteDatabase } from '../../db/sqlite/sqlite-connection.js';

/** More calls than this in one turn of the event loop commit in several transactions. */
const MAX_CALL_IDS_PER_COMMIT = 500;

export class SqliteAuthTokenRepository implements AuthTokenRepository {
  readonly #insert;
  readonly #find;
  readonly #bind;
  readonly #consume;
  readonly #deleteExpired;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare<[string, number, number | null, number, number]>(
      'INSERT INTO auth_tokens (token, app_id, uid, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#find = db.prepare<[string], TokenRow>('SELECT token, app_id, uid, expires_at FROM auth_tokens WHERE token = ?');
    this.#bind = db.prepare<[number, string, number, number, number]>(
      'UPDATE auth_tokens SET uid = ? WHERE token = ? AND app_id = ? AND expires_at > ? AND (uid IS NULL OR uid = ?)',
    );
    this.#consume = db.prepare<[string, number, number], TokenRow>(
      'DELETE FROM auth_tokens WHERE token = ? AND app_id = ? AND uid IS NOT NULL AND expires_at > ? RETURNING token, app_id, uid, expires_at',
    );
    this.#deleteExpired = db.prepare<[number]>('DELETE FROM auth_tokens WHERE expires_at <= ?');
  }

  create(token: AuthToken): Promise<void> {
    return guarded(() => void this.#insert.run(token.token, token.appId, token.uid, Date.now(), token.expiresAt.getTime()));
  }

  find(token: string): Promise<AuthToken | undefined> {
    return guarded(() => {
      const row = this.#find.get(token);
      return row && toToken(row);
    });
  }

  bind(token: string, appId: number, uid: number, now: Date): Promise<boolean> {
    return guarded(() => this.#bind.run(uid, token, appId, now.getTime(), uid).changes > 0);
  }

  consume(token: string, appId: number, now: Date): Promise<AuthToken | undefined> {
    return guarded(() => {
      const row = this.#consume.get(token, appId, now.getTime());
      return row && toToken(row);
    });
  }

  deleteExpired(now: Date): Promise<number> {
    return guarded(() => this.#deleteExpired.run(now.getTime()).changes);
  }
}

export class SqliteApiSessionRepository implements ApiSessionRepository {
  readonly #insert;
  readonly #find;
  readonly #findLatest;
  readonly #setSecret;
  readonly #secret;
  readonly #callIds: TurnBatcher<CallIdWrite, CallIdStored | undefined>;
  readonly #delete;
  readonly #deleteNeverExpiring;
  readonly #deleteExpired;

  constructor(db: SqliteDatabase) {
    this.#deleteNeverExpiring = db.prepare<[number, number]>('DELETE FROM api_sessions WHERE uid = ? AND app_id = ? AND expires_at IS NULL');
    this.#insert = db.prepare<[string, number, number, string | null, number | null, number]>(
      `INSERT INTO api_sessions (${SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#find = db.prepare<[string], SessionRow>(`SELECT ${SESSION_COLUMNS} FROM api_sessions WHERE session_key = ?`);
    this.#findLatest = db.prepare<[number, number, number], SessionRow>(
      `SELECT ${SESSION_COLUMNS} FROM api_sessions WHERE uid = ? AND app_id = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    );
    this.#setSecret = db.prepare<[string, string]>('UPDATE api_sessions SET secret = ? WHERE session_key = ? AND secret IS NULL');
    this.#secret = db.prepare<[string], string | null>('SELECT secret FROM api_sessions WHERE session_key = ?').pluck();
    // One conditional UPDATE is the atomic check-and-store: concurrent equal call_ids cannot both pass.
    const advance = db.prepare<[number, string, number, number], { person_uses_app: number }>(
      `UPDATE api_sessions SET last_call_id = ?
       WHERE session_key = ? AND (last_call_id IS NULL OR last_call_id < ?) AND (expires_at IS NULL OR expires_at > ?)
       RETURNING EXISTS (SELECT 1 FROM app_authorizations a WHERE a.uid = api_sessions.uid AND a.app_id = api_sessions.app_id) AS person_uses_app`,
    );
    // Every session call writes its call_id: the calls of one event-loop turn commit together, one
    // UPDATE each (so equal call_ids still pass once), in one transaction.
    const advanceAll = db.transaction((writes: readonly CallIdWrite[]) =>
      writes.map(({ sessionKey, callId, now }) => {
        const row = advance.get(callId, sessionKey, callId, now);
        return row && { personUsesApp: row.person_uses_app === 1 };
      }),
    );
    this.#callIds = new TurnBatcher(async (writes) => {
      try {
        return advanceAll(writes);
      } catch (error) {
        throw translateSqliteError(error);
      }
    }, MAX_CALL_IDS_PER_COMMIT);
    this.#delete = db.prepare<[string]>('DELETE FROM api_sessions WHERE session_key = ?');
    this.#deleteExpired = db.prepare<[number]>('DELETE FROM api_sessions WHERE expires_at IS NOT NULL AND expires_at <= ?');
  }

  create(session: Omit<ApiSession, 'createdAt'>): Promise<ApiSession> {
    return guarded(() => {
      const createdAt = Date.now();
      this.#insert.run(session.sessionKey, session.appId, session.uid, session.secret, session.expiresAt?.getTime() ?? null, createdAt);
      return { ...session, createdAt: new Date(createdAt) };
    });
  }

  find(sessionKey: string): Promise<ApiSession | undefined> {
    return guarded(() => {
      const row = this.#find.get(sessionKey);
      return row && toSession(row);
    });
  }

  findLatest(uid: number, appId: number, now: Date): Promise<ApiSession | undefined> {
    return guarded(() => {
      const row = this.#findLatest.get(uid, appId, now.getTime());
      return row && toSession(row);
    });
  }

  setSecretIfAbsent(sessionKey: string, secret: string): Promise<string | undefined> {
    return guarded(() => {
      this.#setSecret.run(secret, sessionKey);
      return this.#secret.get(sessionKey) ?? undefined;
    });
  }

  advanceCallId(sessionKey: string, callId: number, now: Date): Promise<CallIdStored | undefined> {
    return this.#callIds.submit({ sessionKey, callId, now: now.getTime() });
  }

  delete(sessionKey: string): Promise<boolean> {
    return guarded(() => this.#delete.run(sessionKey).changes > 0);
  }

  deleteNeverExpiring(uid: number, appId: number): Promise<number> {
    return guarded(() => this.#deleteNeverExpiring.run(uid, appId).changes);
  }

  deleteExpired(now: Date): Promise<number> {
    return guarded(() => this.#deleteExpired.run(now.getTime()).changes);
  }
}
