/** One-time account codes in the database, for both dialects. */
import type { Database, Executor, Tx } from '../../db/database.js';
import type { AccountCodesTable } from './tables.js';
import type { AccountCode, AccountCodeRepository, CodeHolder, CodePurpose, NewAccountCode } from './records.js';

function toCode(row: AccountCodesTable): AccountCode {
  return {
    codeHash: row.code_hash,
    purpose: row.purpose as CodePurpose,
    email: row.email,
    uid: row.uid === null ? null : Number(row.uid),
    firstName: row.first_name,
    lastName: row.last_name,
    passwordHash: row.password_hash,
    createdAt: new Date(Number(row.created_at)),
    expiresAt: new Date(Number(row.expires_at)),
  };
}

function holderColumn(holder: CodeHolder): ['email', string] | ['uid', number] {
  return 'email' in holder ? ['email', holder.email] : ['uid', holder.uid];
}

export class StoredAccountCodeRepository implements AccountCodeRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  get #query(): Executor {
    return this.#db.query;
  }

  async replace(code: NewAccountCode, holder: CodeHolder | undefined, now: Date): Promise<void> {
    await this.#db.transaction(async (trx) => {
      if (holder) await this.#deleteFor(trx, code.purpose, holder);
      await trx
        .insertInto('account_codes')
        .values({
          code_hash: code.codeHash,
          purpose: code.purpose,
          email: code.email,
          uid: code.uid,
          first_name: code.firstName,
          last_name: code.lastName,
          password_hash: code.passwordHash,
          created_at: now.getTime(),
          expires_at: code.expiresAt.getTime(),
        })
        .execute();
    });
  }

  async find(codeHash: string, purpose: CodePurpose, now: Date): Promise<AccountCode | undefined> {
    const row = await this.#query
      .selectFrom('account_codes')
      .selectAll()
      .where('code_hash', '=', codeHash)
      .where('purpose', '=', purpose)
      .where('expires_at', '>', now.getTime())
      .executeTakeFirst();
    return row && toCode(row);
  }

  async consume(codeHash: string, purpose: CodePurpose, now: Date, trx?: Tx): Promise<AccountCode | undefined> {
    const row = await (trx ?? this.#query)
      .deleteFrom('account_codes')
      .where('code_hash', '=', codeHash)
      .where('purpose', '=', purpose)
      .where('expires_at', '>', now.getTime())
      .returningAll()
      .executeTakeFirst();
    return row && toCode(row);
  }

  async findFor(purpose: CodePurpose, holder: CodeHolder, now: Date): Promise<AccountCode | undefined> {
    const [column, value] = holderColumn(holder);
    const row = await this.#query
      .selectFrom('account_codes')
      .selectAll()
      .where('purpose', '=', purpose)
      .where(column, '=', value)
      .where('expires_at', '>', now.getTime())
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row && toCode(row);
  }

  deleteFor(purpose: CodePurpose, holder: CodeHolder): Promise<number> {
    return this.#deleteFor(this.#query, purpose, holder);
  }

  async #deleteFor(executor: Executor, purpose: CodePurpose, holder: CodeHolder): Promise<number> {
    const [column, value] = holderColumn(holder);
    const result = await executor.deleteFrom('account_codes').where('purpose', '=', purpose).where(column, '=', value).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.#query.deleteFrom('account_codes').where('expires_at', '<=', now.getTime()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
