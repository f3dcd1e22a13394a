/** Browser sign-ins (the platform's cookie) and the failure counts that slow down password guessing. */
import type { AttemptClaim, AttemptPolicy, BrowserSignIn, BrowserSignInRepository, KnownBrowserRepository, SignInAttemptRepository } from '../store.js';
import { CLAIM_SQL, claimParams, REFUND_SQL, type ClaimParams } from './sign-in-attempt-sql.js';
import { guarded, type SqliteDatabase } from '../../db/sqlite/sqlite-connection.js';

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

interface ClaimRow {
  blocked_until: number;
  allowed: number;
}

export class SqliteSignInAttemptRepository implements SignInAttemptRepository {
  readonly #claim;
  readonly #refund;
  readonly #clear;
  readonly #deleteOlder;

  constructor(db: SqliteDatabase) {
    this.#deleteOlder = db.prepare<[number]>('DELETE FROM sign_in_failures WHERE last_failure_at < ?');
    this.#claim = db.prepare<ClaimParams, ClaimRow>(CLAIM_SQL);
    this.#refund = db.prepare<{ subject: string; free: number }>(REFUND_SQL);
    this.#clear = db.prepare<[string]>('DELETE FROM sign_in_failures WHERE subject = ?');
  }

  claim(subject: string, now: Date, policy: AttemptPolicy): Promise<AttemptClaim> {
    return guarded(() => {
      const row = this.#claim.get(claimParams(subject, now, policy))!;
      return row.allowed ? { allowed: true } : { allowed: false, blockedUntil: new Date(row.blocked_until) };
    });
  }

  refund(subject: string, policy: AttemptPolicy): Promise<void> {
    return guarded(() => void this.#refund.run({ subject, free: policy.freeAttempts }));
  }

  clear(subject: string): Promise<void> {
    return guarded(() => void this.#clear.run(subject));
  }

  deleteOlderThan(before: Date): Promise<number> {
    return guarded(() => this.#deleteOlder.run(before.getTime()).changes);
  }
}

export class SqliteKnownBrowserRepository implements KnownBrowserRepository {
  readonly #remember;
  readonly #find;
  readonly #deleteExpired;

  constructor(db: SqliteDatabase) {
    this.#remember = db.prepare<[string, number, number]>(
      'INSERT INTO known_browsers (id_hash, uid, expires_at) VALUES (?, ?, ?) ON CONFLICT (id_hash, uid) DO UPDATE SET expires_at = excluded.expires_at',
    );
    this.#find = db.prepare<[string, number, number], { uid: number }>('SELECT uid FROM known_browsers WHERE id_hash = ? AND uid = ? AND expires_at > ?');
    this.#deleteExpired = db.prepare<[number]>('DELETE FROM known_browsers WHERE expires_at <= ?');
  }

  remember(idHash: string, uid: number, expiresAt: Date): Promise<void> {
    return guarded(() => void this.#remember.run(idHash, uid, expiresAt.getTime()));
  }

  isKnown(idHash: string, uid: number, now: Date): Promise<boolean> {
    return guarded(() => this.#find.get(idHash, uid, now.getTime()) !== undefined);
  }

  deleteExpired(now: Date): Promise<number> {
    return guarded(() => this.#deleteExpired.run(now.getTime()).changes);
  }
}
