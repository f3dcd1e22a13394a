/** Browser sign-ins and the failure counts that slow down password guessing. */
import { toNumbered } from '../../db/named-sql.js';
import { CLAIM_SQL, claimParams, REFUND_SQL } from './sign-in-attempt-sql.js';
import type { AttemptClaim, AttemptPolicy, BrowserSignIn, BrowserSignInRepository, KnownBrowserRepository, SignInAttemptRepository } from '../store.js';
import type { PostgresConnection } from '../../db/postgres/postgres-connection.js';

export class PostgresBrowserSignInRepository implements BrowserSignInRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async create(signIn: BrowserSignIn): Promise<void> {
    await this.#db.query('INSERT INTO browser_sign_ins (id_hash, uid, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      signIn.idHash,
      signIn.uid,
      Date.now(),
      signIn.expiresAt.getTime(),
    ]);
  }

  async find(idHash: string, now: Date): Promise<BrowserSignIn | undefined> {
    const { rows } = await this.#db.query<{ id_hash: string; uid: number; expires_at: number }>(
      'SELECT id_hash, uid, expires_at FROM browser_sign_ins WHERE id_hash = $1 AND expires_at > $2',
      [idHash, now.getTime()],
    );
    const row = rows[0];
    return row && { idHash: row.id_hash, uid: row.uid, expiresAt: new Date(row.expires_at) };
  }

  async delete(idHash: string): Promise<void> {
    await this.#db.query('DELETE FROM browser_sign_ins WHERE id_hash = $1', [idHash]);
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.#db.query('DELETE FROM browser_sign_ins WHERE expires_at <= $1', [now.getTime()])).rowCount!;
  }
}

export class PostgresSignInAttemptRepository implements SignInAttemptRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async claim(subject: string, now: Date, policy: AttemptPolicy): Promise<AttemptClaim> {
    const { text, values } = toNumbered(CLAIM_SQL, { ...claimParams(subject, now, policy) });
    const row = (await this.#db.query<{ blocked_until: string | number; allowed: number }>(text, values)).rows[0]!;
    return Number(row.allowed) === 1 ? { allowed: true } : { allowed: false, blockedUntil: new Date(Number(row.blocked_until)) };
  }

  async refund(subject: string, policy: AttemptPolicy): Promise<void> {
    const { text, values } = toNumbered(REFUND_SQL, { subject, free: policy.freeAttempts });
    await this.#db.query(text, values);
  }

  async clear(subject: string): Promise<void> {
    await this.#db.query('DELETE FROM sign_in_failures WHERE subject = $1', [subject]);
  }

  async deleteOlderThan(before: Date): Promise<number> {
    return (await this.#db.query('DELETE FROM sign_in_failures WHERE last_failure_at < $1', [before.getTime()])).rowCount!;
  }
}

export class PostgresKnownBrowserRepository implements KnownBrowserRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async remember(idHash: string, uid: number, expiresAt: Date): Promise<void> {
    await this.#db.query(
      'INSERT INTO known_browsers (id_hash, uid, expires_at) VALUES ($1, $2, $3) ON CONFLICT (id_hash, uid) DO UPDATE SET expires_at = excluded.expires_at',
      [idHash, uid, expiresAt.getTime()],
    );
  }

  async isKnown(idHash: string, uid: number, now: Date): Promise<boolean> {
    const { rows } = await this.#db.query('SELECT uid FROM known_browsers WHERE id_hash = $1 AND uid = $2 AND expires_at > $3', [idHash, uid, now.getTime()]);
    return rows.length > 0;
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.#db.query('DELETE FROM known_browsers WHERE expires_at <= $1', [now.getTime()])).rowCount!;
  }
}
