/** One session call's call_id, as the backends batch them (see TurnBatcher). */
export interface CallIdWrite {
  readonly sessionKey: string;
  readonly callId: number;
  /** Milliseconds since the epoch: the session must not have expired by then. */
  readonly now: number;
}
