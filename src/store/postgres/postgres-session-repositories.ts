/** Auth tokens and API sessions: the records sign-in creates and every session call reads. */
import { SESSION_COLUMNS, toSession, toToken, type SessionRow, type TokenRow } from '../rows.js';
import type { ApiSession, ApiSessionRepository, AuthToken, AuthTokenRepository, CallIdStored } from '../store.js';
import type { PostgresConnection } from './postgres-connection.js';

export class PostgresAuthTokenRepository implements AuthTokenRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async create(token: AuthToken): Promise<void> {
    await this.#db.query('INSERT INTO auth_tokens (token, app_id, uid, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      token.token,
      token.appId,
      token.uid,
      Date.now(),
      token.expiresAt.getTime(),
    ]);
  }

  async find(token: string): Promise<AuthToken | undefined> {
    const { rows } = await this.#db.query<TokenRow>('SELECT token, app_id, uid, expires_at FROM auth_tokens WHERE token = $1', [token]);
    return rows[0] && toToken(rows[0]);
  }

  async bind(token: string, appId: number, uid: number, now: Date): Promise<boolean> {
    const result = await this.#db.query(
      'UPDATE auth_tokens SET uid = $1 WHERE token = $2 AND app_id = $3 AND expires_at > $4 AND (uid IS NULL OR uid = $1)',
      [uid, token, appId, now.getTime()],
    );
    return result.rowCount! > 0;
  }

  async consume(token: string, appId: number, now: Date): Promise<AuthToken | undefined> {
    // DELETE … RETURNING is the atomic exchange: of concurrent exchanges exactly one gets the row.
    const { rows } = await this.#db.query<TokenRow>(
      'DELETE FROM auth_tokens WHERE token = $1 AND app_id = $2 AND uid IS NOT NULL AND expires_at > $3 RETURNING token, app_id, uid, expires_at',
      [token, appId, now.getTime()],
    );
    return rows[0] && toToken(rows[0]);
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.#db.query('DELETE FROM auth_tokens WHERE expires_at <= $1', [now.getTime()])).rowCount!;
  }
}

export class PostgresApiSessionRepository implements ApiSessionRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async create(session: Omit<ApiSession, 'createdAt'>): Promise<ApiSession> {
    const createdAt = Date.now();
    await this.#db.query(`INSERT INTO api_sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`, [
      session.sessionKey,
      session.appId,
      session.uid,
      session.secret,
      session.expiresAt?.getTime() ?? null,
      createdAt,
    ]);
    return { ...session, createdAt: new Date(createdAt) };
  }

  async find(sessionKey: string): Promise<ApiSession | undefined> {
    const { rows } = await this.#db.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM api_sessions WHERE session_key = $1`, [sessionKey], 'find-session');
    return rows[0] && toSession(rows[0]);
  }

  async findLatest(uid: number, appId: number, now: Date): Promise<ApiSession | undefined> {
    const { rows } = await this.#db.query<SessionRow>(
      `SELECT ${SESSION_COLUMNS} FROM api_sessions WHERE uid = $1 AND app_id = $2 AND (expires_at IS NULL OR expires_at > $3)
       ORDER BY created_at DESC, seq DESC LIMIT 1`,
      [uid, appId, now.getTime()],
    );
    return rows[0] && toSession(rows[0]);
  }

  async setSecretIfAbsent(sessionKey: string, secret: string): Promise<string | undefined> {
    // COALESCE keeps a secret set by a concurrent call; RETURNING answers whichever is stored.
    const { rows } = await this.#db.query<{ secret: string }>(
      'UPDATE api_sessions SET secret = COALESCE(secret, $1) WHERE session_key = $2 RETURNING secret',
      [secret, sessionKey],
    );
    return rows[0]?.secret;
  }

  async advanceCallId(sessionKey: string, callId: number, now: Date): Promise<CallIdStored | undefined> {
    // One conditional UPDATE is the atomic check-and-store: PostgreSQL re-checks the condition on
    // the row a concurrent update left behind, so equal call_ids from two instances cannot both pass.
    // It is the one round trip of a session call whose app and session are remembered.
    const { rows } = await this.#db.query<{ person_uses_app: boolean }>(
      `UPDATE api_sessions SET last_call_id = $1
       WHERE session_key = $2 AND (last_call_id IS NULL OR last_call_id < $1) AND (expires_at IS NULL OR expires_at > $3)
       RETURNING EXISTS (SELECT 1 FROM app_authorizations a WHERE a.uid = api_sessions.uid AND a.app_id = api_sessions.app_id) AS person_uses_app`,
      [callId, sessionKey, now.getTime()],
      'advance-call-id',
    );
    return rows[0] && { personUsesApp: rows[0].person_uses_app };
  }

  async delete(sessionKey: string): Promise<boolean> {
    return (await this.#db.query('DELETE FROM api_sessions WHERE session_key = $1', [sessionKey])).rowCount! > 0;
  }

  async deleteNeverExpiring(uid: number, appId: number): Promise<number> {
    return (await this.#db.query('DELETE FROM api_sessions WHERE uid = $1 AND app_id = $2 AND expires_at IS NULL', [uid, appId])).rowCount!;
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.#db.query('DELETE FROM api_sessions WHERE expires_at IS NOT NULL AND expires_at <= $1', [now.getTime()])).rowCount!;
  }
}
