/** Browser sign-ins (the platform's cookie), the attempt counts that slow down password guessing, and known browsers, for both dialects. */
import type { Executor } from '../../db/database.js';
import type { AttemptClaim, AttemptPolicy, BrowserSignIn, BrowserSignInRepository, KnownBrowserRepository, SignInAttemptRepository } from './records.js';
import { claimStatement, refundStatement } from './sign-in-attempt-sql.js';

export class StoredBrowserSignInRepository implements BrowserSignInRepository {
  readonly #db: Executor;

  constructor(db: Executor) {
    this.#db = db;
  }

  async create(signIn: BrowserSignIn): Promise<void> {
    await this.#db
      .insertInto('browser_sign_ins')
      .values({ id_hash: signIn.idHash, uid: signIn.uid, created_at: Date.now(), expires_at: signIn.expiresAt.getTime() })
      .execute();
  }

  async find(idHash: string, now: Date): Promise<BrowserSignIn | undefined> {
    const row = await this.#db
      .selectFrom('browser_sign_ins')
      .select(['id_hash', 'uid', 'expires_at'])
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', now.getTime())
      .executeTakeFirst();
    return row && { idHash: row.id_hash, uid: row.uid, expiresAt: new Date(row.expires_at) };
  }

  async delete(idHash: string): Promise<void> {
    await this.#db.deleteFrom('browser_sign_ins').where('id_hash', '=', idHash).execute();
  }

  async deleteExpired(now: Date): Promise<number> {
    return Number((await this.#db.deleteFrom('browser_sign_ins').where('expires_at', '<=', now.getTime()).executeTakeFirst()).numDeletedRows);
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
  readonly #db: Executor;

  constructor(db: Executor) {
    this.#db = db;
  }

  async remember(idHash: string, uid: number, expiresAt: Date): Promise<void> {
    await this.#db
      .insertInto('known_browsers')
      .values({ id_hash: idHash, uid, expires_at: expiresAt.getTime() })
      .onConflict((conflict) => conflict.columns(['id_hash', 'uid']).doUpdateSet({ expires_at: expiresAt.getTime() }))
      .execute();
  }

  async isKnown(idHash: string, uid: number, now: Date): Promise<boolean> {
    const row = await this.#db
      .selectFrom('known_browsers')
      .select('uid')
      .where('id_hash', '=', idHash)
      .where('uid', '=', uid)
      .where('expires_at', '>', now.getTime())
      .executeTakeFirst();
    return row !== undefined;
  }

  async deleteExpired(now: Date): Promise<number> {
    return Number((await this.#db.deleteFrom('known_browsers').where('expires_at', '<=', now.getTime()).executeTakeFirst()).numDeletedRows);
  }
}
