/** Auth tokens and API sessions: the records sign-in creates and every session call reads. */
import { SESSION_COLUMNS, toSession, toToken, type SessionRow, type TokenRow } from '../rows.js';
import type { ApiSession, ApiSessionRepository, AuthToken, AuthTokenRepository, CallIdStored } from '../store.js';
import type { CallIdWrite } from './call-id-write.js';
import { TurnBatcher } from '../../db/turn-batcher.js';
import type { PostgresConnection } from '../../db/postgres/postgres-connection.js';

/** More calls than this in one turn of the event loop go in several statements. */
const MAX_CALL_IDS_PER_STATEMENT = 200;

/**
 * Splits writes into rounds in which each session appears once: one UPDATE … FROM may change a row
 * once only, and a session's later call_id must be judged after its earlier one.
 */
function roundsOfDistinctSessions(writes: readonly CallIdWrite[]): Array<Array<{ write: CallIdWrite; index: number }>> {
  const rounds: Array<Array<{ write: CallIdWrite; index: number }>> = [];
  const roundOfSession = new Map<string, number>();
  writes.forEach((write, index) => {
    const round = (roundOfSession.get(write.sessionKey) ?? -1) + 1;
    roundOfSession.set(write.sessionKey, round);
    (rounds[round] ??= []).push({ write, index });
  });
  return rounds;
}

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
  readonly #callIds = new TurnBatcher<CallIdWrite, CallIdStored | undefined>((writes) => this.#advanceAll(writes), MAX_CALL_IDS_PER_STATEMENT);

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

  advanceCallId(sessionKey: string, callId: number, now: Date): Promise<CallIdStored | undefined> {
    return this.#callIds.submit({ sessionKey, callId, now: now.getTime() });
  }

  /**
   * The one round trip of a session call whose app and session are remembered, shared by the calls
   * of one event-loop turn. Each row's conditional UPDATE is the atomic check-and-store: PostgreSQL
   * re-checks the condition on the row a concurrent update left behind, so equal call_ids from two
   * instances cannot both pass.
   */
  async #advanceAll(writes: readonly CallIdWrite[]): Promise<Array<CallIdStored | undefined>> {
    const results: Array<CallIdStored | undefined> = writes.map(() => undefined);
    for (const round of roundsOfDistinctSessions(writes)) {
      const { rows } = await this.#db.query<{ position: number; person_uses_app: boolean }>(
        `UPDATE api_sessions s SET last_call_id = w.call_id
         FROM unnest($1::text[], $2::double precision[], $3::bigint[], $4::int[]) AS w (session_key, call_id, now, position)
         WHERE s.session_key = w.session_key AND (s.last_call_id IS NULL OR s.last_call_id < w.call_id) AND (s.expires_at IS NULL OR s.expires_at > w.now)
         RETURNING w.position, EXISTS (SELECT 1 FROM app_authorizations a WHERE a.uid = s.uid AND a.app_id = s.app_id) AS person_uses_app`,
        [round.map(({ write }) => write.sessionKey), round.map(({ write }) => write.callId), round.map(({ write }) => write.now), round.map(({ index }) => index)],
        'advance-call-ids',
      );
      for (const row of rows) results[row.position] = { personUsesApp: row.person_uses_app };
    }
    return results;
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
