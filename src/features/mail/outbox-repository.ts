/**
 * The outbox in the database, for both dialects. A mail is claimed for delivery by an UPDATE that
 * only succeeds while nobody holds it, so two instances retrying the same waiting mails never both
 * hand one to the relay.
 */
import { sql, type Selectable } from 'kysely';
import type { Database, Tx } from '../../db/database.js';
import type { Allowance, MailKind, NewOutboxMail, OutboxListing, OutboxMail, OutboxRepository } from './records.js';
import type { MailOutboxTable } from './tables.js';

type Row = Selectable<MailOutboxTable>;

const numberOrNull = (value: number | string | null) => (value === null ? null : Number(value));
const dateOrNull = (value: number | string | null) => (value === null ? null : new Date(Number(value)));

function mailOf(row: Row): OutboxMail {
  return {
    id: Number(row.id),
    kind: row.kind as MailKind,
    appId: numberOrNull(row.app_id),
    toUid: numberOrNull(row.to_uid),
    toAddress: row.to_address,
    fromName: row.from_name,
    fromAddress: row.from_address,
    subject: row.subject,
    text: row.text,
    html: row.html,
    createdAt: new Date(Number(row.created_at)),
    sentAt: dateOrNull(row.sent_at),
    lastError: row.last_error,
    attempts: Number(row.attempts),
  };
}

function rowOf(mail: NewOutboxMail) {
  return {
    kind: mail.kind,
    app_id: mail.appId,
    to_uid: mail.toUid,
    to_address: mail.toAddress,
    from_name: mail.fromName,
    from_address: mail.fromAddress,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    created_at: mail.createdAt.getTime(),
    sent_at: null,
    last_error: null,
    attempts: 0,
    locked_until: mail.lockedUntil?.getTime() ?? null,
  };
}

export class StoredOutboxRepository implements OutboxRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async add(mail: NewOutboxMail, trx: Tx | undefined = undefined): Promise<OutboxMail> {
    const row = await (trx ?? this.#db.query).insertInto('mail_outbox').values(rowOf(mail)).returningAll().executeTakeFirstOrThrow();
    return mailOf(row);
  }

  async addWithinAllowance(mails: readonly NewOutboxMail[], allowance: Allowance): Promise<OutboxMail[]> {
    return this.#db.transaction(async (trx) => {
      const added: OutboxMail[] = [];
      for (const mail of mails) {
        if (allowance.limit >= 0 && mail.appId !== null && mail.toUid !== null) {
          await this.#db.lockPair(trx, mail.appId, mail.toUid);
          const counted = await this.#countsSince(trx, mail.appId, [mail.toUid], allowance.since);
          if ((counted.get(mail.toUid) ?? 0) >= allowance.limit) continue;
        }
        added.push(await this.add(mail, trx));
      }
      return added;
    });
  }

  async find(id: number): Promise<OutboxMail | undefined> {
    const row = await this.#db.query.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
    return row && mailOf(row);
  }

  async list(listing: OutboxListing): Promise<OutboxMail[]> {
    let query = this.#db.query.selectFrom('mail_outbox').selectAll();
    if (listing.unsent) query = query.where('sent_at', 'is', null);
    const rows = await query.orderBy('id', 'desc').limit(listing.limit).execute();
    return rows.map(mailOf);
  }

  async pending(now: Date, limit: number, maxAttempts: number): Promise<OutboxMail[]> {
    const rows = await this.#db.query
      .selectFrom('mail_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.getTime())]))
      .where('attempts', '<', maxAttempts)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(mailOf);
  }

  async claim(id: number, now: Date, until: Date): Promise<boolean> {
    const result = await this.#db.query
      .updateTable('mail_outbox')
      .set({ locked_until: until.getTime() })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.getTime())]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async release(id: number): Promise<void> {
    await this.#db.query.updateTable('mail_outbox').set({ locked_until: null }).where('id', '=', id).where('sent_at', 'is', null).execute();
  }

  async markSent(id: number, at: Date): Promise<void> {
    await this.#db.query
      .updateTable('mail_outbox')
      .set({ sent_at: at.getTime(), last_error: null, attempts: sql<number>`attempts + 1`, locked_until: null })
      .where('id', '=', id)
      .execute();
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.#db.query
      .updateTable('mail_outbox')
      .set({ last_error: error, attempts: sql<number>`attempts + 1`, locked_until: null })
      .where('id', '=', id)
      .execute();
  }

  countsSince(appId: number, uids: readonly number[], since: Date): Promise<Map<number, number>> {
    return this.#countsSince(this.#db.query, appId, uids, since);
  }

  async #countsSince(executor: Database['query'] | Tx, appId: number, uids: readonly number[], since: Date): Promise<Map<number, number>> {
    if (uids.length === 0) return new Map();
    const rows = await executor
      .selectFrom('mail_outbox')
      .select(['to_uid', sql<number | string>`COUNT(*)`.as('mails')])
      .where('app_id', '=', appId)
      .where('to_uid', 'in', [...uids])
      .where('created_at', '>=', since.getTime())
      .groupBy('to_uid')
      .execute();
    return new Map(rows.map((row) => [Number(row.to_uid), Number(row.mails)]));
  }

  async deleteSentBefore(before: Date): Promise<number> {
    const result = await this.#db.query.deleteFrom('mail_outbox').where('sent_at', '<', before.getTime()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
