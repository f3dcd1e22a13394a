/** Browser sign-ins (the platform's cookie) and the failure counts that slow down password guessing. */
import type { BrowserSignIn, BrowserSignInRepository, SignInFailureRepository } from '../store.js';
import { guarded, type SqliteDatabase } from './sqlite-connection.js';

export class SqliteBrowserSignInRepository implements BrowserSignInRepository {
  readonly #insert;
  readonly #find;
  readonly #delete;
  readonly #deleteExpired;

  constructor(db: SqliteDatabase) {
    this.#deleteExpired = db.prepare<[number]>('DELETE FROM browser_sign_ins WHERE expires_at <= ?');
    this.#insert = db.prepare<[string, number, number, number]>('INSERT INTO browser_sign_ins (id_hash, uid, created_at, expires_at) VALUES (?, ?, ?, ?)');
    this.#find = db.prepare<[string, number], { id_hash: string; uid: number; expires_at: number }>(
      'SELECT id_hash, uid, expires_at FROM browser_sign_ins WHERE id_hash = ? AND expires_at > ?',
    );
    this.#delete = db.prepare<[string]>('DELETE FROM browser_sign_ins WHERE id_hash = ?');
  }

  create(signIn: BrowserSignIn): Promise<void> {
    return guarded(() => void this.#insert.run(signIn.idHash, signIn.uid, Date.now(), signIn.expiresAt.getTime()));
  }

  find(idHash: string, now: Date): Promise<BrowserSignIn | undefined> {
    return guarded(() => {
      const row = this.#find.get(idHash, now.getTime());
      return row && { idHash: row.id_hash, uid: row.uid, expiresAt: new Date(row.expires_at) };
    });
  }

  delete(idHash: string): Promise<void> {
    return guarded(() => void this.#delete.run(idHash));
  }

  deleteExpired(now: Date): Promise<number> {
    return guarded(() => this.#deleteExpired.run(now.getTime()).changes);
  }
}

interface FailureRow {
  failures: number;
  first_failure_at: number;
  last_failure_at: number;
}

export class SqliteSignInFailureRepository implements SignInFailureRepository {
  readonly #record;
  readonly #get;
  readonly #clear;
  readonly #deleteOlder;

  constructor(db: SqliteDatabase) {
    this.#deleteOlder = db.prepare<[number]>('DELETE FROM sign_in_failures WHERE last_failure_at < ?');
    this.#record = db.prepare<{ subject: string; now: number; window_start: number }, FailureRow>(
      `INSERT INTO sign_in_failures (subject, failures, first_failure_at, last_failure_at) VALUES (@subject, 1, @now, @now)
       ON CONFLICT (subject) DO UPDATE SET
         failures = CASE WHEN first_failure_at <= @window_start THEN 1 ELSE failures + 1 END,
         first_failure_at = CASE WHEN first_failure_at <= @window_start THEN @now ELSE first_failure_at END,
         last_failure_at = @now
       RETURNING failures, first_failure_at, last_failure_at`,
    );
    this.#get = db.prepare<[string], FailureRow>('SELECT failures, first_failure_at, last_failure_at FROM sign_in_failures WHERE subject = ?');
    this.#clear = db.prepare<[string]>('DELETE FROM sign_in_failures WHERE subject = ?');
  }

  record(subject: string, now: Date, windowMs: number) {
    return guarded(() => {
      const row = this.#record.get({ subject, now: now.getTime(), window_start: now.getTime() - windowMs })!;
      return { failures: row.failures, lastFailureAt: new Date(row.last_failure_at) };
    });
  }

  get(subject: string) {
    return guarded(() => {
      const row = this.#get.get(subject);
      return row && { failures: row.failures, firstFailureAt: new Date(row.first_failure_at), lastFailureAt: new Date(row.last_failure_at) };
    });
  }

  clear(subject: string): Promise<void> {
    return guarded(() => void this.#clear.run(subject));
  }

  deleteOlderThan(before: Date): Promise<number> {
    return guarded(() => this.#deleteOlder.run(before.getTime()).changes);
  }
}
