/** /code_gen.php's codes and the per-app count of code exchanges, for both dialects. */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import type { SessionCode, SessionCodeRepository } from './session-code-records.js';
import './session-code-tables.js';

type Row = { app_id: number; code: string; uid: number; expires_at: number };

const COLUMNS = ['app_id', 'code', 'uid', 'expires_at'] as const;

const toCode = (row: Row): SessionCode => ({ appId: row.app_id, code: row.code, uid: row.uid, expiresAt: new Date(row.expires_at) });

type Window = { appId: number; windowStart: number };

export class StoredSessionCodeRepository implements SessionCodeRepository {
  readonly #replace;
  readonly #findFor;
  readonly #consume;
  readonly #deleteExpired;
  readonly #countAttempt;
  readonly #refundAttempt;
  readonly #deleteWindowsBefore;

  constructor(db: Database) {
    // The person's row is overwritten in place: one statement, so two pages generating at once
    // leave exactly one code, the later one.
    this.#replace = prepareQuery(db, (q, p: Placeholders<{ appId: number; code: string; uid: number; now: number; expiresAt: number }>) =>
      q
        .insertInto('session_codes')
        .values({ app_id: p.appId, code: p.code, uid: p.uid, created_at: p.now, expires_at: p.expiresAt })
        .onConflict((conflict) =>
          conflict.columns(['app_id', 'uid']).doUpdateSet((eb) => ({
            code: eb.ref('excluded.code'),
            created_at: eb.ref('excluded.created_at'),
            expires_at: eb.ref('excluded.expires_at'),
          })),
        ),
    );
    this.#findFor = prepareQuery(db, (q, p: Placeholders<{ appId: number; uid: number; now: number }>) =>
      q.selectFrom('session_codes').select(COLUMNS).where('app_id', '=', p.appId).where('uid', '=', p.uid).where('expires_at', '>', p.now),
    );
    // DELETE … RETURNING is the atomic exchange: of concurrent exchanges exactly one gets the row.
    this.#consume = prepareQuery(db, (q, p: Placeholders<{ appId: number; code: string; now: number }>) =>
      q.deleteFrom('session_codes').where('app_id', '=', p.appId).where('code', '=', p.code).where('expires_at', '>', p.now).returning(COLUMNS),
    );
    this.#deleteExpired = prepareQuery(db, (q, p: Placeholders<{ now: number }>) => q.deleteFrom('session_codes').where('expires_at', '<=', p.now));
    // One upsert: concurrent attempts of one window each see the count before them.
    this.#countAttempt = prepareQuery(db, (q, p: Placeholders<Window>) =>
      q
        .insertInto('session_code_failures')
        .values({ app_id: p.appId, window_start: p.windowStart, attempts: 1 })
        .onConflict((conflict) => conflict.columns(['app_id', 'window_start']).doUpdateSet({ attempts: sql`session_code_failures.attempts + 1` }))
        .returning('attempts'),
    );
    this.#refundAttempt = prepareQuery(db, (q, p: Placeholders<Window>) =>
      q
        .updateTable('session_code_failures')
        .set({ attempts: sql`attempts - 1` })
        .where('app_id', '=', p.appId)
        .where('window_start', '=', p.windowStart)
        .where('attempts', '>', 0),
    );
    this.#deleteWindowsBefore = prepareQuery(db, (q, p: Placeholders<{ before: number }>) => q.deleteFrom('session_code_failures').where('window_start', '<', p.before));
  }

  async replace(code: SessionCode, now: Date): Promise<void> {
    await this.#replace.run({ appId: code.appId, code: code.code, uid: code.uid, now: now.getTime(), expiresAt: code.expiresAt.getTime() });
  }

  async findFor(appId: number, uid: number, now: Date): Promise<SessionCode | undefined> {
    const row = await this.#findFor.first({ appId, uid, now: now.getTime() });
    return row && toCode(row);
  }

  async consume(appId: number, code: string, now: Date): Promise<SessionCode | undefined> {
    const row = await this.#consume.first({ appId, code, now: now.getTime() });
    return row && toCode(row);
  }

  deleteExpired(now: Date): Promise<number> {
    return this.#deleteExpired.changed({ now: now.getTime() });
  }

  async countAttempt(appId: number, windowStart: Date): Promise<number> {
    return (await this.#countAttempt.first({ appId, windowStart: windowStart.getTime() }))!.attempts;
  }

  async refundAttempt(appId: number, windowStart: Date): Promise<void> {
    await this.#refundAttempt.run({ appId, windowStart: windowStart.getTime() });
  }

  deleteWindowsBefore(before: Date): Promise<number> {
    return this.#deleteWindowsBefore.changed({ before: before.getTime() });
  }
}
