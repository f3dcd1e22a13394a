/**
 * The one statement that claims a sign-in attempt: an upsert whose every SET reads the row as it
 * was, so of concurrent claims each sees the one before it. Values PostgreSQL cannot type from
 * their place in the statement carry a CAST.
 *
 * R = the count is older than the window (start again); B = the subject is blocked now.
 *   failures       R ? 1 : B ? unchanged : +1
 *   wait_ms        R ? reset_wait : B ? unchanged : next wait (0 below the free attempts, then first, doubling, capped)
 *   blocked_until  R ? now + reset_wait : B ? unchanged : now + next wait
 *   last_claim     the claim's random id when it was counted, so RETURNING says whether it was.
 */
import { randomBytes } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { AttemptPolicy } from './records.js';

const bigint = (value: number) => sql`CAST(${value} AS BIGINT)`;
const integer = (value: number) => sql`CAST(${value} AS INTEGER)`;

export function claimStatement(subject: string, at: Date, policy: AttemptPolicy): RawBuilder<{ blocked_until: number; allowed: number }> {
  const now = bigint(at.getTime());
  // The wait a count of one earns: none, unless not even one attempt is free.
  const resetWait = bigint(policy.freeAttempts > 1 ? 0 : policy.firstWaitMs);
  const firstWait = bigint(policy.firstWaitMs);
  const maxWait = bigint(policy.maxWaitMs);
  const claim = randomBytes(12).toString('base64url');
  const reset = sql`counted.first_failure_at <= ${bigint(at.getTime() - policy.windowMs)}`;
  const blocked = sql`counted.blocked_until > ${now}`;
  const nextWait = sql`CASE WHEN counted.failures + 1 < ${integer(policy.freeAttempts)} THEN 0
      WHEN counted.wait_ms = 0 THEN ${firstWait}
      WHEN counted.wait_ms * 2 > ${maxWait} THEN ${maxWait}
      ELSE counted.wait_ms * 2 END`;
  return sql`INSERT INTO sign_in_failures AS counted (subject, failures, first_failure_at, last_failure_at, wait_ms, blocked_until, last_claim)
VALUES (${subject}, 1, ${now}, ${now}, ${resetWait}, ${now} + ${resetWait}, ${claim})
ON CONFLICT (subject) DO UPDATE SET
  failures = CASE WHEN ${reset} THEN 1 WHEN ${blocked} THEN counted.failures ELSE counted.failures + 1 END,
  first_failure_at = CASE WHEN ${reset} THEN ${now} ELSE counted.first_failure_at END,
  last_failure_at = CASE WHEN ${reset} OR NOT ${blocked} THEN ${now} ELSE counted.last_failure_at END,
  wait_ms = CASE WHEN ${reset} THEN ${resetWait} WHEN ${blocked} THEN counted.wait_ms ELSE ${nextWait} END,
  blocked_until = CASE WHEN ${reset} THEN ${now} + ${resetWait} WHEN ${blocked} THEN counted.blocked_until
    ELSE ${now} + ${nextWait} END,
  last_claim = CASE WHEN ${reset} OR NOT ${blocked} THEN ${claim} ELSE counted.last_claim END
RETURNING blocked_until, CASE WHEN last_claim = ${claim} THEN 1 ELSE 0 END AS allowed`;
}

export function refundStatement(subject: string, policy: AttemptPolicy): RawBuilder<unknown> {
  const free = integer(policy.freeAttempts);
  return sql`UPDATE sign_in_failures SET
  failures = failures - 1,
  wait_ms = CASE WHEN failures - 1 < ${free} THEN 0 ELSE wait_ms END,
  blocked_until = CASE WHEN failures - 1 < ${free} THEN 0 ELSE blocked_until END
WHERE subject = ${subject} AND failures > 0`;
}
