/**
 * App requests in the database, for both dialects. A send and the count of the sender's allowance
 * run in one transaction, under SQLite's write lock or, on PostgreSQL, an advisory lock per (app,
 * sender), so that two sends at once on two instances cannot both use the last of it.
 */
import { sql, type Selectable } from 'kysely';
import type { Database, Tx } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import type { AppRequestRepository, NewAppRequest, RequestAllowance, StoredAppRequest } from './records.js';
import type { AppRequestsTable } from './tables.js';

type Row = Selectable<AppRequestsTable>;

function requestOf(row: Row): StoredAppRequest {
  return {
    requestId: Number(row.request_id),
    appId: Number(row.app_id),
    sender: Number(row.sender_uid),
    recipient: Number(row.recipient_uid),
    type: row.type,
    invite: Number(row.is_invite) === 1,
    content: row.content,
    at: new Date(Number(row.created_at)),
  };
}

export class StoredAppRequestRepository implements AppRequestRepository {
  readonly #db: Database;
  readonly #sentSince;
  readonly #waiting;
  readonly #waitingCount;

  constructor(db: Database) {
    this.#db = db;
    this.#sentSince = prepareQuery(db, (q, p: Placeholders<{ sender: number; appId: number; since: number }>) =>
      q
        .selectFrom('app_requests')
        .select(sql<number | string>`COUNT(*)`.as('sent'))
        .where('sender_uid', '=', p.sender)
        .where('app_id', '=', p.appId)
        .where('created_at', '>=', p.since),
    );
    this.#waiting = prepareQuery(db, (q, p: Placeholders<{ uid: number; since: number; limit: number }>) =>
      q
        .selectFrom('app_requests')
        .selectAll()
        .where('recipient_uid', '=', p.uid)
        .where('answered_at', 'is', null)
        .where('created_at', '>=', p.since)
        .orderBy('created_at', 'desc')
        .orderBy('request_id', 'desc')
        .limit(p.limit),
    );
    this.#waitingCount = prepareQuery(db, (q, p: Placeholders<{ uid: number; since: number }>) =>
      q
        .selectFrom('app_requests')
        .select(sql<number | string>`COUNT(*)`.as('waiting'))
        .where('recipient_uid', '=', p.uid)
        .where('answered_at', 'is', null)
        .where('created_at', '>=', p.since),
    );
  }

  async sentSince(sender: number, appId: number, since: Date): Promise<number> {
    const row = await this.#sentSince.first({ sender, appId, since: since.getTime() });
    return Number(row?.sent ?? 0);
  }

  async send(request: NewAppRequest, recipients: readonly number[], allowance: RequestAllowance): Promise<number[]> {
    if (recipients.length === 0) return [];
    return this.#db.transaction(async (trx) => {
      await this.#db.lockPair(trx, request.appId, request.sender);
      const row = await this.#sentSince.first({ sender: request.sender, appId: request.appId, since: allowance.since.getTime() }, trx);
      const allowed = recipients.slice(0, Math.max(0, allowance.limit - Number(row?.sent ?? 0)));
      if (allowed.length === 0) return [];
      const at = request.at.getTime();
      await trx
        .insertInto('app_requests')
        .values(
          allowed.map((recipient) => ({
            app_id: request.appId,
            sender_uid: request.sender,
            recipient_uid: recipient,
            type: request.type,
            is_invite: request.invite ? 1 : 0,
            content: request.content,
            created_at: at,
            answered_at: null,
          })),
        )
        .execute();
      return allowed;
    });
  }

  async waiting(uid: number, since: Date, limit: number): Promise<StoredAppRequest[]> {
    return (await this.#waiting.all({ uid, since: since.getTime(), limit })).map(requestOf);
  }

  async waitingCount(uid: number, since: Date): Promise<number> {
    const row = await this.#waitingCount.first({ uid, since: since.getTime() });
    return Number(row?.waiting ?? 0);
  }

  async answer(uid: number, requestId: number, at: Date): Promise<StoredAppRequest | undefined> {
    return this.#db.transaction(async (trx) => {
      const row = await trx.selectFrom('app_requests').selectAll().where('request_id', '=', requestId).where('recipient_uid', '=', uid).where('answered_at', 'is', null).executeTakeFirst();
      if (!row) return undefined;
      await trx.updateTable('app_requests').set({ answered_at: at.getTime(), content: '' }).where('request_id', '=', requestId).execute();
      return requestOf(row);
    });
  }

  async deleteBefore(before: Date): Promise<number> {
    const result = await this.#db.query.deleteFrom('app_requests').where('created_at', '<', before.getTime()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

/** Inside the app-removal transaction: the person's waiting requests from the app are answered, their content gone. */
export async function answerRequestsFromApp(trx: Tx, uid: number, appId: number, at: Date): Promise<void> {
  await trx.updateTable('app_requests').set({ answered_at: at.getTime(), content: '' }).where('recipient_uid', '=', uid).where('app_id', '=', appId).where('answered_at', 'is', null).execute();
}
