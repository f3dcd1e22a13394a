/**
 * The two statements of nearly every session call — reading a session that is not remembered, and
 * storing the call's call_id — written per dialect, because they are the measured hot path: SQLite
 * runs them synchronously on prepared statements, the call_ids of one event-loop turn in one
 * transaction; PostgreSQL runs them as named prepared statements, the call_ids of one turn in one
 * `UPDATE … FROM unnest(…)`. Everything else about sessions goes through the query layer.
 */
import type { ApiSession } from '../../dispatch/ports.js';
import type { CallIdStored } from './records.js';
import type { ApiSessionsTable } from './tables.js';

/** One session call's call_id, as the hot path batches them (see TurnBatcher). */
export interface CallIdWrite {
  readonly sessionKey: string;
  readonly callId: number;
  /** Milliseconds since the epoch: the session must not have expired by then. */
  readonly now: number;
}

export const SESSION_COLUMNS = ['session_key', 'app_id', 'uid', 'secret', 'expires_at', 'created_at'] as const;

/** A session as the hot path and the repository read it. */
export type SessionRow = Pick<ApiSessionsTable, (typeof SESSION_COLUMNS)[number]>;

export const toSession = (row: SessionRow): ApiSession => ({
  sessionKey: row.session_key,
  appId: row.app_id,
  uid: row.uid,
  secret: row.secret,
  expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
  createdAt: new Date(row.created_at),
});

export interface SessionHotPath {
  find(sessionKey: string): Promise<ApiSession | undefined>;
  /**
   * Stores `callId` as the session's latest if the session exists, has not expired, and `callId` is
   * strictly greater than the stored one — atomically: of concurrent equal call_ids one wins.
   */
  advanceCallId(write: CallIdWrite): Promise<CallIdStored | undefined>;
}
