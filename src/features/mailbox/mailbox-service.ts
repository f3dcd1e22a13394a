/**
 * The inbox's rules, shared by the pages, the API and the CLI. A person starts a thread with up to
 * MAX_RECIPIENTS of their friends, with an optional subject; anyone in a thread may reply in it.
 * A thread is in a person's Inbox once someone else wrote in it, and in their Sent Messages once
 * they wrote in it themselves (so a conversation with replies both ways is in both). Unread is
 * per person: the messages by others since they last opened the thread; writing in it reads it.
 * Subjects and bodies are plain text, kept as typed (line breaks made \n) and escaped wherever
 * they are shown.
 */
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import type { Services, Store } from '../feature.js';
import { fullName } from '../stream/stream-service.js';
import { FOLDER_IDS, type FolderCount, type FolderId, type MailboxThread, type MailMessage, type UnreadSummary } from './records.js';

export type { FolderId, MailboxThread, MailMessage, UnreadSummary } from './records.js';

/** The most people one message starts a thread with, besides its author. */
export const MAX_RECIPIENTS = 20;
export const MAX_SUBJECT_LENGTH = 100;
export const MAX_BODY_LENGTH = 10_000;
/** A thread takes no more messages than this; a longer conversation goes on in a new thread. */
export const MAX_MESSAGES_PER_THREAD = 500;
/** The characters of the newest message a thread's snippet shows. */
export const SNIPPET_LENGTH = 100;
/** The most threads one read of a folder gives. */
export const MAX_FOLDER_READ = 1000;

export interface NewMessage {
  readonly from: number;
  readonly to: readonly number[];
  /** Optional: empty for none. */
  readonly subject?: string;
  readonly body: string;
}

/** What a reply came to. */
export type ReplyOutcome = 'done' | 'no-such-thread' | 'full';

/** A thread with all its messages, as one participant reads it. */
export interface ThreadReading {
  readonly thread: MailboxThread;
  readonly messages: readonly MailMessage[];
}

function characters(text: string): number {
  return [...text].length;
}

/** One line: control characters and runs of spaces become one space. */
export function cleanSubject(text: string): string {
  const subject = text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  if (characters(subject) > MAX_SUBJECT_LENGTH) throw new InvalidInputError(`a subject may be at most ${MAX_SUBJECT_LENGTH} characters long`);
  return subject;
}

/** Line breaks as \n, no other control characters but tabs, no blank lines around it. */
export function cleanBody(text: string): string {
  const body = text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .replace(/^\s*\n|\s+$/g, '');
  if (body.trim() === '') throw new InvalidInputError('a message needs some text');
  if (characters(body) > MAX_BODY_LENGTH) throw new InvalidInputError(`a message may be at most ${MAX_BODY_LENGTH} characters long`);
  return body;
}

/** The start of a message, on one line: what a thread's list shows of its newest message. */
export function snippetOf(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= SNIPPET_LENGTH ? line : chars.slice(0, SNIPPET_LENGTH).join('');
}

export class MailboxService {
  readonly #store: Store;
  readonly #services: Pick<Services, 'people' | 'friends'>;

  constructor(store: Store, services: Pick<Services, 'people' | 'friends'>) {
    this.#store = store;
    this.#services = services;
  }

  /**
   * The threads in the person's Inbox with messages they have not read, and the newest of them
   * (by its newest message), for notifications.get's `messages`: `mostRecent` is its thread id,
   * `mostRecentTime` the Unix time of its newest message; both 0 when nothing is unread.
   */
  unreadSummary(uid: number): Promise<UnreadSummary> {
    return this.#store.mailbox.unreadSummary(uid);
  }

  /**
   * Starts a thread from `from` to their friends `to`: the thread id. Throws InvalidInputError
   * with a reason meant for the sender (nobody named, too many, someone not a friend, no text).
   */
  async send(message: NewMessage, now = new Date()): Promise<number> {
    const recipients = [...new Set(message.to)];
    if (recipients.length === 0) throw new InvalidInputError('name at least one friend to write to');
    if (recipients.includes(message.from)) throw new InvalidInputError('you cannot send a message to yourself');
    if (recipients.length > MAX_RECIPIENTS) throw new InvalidInputError(`a message may go to at most ${MAX_RECIPIENTS} people at once`);
    const subject = cleanSubject(message.subject ?? '');
    const body = cleanBody(message.body);
    const people = new Map((await this.#services.people.findMany(recipients)).map((person) => [person.uid, person]));
    const missing = recipients.find((uid) => !people.has(uid));
    if (missing !== undefined) throw new InvalidInputError(`there is nobody with uid ${missing}`);
    const friends = await this.#services.friends.friendsAmong(message.from, recipients);
    const stranger = recipients.find((uid) => !friends.has(uid));
    if (stranger !== undefined) throw new InvalidInputError(`you can send messages only to your friends, and ${fullName(people.get(stranger))} is not one of them`);
    return this.#store.mailbox.create({ author: message.from, recipients, subject, body, at: now });
  }

  /** A message by `uid` in a thread they are in. Throws InvalidInputError for a body without text or too long. */
  async reply(uid: number, threadId: number, text: string, now = new Date()): Promise<ReplyOutcome> {
    const body = cleanBody(text);
    const outcome = await this.#store.mailbox.append(threadId, uid, body, now, MAX_MESSAGES_PER_THREAD);
    return typeof outcome === 'string' ? outcome : 'done';
  }

  /** The person's threads in a folder, newest first; at most MAX_FOLDER_READ at a time. */
  folder(uid: number, folderId: FolderId, page: { readonly limit: number; readonly offset?: number }): Promise<MailboxThread[]> {
    return this.#store.mailbox.inFolder(uid, folderId, Math.min(page.limit, MAX_FOLDER_READ), page.offset ?? 0);
  }

  /** Those of these threads the person is in, newest first. */
  threads(uid: number, threadIds: readonly number[]): Promise<MailboxThread[]> {
    return this.#store.mailbox.byIds(uid, threadIds);
  }

  /** Every message of these threads, by thread and position. Only for threads the reader is in. */
  messagesOf(threads: readonly MailboxThread[]): Promise<MailMessage[]> {
    return this.#store.mailbox.messagesOf(threads.map((thread) => thread.threadId));
  }

  /** A thread with its messages, if the person is in it; without marking it read. */
  async read(uid: number, threadId: number): Promise<ThreadReading | undefined> {
    const [thread] = await this.#store.mailbox.byIds(uid, [threadId]);
    if (thread === undefined) return undefined;
    return { thread, messages: await this.#store.mailbox.messagesOf([threadId]) };
  }

  /** The person opens a thread: its messages, and it is read from now on. Undefined if they are not in it. */
  async open(uid: number, threadId: number): Promise<ThreadReading | undefined> {
    const reading = await this.read(uid, threadId);
    if (reading === undefined) return undefined;
    if (reading.thread.unread > 0) await this.#store.mailbox.markRead(uid, threadId);
    return reading;
  }

  /** The person's folders with their thread counts, in folder order (Inbox, Sent Messages, Updates). */
  async folders(uid: number): Promise<FolderCount[]> {
    const counts = await this.#store.mailbox.folderCounts(uid);
    return FOLDER_IDS.map((folderId) => counts.find((count) => count.folderId === folderId) ?? { folderId, total: 0, unread: 0 });
  }
}
