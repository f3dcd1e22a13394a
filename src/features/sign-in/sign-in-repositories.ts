/** Browser sign-ins (the platform's cookie), the attempt counts that slow down password guessing, and known browsers, for both dialects. */
import type { Database, Executor } from '../../db/database.js';
import type { AttemptClaim, AttemptPolicy, BrowserSignIn, BrowserSignInRepository, KnownBrowserRepository, SignInAttemptRepository } from './records.js';
import { claimStatement, refundStatement } from './sign-in-attempt-sql.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';

export class StoredBrowserSignInRepository implements BrowserSignInRepository {
  readonly #insert;
  readonly #find;
  readonly #delete;
  readonly #deleteExpired;

  constructor(db: Database) {
    this.#insert = prepareQuery(db, (q, p: Placeholders<{ idHash: string; uid: number; now: number; expiresAt: number }>) =>
      q.insertInto('browser_sign_ins').values({ id_hash: p.idHash, uid: p.uid, created_at: p.now, expires_at: p.expiresAt }),
    );
    this.#find = prepareQuery(db, (q, p: Placeholders<{ idHash: string; now: number }>) =>
      q.selectFrom('browser_sign_ins').select(['id_hash', 'uid', 'expires_at']).where('id_hash', '=', p.idHash).where('expires_at', '>', p.now),
    );
    this.#delete = prepareQuery(db, (q, p: Placeholders<{ idHash: string }>) => q.deleteFrom('browser_sign_ins').where('id_hash', '=', p.idHash));
    this.#deleteExpired = prepareQuery(db, (q, p: Placeholders<{ now: number }>) => q.deleteFrom('browser_sign_ins').where('expires_at', '<=', p.now));
  }

  async create(signIn: BrowserSignIn): Promise<void> {
    await this.#insert.run({ idHash: signIn.idHash, uid: signIn.uid, now: Date.now(), expiresAt: signIn.expiresAt.getTime() });
  }

  async find(idHash: string, now: Date): Promise<BrowserSignIn | undefined> {
    const row = await this.#find.first({ idHash, now: now.getTime() });
    return row && { idHash: row.id_hash, uid: row.uid, expiresAt: new Date(row.expires_at) };
  }

  async delete(idHash: string): Promise<void> {
    await this.#delete.run({ idHash });
  }

  deleteExpired(now: Date): Promise<number> {
    return this.#deleteExpired.changed({ now: now.getTime() });
  }
}

export class StoredSignInAttemptRepository implements SignInAttemptRepository {
  readonly #db: Executor;

  constructor(db: Executor) {
    this.#db = db;
  }

  async claim(subject: string, now: Date, policy: AttemptPolicy): Promise<AttemptClaim> {
    const row = (await claimStatement(subject, now, policy).execute(this.#db)).rows[0]!;
    return Number(row.allowed) === 1 ? { allowed: true } : { allowed: false, blockedUntil: new Date(Number(row.blocked_until)) };
  }

  async refund(subject: string, policy: AttemptPolicy): Promise<void> {
    await refundStatement(subject, policy).execute(this.#db);
  }

  async clear(subject: string): Promise<void> {
    await this.#db.deleteFrom('sign_in_failures').where('subject', '=', subject).execute();
  }

  async deleteOlderThan(before: Date): Promise<number> {
    return Number((await this.#db.deleteFrom('sign_in_failures').where('last_failure_at', '<', before.getTime()).executeTakeFirst()).numDeletedRows);
  }
}

export class StoredKnownBrowserRepository implements KnownBrowserRepository {
  readonly #remember;
  readonly #find;
  readonly #deleteExpired;

  constructor(db: Database) {
    this.#remember = prepareQuery(db, (q, p: Placeholders<{ idHash: string; uid: number; expiresAt: number }>) =>
      q
        .insertInto('known_browsers')
        .values({ id_hash: p.idHash, uid: p.uid, expires_at: p.expiresAt })
        .onConflict((conflict) => conflict.columns(['id_hash', 'uid']).doUpdateSet((eb) => ({ expires_at: eb.ref('excluded.expires_at') }))),
    );
    this.#find = prepareQuery(db, (q, p: Placeholders<{ idHash: string; uid: number; now: number }>) =>
      q.selectFrom('known_browsers').select('uid').where('id_hash', '=', p.idHash).where('uid', '=', p.uid).where('expires_at', '>', p.now),
    );
    this.#deleteExpired = prepareQuery(db, (q, p: Placeholders<{ now: number }>) => q.deleteFrom('known_browsers').where('expires_at', '<=', p.now));
  }

  async remember(idHash: string, uid: number, expiresAt: Date): Promise<void> {
    await this.#remember.run({ idHash, uid, expiresAt: expiresAt.getTime() });
  }

  async isKnown(idHash: string, uid: number, now: Date): Promise<boolean> {
    return (await this.#find.first({ idHash, uid, now: now.getTime() })) !== undefined;
  }

  deleteExpired(now: Date): Promise<number> {
    return this.#deleteExpired.changed({ now: now.getTime() });
  }
}
