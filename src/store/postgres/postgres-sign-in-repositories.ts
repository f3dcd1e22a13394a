/** Browser sign-ins and the failure counts that slow down password guessing. */
import type { BrowserSignIn, BrowserSignInRepository, SignInFailureRepository } from '../store.js';
import type { PostgresConnection } from './postgres-connection.js';

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

interface FailureRow {
  failures: number;
  first_failure_at: number;
  last_failure_at: number;
}

export class PostgresSignInFailureRepository implements SignInFailureRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async record(subject: string, now: Date, windowMs: number) {
    const { rows } = await this.#db.query<FailureRow>(
      `INSERT INTO sign_in_failures AS counted (subject, failures, first_failure_at, last_failure_at) VALUES ($1, 1, $2, $2)
       ON CONFLICT (subject) DO UPDATE SET
         failures = CASE WHEN counted.first_failure_at <= $3 THEN 1 ELSE counted.failures + 1 END,
         first_failure_at = CASE WHEN counted.first_failure_at <= $3 THEN $2 ELSE counted.first_failure_at END,
         last_failure_at = $2
       RETURNING failures, first_failure_at, last_failure_at`,
      [subject, now.getTime(), now.getTime() - windowMs],
    );
    return { failures: rows[0]!.failures, lastFailureAt: new Date(rows[0]!.last_failure_at) };
  }

  async get(subject: string) {
    const { rows } = await this.#db.query<FailureRow>('SELECT failures, first_failure_at, last_failure_at FROM sign_in_failures WHERE subject = $1', [subject]);
    const row = rows[0];
    return row && { failures: row.failures, firstFailureAt: new Date(row.first_failure_at), lastFailureAt: new Date(row.last_failure_at) };
  }

  async clear(subject: string): Promise<void> {
    await this.#db.query('DELETE FROM sign_in_failures WHERE subject = $1', [subject]);
  }

  async deleteOlderThan(before: Date): Promise<number> {
    return (await this.#db.query('DELETE FROM sign_in_failures WHERE last_failure_at < $1', [before.getTime()])).rowCount!;
  }
}
