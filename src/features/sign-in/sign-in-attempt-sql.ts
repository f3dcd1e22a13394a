/**
 * The one statement that claims a sign-in attempt, for both backends: an upsert whose every SET
 * reads the row as it was, so of concurrent claims each sees the one before it. Written with
 * `@name` parameters (SQLite's own), turned into `$n` for PostgreSQL by `toNumbered` (named-sql.ts).
 *
 * R = the count is older than the window (start again); B = the subject is blocked now.
 *   failures       R ? 1 : B ? unchanged : +1
 *   wait_ms        R ? reset_wait : B ? unchanged : next wait (0 below the free attempts, then first, doubling, capped)
 *   blocked_until  R ? now + reset_wait : B ? unchanged : now + next wait
 *   last_claim     the claim's random id when it was counted, so RETURNING says whether it was.
 */
import { randomBytes } from 'node:crypto';
import type { AttemptPolicy } from '../store.js';

const RESET = 'counted.first_failure_at <= CAST(@window_start AS BIGINT)';
const BLOCKED = 'counted.blocked_until > CAST(@now AS BIGINT)';
const NEXT_WAIT = `CASE WHEN counted.failures + 1 < CAST(@free AS INTEGER) THEN 0
      WHEN counted.wait_ms = 0 THEN CAST(@first_wait AS BIGINT)
      WHEN counted.wait_ms * 2 > CAST(@max_wait AS BIGINT) THEN CAST(@max_wait AS BIGINT)
      ELSE counted.wait_ms * 2 END`;

export const CLAIM_SQL = `INSERT INTO sign_in_failures AS counted (subject, failures, first_failure_at, last_failure_at, wait_ms, blocked_until, last_claim)
VALUES (@subject, 1, CAST(@now AS BIGINT), CAST(@now AS BIGINT), CAST(@reset_wait AS BIGINT), CAST(@now AS BIGINT) + CAST(@reset_wait AS BIGINT), @claim)
ON CONFLICT (subject) DO UPDATE SET
  failures = CASE WHEN ${RESET} THEN 1 WHEN ${BLOCKED} THEN counted.failures ELSE counted.failures + 1 END,
  first_failure_at = CASE WHEN ${RESET} THEN CAST(@now AS BIGINT) ELSE counted.first_failure_at END,
  last_failure_at = CASE WHEN ${RESET} OR NOT ${BLOCKED} THEN CAST(@now AS BIGINT) ELSE counted.last_failure_at END,
  wait_ms = CASE WHEN ${RESET} THEN CAST(@reset_wait AS BIGINT) WHEN ${BLOCKED} THEN counted.wait_ms ELSE ${NEXT_WAIT} END,
  blocked_until = CASE WHEN ${RESET} THEN CAST(@now AS BIGINT) + CAST(@reset_wait AS BIGINT) WHEN ${BLOCKED} THEN counted.blocked_until
    ELSE CAST(@now AS BIGINT) + ${NEXT_WAIT} END,
  last_claim = CASE WHEN ${RESET} OR NOT ${BLOCKED} THEN @claim ELSE counted.last_claim END
RETURNING blocked_until, CASE WHEN last_claim = @claim THEN 1 ELSE 0 END AS allowed`;

export const REFUND_SQL = `UPDATE sign_in_failures SET
  failures = failures - 1,
  wait_ms = CASE WHEN failures - 1 < CAST(@free AS INTEGER) THEN 0 ELSE wait_ms END,
  blocked_until = CASE WHEN failures - 1 < CAST(@free AS INTEGER) THEN 0 ELSE blocked_until END
WHERE subject = @subject AND failures > 0`;

export interface ClaimParams {
  readonly subject: string;
  readonly now: number;
  readonly window_start: number;
  readonly free: number;
  readonly first_wait: number;
  readonly max_wait: number;
  readonly reset_wait: number;
  readonly claim: string;
}

export function claimParams(subject: string, now: Date, policy: AttemptPolicy): ClaimParams {
  return {
    subject,
    now: now.getTime(),
    window_start: now.getTime() - policy.windowMs,
    free: policy.freeAttempts,
    first_wait: policy.firstWaitMs,
    max_wait: policy.maxWaitMs,
    // The wait a count of one earns: none, unless not even one attempt is free.
    reset_wait: policy.freeAttempts > 1 ? 0 : policy.firstWaitMs,
    claim: randomBytes(12).toString('base64url'),
  };
}
