/** The session hot path on PostgreSQL (session-hot-path.ts). */
import type { ApiSession } from '../../dispatch/ports.js';
import type { PostgresConnection } from '../../db/postgres/postgres-connection.js';
import { TurnBatcher } from '../../db/turn-batcher.js';
import type { CallIdStored } from './records.js';
import { SESSION_COLUMNS, toSession, type CallIdWrite, type SessionHotPath, type SessionRow } from './session-hot-path.js';

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

export class PostgresSessionHotPath implements SessionHotPath {
  readonly #db: PostgresConnection;
  readonly #callIds = new TurnBatcher<CallIdWrite, CallIdStored | undefined>((writes) => this.#advanceAll(writes), MAX_CALL_IDS_PER_STATEMENT);

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async find(sessionKey: string): Promise<ApiSession | undefined> {
    const { rows } = await this.#db.query<SessionRow>(`SELECT ${SESSION_COLUMNS.join(', ')} FROM api_sessions WHERE session_key = $1`, [sessionKey], 'find-session');
    return rows[0] && toSession(rows[0]);
  }

  advanceCallId(write: CallIdWrite): Promise<CallIdStored | undefined> {
    return this.#callIds.submit(write);
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
}
