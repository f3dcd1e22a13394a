/**
 * The FQL tables of the inbox: `mailbox_folder` (a person's three folders and their counts),
 * `thread` (a thread as it sits in one of the viewer's folders) and `message`. All three read only
 * the session user's own mailbox, and only for an app they granted read_mailbox (612 otherwise).
 *
 * A thread the viewer both received and wrote in is in their Inbox and their Sent Messages, so a
 * lookup by thread_id alone gives a row for each folder it is in (folder_id tells them apart).
 */
import { column, defineFqlTable, type FqlContext } from '../../fql/table.js';
import { fqlError } from '../../fql/errors.js';
import { array, int, string, time, type FqlScalar, type FqlValue } from '../../fql/types.js';
import { MAX_FOLDER_READ } from './mailbox-service.js';
import { messageIdOf, parseMessageId, seconds, threadFields } from './mailbox-values.js';
import { MESSAGE_ATTACHMENT } from './mailbox-types.js';
import { FOLDER_NAMES, INBOX, isFolderId, SENT, type FolderCount, type FolderId, type MailboxThread, type MailMessage } from './records.js';

const PRIVACY = 'Needs a session, and the session user’s read_mailbox permission (612). Only the session user’s own mailbox: viewer_id may name only them (604).';

/** The session user, once it is known that they let the calling app read their mailbox. Asked once per call. */
async function mailboxReader(context: FqlContext): Promise<number> {
  const viewer = context.viewer!;
  const allowed = await context.memo('mailbox.read_mailbox', () => context.services.grants.hasPermission(viewer, context.app.appId, 'read_mailbox'));
  if (!allowed) throw fqlError(612, 'the mailbox tables need the read_mailbox permission');
  return viewer;
}

function onlyTheViewer(lookup: { readonly column: string; readonly values: readonly FqlScalar[] }, context: FqlContext): string | undefined {
  if (lookup.column !== 'viewer_id' || lookup.values.every((value) => value === context.viewer)) return undefined;
  return 'viewer_id may name only the session user';
}

function folderIds(values: readonly FqlScalar[]): FolderId[] {
  return [...new Set(values.map(Number))].filter(isFolderId);
}

export interface FolderRow extends FolderCount {
  readonly viewer: number;
}

export const mailboxFolderTable = defineFqlTable<FolderRow, undefined>({
  name: 'mailbox_folder',
  summary: 'The folders of the session user’s mailbox (Inbox, Sent Messages, Updates) and how many threads each holds; WHERE 1 lists them all.',
  privacyDoc: PRIVACY,
  session: 'required',
  key: ['folder_id'],
  viewerColumn: 'viewer_id',
  refuse: onlyTheViewer,
  columns: {
    folder_id: column(int, '0 Inbox, 1 Sent Messages, 4 Updates', (row) => row.folderId, { index: true }),
    viewer_id: column(int, 'the session user', (row) => row.viewer, { index: true }),
    name: column(string, 'Inbox, Sent Messages or Updates', (row) => FOLDER_NAMES[row.folderId]),
    unread_count: column(int, 'threads with messages the viewer has not read', (row) => row.unread),
    total_count: column(int, 'threads in the folder', (row) => row.total),
  },
  fetch: async (name, values, context) => {
    const viewer = await mailboxReader(context);
    const wanted = name === 'viewer_id' ? (values.includes(viewer) ? undefined : []) : folderIds(values);
    if (wanted !== undefined && wanted.length === 0) return [];
    const folders = await context.services.mailbox.folders(viewer);
    return folders.filter((folder) => wanted === undefined || wanted.includes(folder.folderId)).map((folder) => ({ ...folder, viewer }));
  },
  facts: async (_rows, context) => {
    await mailboxReader(context);
    return undefined;
  },
});

/** A thread as it sits in one of the viewer's folders. */
export interface ThreadRow {
  readonly thread: MailboxThread;
  readonly folderId: FolderId;
  /** The thread's fields as the method writes them, made once per row. */
  readonly fields: Readonly<Record<string, FqlValue>>;
}

function inFolders(thread: MailboxThread): ThreadRow[] {
  const fields = threadFields(thread);
  const rows: ThreadRow[] = [];
  if (thread.inInbox) rows.push({ thread, folderId: INBOX, fields });
  if (thread.inSent) rows.push({ thread, folderId: SENT, fields });
  return rows;
}

/** The newest MAX_FOLDER_READ threads of each of these folders of the viewer. */
async function threadsInFolders(viewer: number, folders: readonly FolderId[], context: FqlContext): Promise<ThreadRow[]> {
  const read = await Promise.all(folders.map((folderId) => context.services.mailbox.folder(viewer, folderId, { limit: MAX_FOLDER_READ })));
  return read.flatMap((threads, index) => threads.map((thread) => ({ thread, folderId: folders[index]!, fields: threadFields(thread) })));
}

const threadField = (name: string) => (row: ThreadRow) => row.fields[name]!;

export const threadTable = defineFqlTable<ThreadRow, undefined>({
  name: 'thread',
  summary: 'Threads of the session user’s mailbox: by folder, by id, or all of them (WHERE 1); newest first.',
  privacyDoc: `${PRIVACY} A lookup by folder reads the newest ${MAX_FOLDER_READ} threads of the folder.`,
  session: 'required',
  key: ['thread_id', 'folder_id'],
  viewerColumn: 'viewer_id',
  refuse: onlyTheViewer,
  columns: {
    thread_id: column(int, 'the thread', (row) => row.thread.threadId, { index: true }),
    folder_id: column(int, 'the viewer’s folder it is in: 0 Inbox (someone else wrote in it), 1 Sent Messages (the viewer did), 4 Updates', (row) => row.folderId, { index: true }),
    subject: column(string, 'as its starter typed it; empty when none', threadField('subject')),
    recipients: column(array(int, 'uid'), 'everyone in it, its starter first', threadField('recipients')),
    updated_time: column(time, 'when its newest message was written', threadField('updated_time')),
    parent_message_id: column(string, 'always 0: threads do not branch', threadField('parent_message_id')),
    parent_thread_id: column(int, 'always 0', threadField('parent_thread_id')),
    message_count: column(int, 'messages in it', threadField('message_count')),
    snippet: column(string, 'the start of its newest message, on one line', threadField('snippet')),
    snippet_author: column(int, 'who wrote its newest message', threadField('snippet_author')),
    object_id: column(int, 'always 0: written by people, not by pages or apps', threadField('object_id')),
    unread: column(int, 'messages by others the viewer has not read (0: read)', threadField('unread')),
    viewer_id: column(int, 'the session user', (row) => row.thread.viewer),
  },
  fetch: async (name, values, context) => {
    const viewer = await mailboxReader(context);
    switch (name) {
      case 'thread_id': {
        const threads = await context.services.mailbox.threads(viewer, values.map(Number).filter(Number.isSafeInteger));
        return threads.flatMap(inFolders);
      }
      case 'folder_id':
        return threadsInFolders(viewer, folderIds(values), context);
      default:
        // WHERE 1: every folder of the viewer.
        return values.includes(viewer) ? threadsInFolders(viewer, [INBOX, SENT], context) : [];
    }
  },
  facts: async (_rows, context) => {
    await mailboxReader(context);
    return undefined;
  },
});

export const messageTable = defineFqlTable<MailMessage & { readonly viewer: number }, undefined>({
  name: 'message',
  summary: 'Messages of threads in the session user’s mailbox, by thread or by message id; in the order written.',
  privacyDoc: PRIVACY,
  session: 'required',
  key: ['message_id'],
  columns: {
    message_id: column(string, '<thread_id>_<n>, n counting from 0 in the order written', (message) => messageIdOf(message.threadId, message.position), { index: true }),
    thread_id: column(int, 'its thread', (message) => message.threadId, { index: true }),
    author_id: column(int, 'who wrote it', (message) => message.author ?? 0),
    body: column(string, 'plain text, as typed', (message) => message.body),
    created_time: column(time, 'when it was written', (message) => seconds(message.createdAt)),
    attachment: column(MESSAGE_ATTACHMENT, 'always empty: messages written on Hearth carry none', () => ({})),
    viewer_id: column(int, 'the session user', (message) => message.viewer),
  },
  fetch: async (name, values, context) => {
    const viewer = await mailboxReader(context);
    const { mailbox } = context.services;
    if (name === 'thread_id') {
      const threads = await mailbox.threads(viewer, values.map(Number).filter(Number.isSafeInteger));
      return (await mailbox.messagesOf(threads)).map((message) => ({ ...message, viewer }));
    }
    const named = values.flatMap((value) => parseMessageId(String(value)) ?? []);
    const threads = await mailbox.threads(viewer, [...new Set(named.map((id) => id.threadId))]);
    const wanted = new Set(named.map((id) => messageIdOf(id.threadId, id.position)));
    return (await mailbox.messagesOf(threads)).filter((message) => wanted.has(messageIdOf(message.threadId, message.position))).map((message) => ({ ...message, viewer }));
  },
  facts: async (_rows, context) => {
    await mailboxReader(context);
    return undefined;
  },
});
