/**
 * The mailbox in the database, for both dialects. A thread's message count is its next message's
 * position: adding a message raises it in the UPDATE that also takes the thread's row lock, so two
 * replies at once (on one instance or two) get positions one after the other, and the message,
 * the count and every participant's unread count change in one transaction.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import { valueList, type ValueList } from '../../db/value-list.js';
import { INBOX, SENT, type AppendOutcome, type FolderCount, type FolderId, type MailboxRepository, type MailboxThread, type MailMessage, type NewThread, type UnreadSummary } from './records.js';

interface ThreadRow {
  thread_id: number | string;
  subject: string;
  message_count: number | string;
  created_at: number | string;
  updated_at: number | string;
  last_author: number | string | null;
  last_body: string;
  viewer: number | string;
  unread: number | string;
  in_inbox: number | string;
  in_sent: number | string;
}

/** A participant's threads with their newest message, newest first, where `condition` holds (of `p`, the participant's row). */
function threadsWhere(condition: RawBuilder<unknown>, page: RawBuilder<unknown> = sql``): RawBuilder<ThreadRow> {
  return sql<ThreadRow>`SELECT t.thread_id, t.subject, t.message_count, t.created_at, t.updated_at,
      m.author_uid AS last_author, m.body AS last_body, p.uid AS viewer, p.unread, p.in_inbox, p.in_sent
    FROM mail_participants p
    JOIN mail_threads t ON t.thread_id = p.thread_id
    JOIN mail_messages m ON m.thread_id = t.thread_id AND m.position = t.message_count - 1
    WHERE ${condition}
    ORDER BY t.updated_at DESC, t.thread_id DESC ${page}`;
}

const newestFirst = (a: MailboxThread, b: MailboxThread) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.threadId - a.threadId;

export class StoredMailboxRepository implements MailboxRepository {
  readonly #db: Database;
  readonly #ids: ValueList<number>;
  readonly #inInbox;
  readonly #inSent;
  readonly #byIds;
  readonly #participants;
  readonly #messages;
  readonly #unreadSummary;
  readonly #folderCounts;
  readonly #markRead;

  constructor(db: Database) {
    this.#db = db;
    const ids = (this.#ids = valueList<number>(db, 'bigint'));
    const inFolder = (flag: 'in_inbox' | 'in_sent') => (_q: unknown, p: Placeholders<{ uid: number; limit: number; offset: number }>) =>
      threadsWhere(sql`p.uid = ${p.uid} AND ${sql.ref(`p.${flag}`)} = 1`, sql`LIMIT ${p.limit} OFFSET ${p.offset}`);
    this.#inInbox = prepareQuery(db, inFolder('in_inbox'));
    this.#inSent = prepareQuery(db, inFolder('in_sent'));
    this.#byIds = prepareQuery(db, (_q, p: Placeholders<{ uid: number; ids: unknown }>) => threadsWhere(sql`p.uid = ${p.uid} AND ${ids.contains(sql.ref('p.thread_id'), p.ids)}`));
    this.#participants = prepareQuery(db, (q, p: Placeholders<{ ids: unknown }>) =>
      q.selectFrom('mail_participants').select(['thread_id', 'uid']).where(ids.contains(sql.ref('thread_id'), p.ids)).orderBy('thread_id').orderBy('ordinal'),
    );
    this.#messages = prepareQuery(db, (q, p: Placeholders<{ ids: unknown }>) =>
      q.selectFrom('mail_messages').selectAll().where(ids.contains(sql.ref('thread_id'), p.ids)).orderBy('thread_id').orderBy('position'),
    );
    // The count of all matching rows rides along on the newest one.
    this.#unreadSummary = prepareQuery(db, (q, p: Placeholders<{ uid: number }>) =>
      q
        .selectFrom('mail_participants as p')
        .innerJoin('mail_threads as t', 't.thread_id', 'p.thread_id')
        .select([sql<number | string>`COUNT(*) OVER ()`.as('threads'), 't.thread_id', 't.updated_at'])
        .where('p.uid', '=', p.uid)
        .where('p.in_inbox', '=', 1)
        .where('p.unread', '>', 0)
        .orderBy('t.updated_at', 'desc')
        .orderBy('t.thread_id', 'desc')
        .limit(1),
    );
    const unreadIn = (flag: string) => sql<number | string>`COALESCE(SUM(CASE WHEN ${sql.ref(flag)} = 1 AND unread > 0 THEN 1 ELSE 0 END), 0)`;
    this.#folderCounts = prepareQuery(db, (q, p: Placeholders<{ uid: number }>) =>
      q
        .selectFrom('mail_participants')
        .select([
          sql<number | string>`COALESCE(SUM(in_inbox), 0)`.as('inbox_total'),
          unreadIn('in_inbox').as('inbox_unread'),
          sql<number | string>`COALESCE(SUM(in_sent), 0)`.as('sent_total'),
          unreadIn('in_sent').as('sent_unread'),
        ])
        .where('uid', '=', p.uid),
    );
    this.#markRead = prepareQuery(db, (q, p: Placeholders<{ uid: number; threadId: number }>) =>
      q.updateTable('mail_participants').set({ unread: 0 }).where('uid', '=', p.uid).where('thread_id', '=', p.threadId),
    );
  }

  async create(thread: NewThread): Promise<number> {
    const at = thread.at.getTime();
    return this.#db.transaction(async (trx) => {
      const row = await trx
        .insertInto('mail_threads')
        .values({ subject: thread.subject, message_count: 1, created_at: at, updated_at: at })
        .returning('thread_id')
        .executeTakeFirstOrThrow();
      const threadId = Number(row.thread_id);
      await trx.insertInto('mail_messages').values({ thread_id: threadId, position: 0, author_uid: thread.author, body: thread.body, created_at: at }).execute();
      await trx
        .insertInto('mail_participants')
        .values([
          { thread_id: threadId, uid: thread.author, ordinal: 0, unread: 0, in_inbox: 0, in_sent: 1 },
          ...thread.recipients.map((uid, index) => ({ thread_id: threadId, uid, ordinal: index + 1, unread: 1, in_inbox: 1, in_sent: 0 })),
        ])
        .execute();
      return threadId;
    });
  }

  async append(threadId: number, author: number, body: string, at: Date, maxMessages: number): Promise<AppendOutcome> {
    return this.#db.transaction(async (trx) => {
      const member = await trx.selectFrom('mail_participants').select('uid').where('thread_id', '=', threadId).where('uid', '=', author).executeTakeFirst();
      if (member === undefined) return 'no-such-thread';
      const counted = await trx
        .updateTable('mail_threads')
        .set({ message_count: sql<number>`message_count + 1`, updated_at: at.getTime() })
        .where('thread_id', '=', threadId)
        .where('message_count', '<', maxMessages)
        .returning('message_count')
        .executeTakeFirst();
      if (counted === undefined) return 'full';
      const position = Number(counted.message_count) - 1;
      await trx.insertInto('mail_messages').values({ thread_id: threadId, position, author_uid: author, body, created_at: at.getTime() }).execute();
      // Writing in a thread reads it; the others have one more message to read, in their Inbox.
      await trx
        .updateTable('mail_participants')
        .set({
          unread: sql<number>`CASE WHEN uid = ${author} THEN 0 ELSE unread + 1 END`,
          in_inbox: sql<number>`CASE WHEN uid = ${author} THEN in_inbox ELSE 1 END`,
          in_sent: sql<number>`CASE WHEN uid = ${author} THEN 1 ELSE in_sent END`,
        })
        .where('thread_id', '=', threadId)
        .execute();
      return { position };
    });
  }

  async markRead(uid: number, threadId: number): Promise<boolean> {
    return (await this.#markRead.changed({ uid, threadId })) > 0;
  }

  async inFolder(uid: number, folder: FolderId, limit: number, offset: number): Promise<MailboxThread[]> {
    if (limit <= 0) return [];
    // Nothing sends Updates (bulk messages of pages, groups and apps) yet.
    const query = folder === INBOX ? this.#inInbox : folder === SENT ? this.#inSent : undefined;
    if (query === undefined) return [];
    return this.#withParticipants(await query.all({ uid, limit, offset }));
  }

  async byIds(uid: number, threadIds: readonly number[]): Promise<MailboxThread[]> {
    if (threadIds.length === 0) return [];
    return (await this.#withParticipants(await this.#byIds.all({ uid, ids: this.#ids.bind(threadIds) }))).sort(newestFirst);
  }

  async messagesOf(threadIds: readonly number[]): Promise<MailMessage[]> {
    if (threadIds.length === 0) return [];
    return (await this.#messages.all({ ids: this.#ids.bind(threadIds) })).map((row) => ({
      threadId: Number(row.thread_id),
      position: Number(row.position),
      author: row.author_uid === null ? null : Number(row.author_uid),
      body: row.body,
      createdAt: new Date(Number(row.created_at)),
    }));
  }

  async unreadSummary(uid: number): Promise<UnreadSummary> {
    const row = await this.#unreadSummary.first({ uid });
    if (row === undefined) return { unread: 0, mostRecent: 0, mostRecentTime: 0 };
    return { unread: Number(row.threads), mostRecent: Number(row.thread_id), mostRecentTime: Math.floor(Number(row.updated_at) / 1000) };
  }

  async folderCounts(uid: number): Promise<FolderCount[]> {
    const row = await this.#folderCounts.first({ uid });
    return [
      { folderId: 0, total: Number(row?.inbox_total ?? 0), unread: Number(row?.inbox_unread ?? 0) },
      { folderId: 1, total: Number(row?.sent_total ?? 0), unread: Number(row?.sent_unread ?? 0) },
      { folderId: 4, total: 0, unread: 0 },
    ];
  }

  async #withParticipants(rows: readonly ThreadRow[]): Promise<MailboxThread[]> {
    if (rows.length === 0) return [];
    const members = await this.#participants.all({ ids: this.#ids.bind(rows.map((row) => Number(row.thread_id))) });
    const byThread = new Map<number, number[]>();
    for (const member of members) {
      const list = byThread.get(Number(member.thread_id)) ?? [];
      list.push(Number(member.uid));
      byThread.set(Number(member.thread_id), list);
    }
    return rows.map((row) => ({
      threadId: Number(row.thread_id),
      subject: row.subject,
      messageCount: Number(row.message_count),
      createdAt: new Date(Number(row.created_at)),
      updatedAt: new Date(Number(row.updated_at)),
      last: { author: row.last_author === null ? null : Number(row.last_author), body: row.last_body },
      viewer: Number(row.viewer),
      unread: Number(row.unread),
      inInbox: Number(row.in_inbox) === 1,
      inSent: Number(row.in_sent) === 1,
      participants: byThread.get(Number(row.thread_id)) ?? [],
    }));
  }
}
