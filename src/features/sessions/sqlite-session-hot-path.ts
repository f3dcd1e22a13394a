/** The session hot path on SQLite (session-hot-path.ts). */
import type { ApiSession } from '../../dispatch/ports.js';
import type { SqliteExclusive } from '../../db/database.js';
import { translateSqliteError, type SqliteDatabase } from '../../db/sqlite/sqlite-connection.js';
import { TurnBatcher } from '../../db/turn-batcher.js';
import type { CallIdStored } from './records.js';
import { SESSION_COLUMNS, toSession, type CallIdWrite, type SessionHotPath, type SessionRow } from './session-hot-path.js';

/** More calls than this in one turn of the event loop commit in several transactions. */
const MAX_CALL_IDS_PER_COMMIT = 500;

export class SqliteSessionHotPath implements SessionHotPath {
  readonly #exclusive: SqliteExclusive;
  readonly #find;
  readonly #callIds: TurnBatcher<CallIdWrite, CallIdStored | undefined>;

  constructor(db: SqliteDatabase, exclusive: SqliteExclusive) {
    this.#exclusive = exclusive;
    this.#find = db.prepare<[string], SessionRow>(`SELECT ${SESSION_COLUMNS.join(', ')} FROM api_sessions WHERE session_key = ?`);
    // One conditional UPDATE is the atomic check-and-store: concurrent equal call_ids cannot both pass.
    const advance = db.prepare<[number, string, number, number], { person_uses_app: number }>(
      `UPDATE api_sessions SET last_call_id = ?
       WHERE session_key = ? AND (last_call_id IS NULL OR last_call_id < ?) AND (expires_at IS NULL OR expires_at > ?)
       RETURNING EXISTS (SELECT 1 FROM app_authorizations a WHERE a.uid = api_sessions.uid AND a.app_id = api_sessions.app_id) AS person_uses_app`,
    );
    // The calls of one event-loop turn commit together, one UPDATE each (so equal call_ids still pass once).
    const advanceAll = db.transaction((writes: readonly CallIdWrite[]) =>
      writes.map(({ sessionKey, callId, now }) => {
        const row = advance.get(callId, sessionKey, callId, now);
        return row && { personUsesApp: row.person_uses_app === 1 };
      }),
    );
    this.#callIds = new TurnBatcher((writes) => this.#run(() => advanceAll(writes)), MAX_CALL_IDS_PER_COMMIT);
  }

  async #run<T>(work: () => T): Promise<T> {
    try {
      return await this.#exclusive(work);
    } catch (error) {
      throw translateSqliteError(error);
    }
  }

  find(sessionKey: string): Promise<ApiSession | undefined> {
    return this.#run(() => {
      const row = this.#find.get(sessionKey);
      return row && toSession(row);
    });
  }

  advanceCallId(write: CallIdWrite): Promise<CallIdStored | undefined> {
    return this.#callIds.submit(write);
  }
}
