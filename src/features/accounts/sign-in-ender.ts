/**
 * Ends every way a person is signed in, in one transaction: their browsers' sign-ins, their API
 * sessions with every app, and auth tokens already bound to them (which would otherwise still be
 * exchanged for a session). Run when their password changes. Sessions the session service
 * remembers are re-checked in the store by each call's call_id update, so they end at once too.
 */
import type { Database } from '../../db/database.js';
import type { SignInEnder } from './records.js';

export class StoredSignInEnder implements SignInEnder {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  endAll(uid: number): Promise<number> {
    return this.#db.transaction(async (trx) => {
      let ended = 0;
      for (const table of ['browser_sign_ins', 'api_sessions', 'auth_tokens'] as const) {
        ended += Number((await trx.deleteFrom(table).where('uid', '=', uid).executeTakeFirst()).numDeletedRows);
      }
      return ended;
    });
  }
}
