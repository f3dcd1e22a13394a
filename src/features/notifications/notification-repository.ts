/**
 * Notifications in the database, for both dialects. A send and the count of its allocation run in
 * one transaction, under SQLite's write lock or, on PostgreSQL, an advisory lock per (app, person
 * counted), so that two sends at once on two instances cannot both use the last of an allowance.
 */
import { sql, type Selectable } from 'kysely';
import type { Database, Tx } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import { valueList, type ValueList } from '../../db/value-list.js';
import type { Allowance, Delivery, NewNotification, NotificationKind, NotificationReading, NotificationRepository, StoredNotification } from './records.js';
import type { NotificationsTable } from './tables.js';

type Row = Selectable<NotificationsTable>;

function notificationOf(row: Row): StoredNotification {
  return {
    notificationId: Number(row.notification_id),
    recipient: Number(row.recipient_uid),
    sender: row.sender_uid === null ? null : Number(row.sender_uid),
    appId: row.app_id === null ? null : Number(row.app_id),
    kind: row.kind as NotificationKind,
    titleHtml: row.title_html,
    titleText: row.title_text,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    href: row.href,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
    unread: Number(row.is_unread) === 1,
    hidden: Number(row.is_hidden) === 1,
  };
}

export class StoredNotificationRepository implements NotificationRepository {
  readonly #db: Database;
  readonly #ids: ValueList<number>;
  readonly #received;
  readonly #receivedUnread;
  readonly #sent;
  readonly #unreadCount;

  constructor(db: Database) {
    this.#db = db;
    this.#ids = valueList<number>(db, 'bigint');
    const received = (unreadOnly: boolean) => (q: Database['query'], p: Placeholders<{ uid: number; since: number; changedSince: number; limit: number }>) => {
      const query = q.selectFrom('notifications').selectAll().where('recipient_uid', '=', p.uid).where('created_at', '>=', p.since).where('updated_at', '>=', p.changedSince);
      return (unreadOnly ? query.where('is_unread', '=', 1) : query).orderBy('created_at', 'desc').orderBy('notification_id', 'desc').limit(p.limit);
    };
    this.#received = prepareQuery(db, received(false));
    this.#receivedUnread = prepareQuery(db, received(true));
    this.#sent = prepareQuery(db, (q, p: Placeholders<{ uid: number; since: number; limit: number }>) =>
      q
        .selectFrom('notifications')
        .selectAll()
        .where('sender_uid', '=', p.uid)
        .where('kind', '=', 'user_to_user')
        .where('created_at', '>=', p.since)
        .orderBy('created_at', 'desc')
        .orderBy('notification_id', 'desc')
        .limit(p.limit),
    );
    this.#unreadCount = prepareQuery(db, (q, p: Placeholders<{ uid: number; since: number }>) =>
      q
        .selectFrom('notifications')
        .select(sql<number | string>`COUNT(*)`.as('unread'))
        .where('recipient_uid', '=', p.uid)
        .where('is_unread', '=', 1)
        .where('is_hidden', '=', 0)
        .where('created_at', '>=', p.since),
    );
  }

  async deliver(notification: NewNotification, recipients: readonly Delivery[], allowance: Allowance | undefined): Promise<number[]> {
    if (recipients.length === 0) return [];
    const at = notification.at.getTime();
    return this.#db.transaction(async (trx) => {
      const allowed = allowance === undefined || notification.appId === null ? recipients : await this.#allowed(trx, notification, recipients, allowance);
      if (allowed.length === 0) return [];
      await trx
        .insertInto('notifications')
        .values(
          allowed.map((recipient) => ({
            recipient_uid: recipient.uid,
            sender_uid: notification.sender,
            app_id: notification.appId,
            kind: notification.kind,
            title_html: recipient.titleHtml,
            title_text: recipient.titleText,
            body_html: notification.bodyHtml,
            body_text: notification.bodyText,
            href: notification.href,
            created_at: at,
            updated_at: at,
            is_unread: 1,
            is_hidden: 0,
          })),
        )
        .execute();
      return allowed.map((recipient) => recipient.uid);
    });
  }

  /** The recipients the allowance leaves room for, in order. */
  async #allowed(trx: Tx, notification: NewNotification, recipients: readonly Delivery[], allowance: Allowance): Promise<readonly Delivery[]> {
    const appId = notification.appId!;
    const since = allowance.since.getTime();
    if (allowance.per === 'sender') {
      const sender = notification.sender ?? 0;
      await this.#db.lockPair(trx, appId, sender);
      const row = await trx
        .selectFrom('notifications')
        .select(sql<number | string>`COUNT(*)`.as('sent'))
        .where('sender_uid', '=', sender)
        .where('app_id', '=', appId)
        .where('kind', '=', notification.kind)
        .where('created_at', '>=', since)
        .executeTakeFirst();
      return recipients.slice(0, Math.max(0, allowance.limit - Number(row?.sent ?? 0)));
    }
    const uids = [...new Set(recipients.map((recipient) => recipient.uid))].sort((a, b) => a - b);
    // In uid order, so that two sends to overlapping people take the locks alike and never wait on each other.
    for (const uid of uids) await this.#db.lockPair(trx, appId, uid);
    const rows = await trx
      .selectFrom('notifications')
      .select(['recipient_uid', sql<number | string>`COUNT(*)`.as('received')])
      .where('app_id', '=', appId)
      .where('kind', '=', notification.kind)
      .where(this.#ids.contains(sql.ref('recipient_uid'), this.#ids.bind(uids)))
      .where('created_at', '>=', since)
      .groupBy('recipient_uid')
      .execute();
    const received = new Map(rows.map((row) => [Number(row.recipient_uid), Number(row.received)]));
    return recipients.filter((recipient) => (received.get(recipient.uid) ?? 0) < allowance.limit);
  }

  async received(uid: number, reading: NotificationReading): Promise<StoredNotification[]> {
    if (reading.limit <= 0) return [];
    const query = reading.includeRead ? this.#received : this.#receivedUnread;
    const changedSince = reading.changedSince?.getTime() ?? 0;
    return (await query.all({ uid, since: reading.since.getTime(), changedSince, limit: reading.limit })).map(notificationOf);
  }

  async sent(uid: number, since: Date, limit: number): Promise<StoredNotification[]> {
    if (limit <= 0) return [];
    return (await this.#sent.all({ uid, since: since.getTime(), limit })).map(notificationOf);
  }

  async unreadCount(uid: number, since: Date): Promise<number> {
    const row = await this.#unreadCount.first({ uid, since: since.getTime() });
    return Number(row?.unread ?? 0);
  }

  async markRead(uid: number, ids: readonly number[] | 'all'): Promise<number> {
    if (ids !== 'all' && ids.length === 0) return 0;
    // Reading is not a change of the notification: updated_time stays, so start_time polls do not see it again.
    let update = this.#db.query.updateTable('notifications').set({ is_unread: 0 }).where('recipient_uid', '=', uid).where('is_unread', '=', 1);
    if (ids !== 'all') update = update.where(this.#ids.contains(sql.ref('notification_id'), this.#ids.bind(ids)));
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async deleteBefore(before: Date): Promise<number> {
    const result = await this.#db.query.deleteFrom('notifications').where('created_at', '<', before.getTime()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
