/**
 * The mailbox service on both backends: threads, folders, unread counts and the summary
 * notifications.get reads, the sending rules (friends only, limits, plain text), and replies that
 * arrive at the same moment each getting their own position.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, SqliteStore } from '../../src/platform.js';
import type { Services, Store } from '../../src/features/feature.js';
import { MAX_BODY_LENGTH, MAX_MESSAGES_PER_THREAD, MAX_RECIPIENTS, MAX_SUBJECT_LENGTH, snippetOf } from '../../src/features/mailbox/mailbox-service.js';
import { hasPostgres, testSchema, type TestSchema } from '../support/postgres.js';

const BACKENDS = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

const T0 = new Date('2010-01-01T00:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(BACKENDS)('$backend: mailbox', ({ backend, skip }) => {
  let store: Store;
  let services: Services;
  let schema: TestSchema | undefined;
  let ada: number, bob: number, cleo: number, dan: number;
  let count = 0;
  const person = async (first: string) => (await store.people.create({ email: `${first.toLowerCase()}${count++}@example.org`, passwordHash: 'unused', firstName: first, lastName: 'Tester' })).uid;

  beforeAll(async () => {
    if (skip) return;
    schema = backend === 'postgres' ? testSchema() : undefined;
    store = schema ? await schema.open() : SqliteStore.open(':memory:');
    services = createServices(store);
    [ada, bob, cleo, dan] = [await person('Ada'), await person('Bob'), await person('Cleo'), await person('Dan')];
    await services.friends.addDirectly(ada, bob);
    await services.friends.addDirectly(ada, cleo);
  });
  afterAll(async () => {
    await store?.close();
    await schema?.drop();
  });

  it.skipIf(skip)('a new thread: in the sender’s Sent Messages, unread in each recipient’s Inbox; nothing unread gives 0 and 0', async () => {
    const fresh = await person('Fresh');
    expect(await services.mailbox.unreadSummary(fresh)).toEqual({ unread: 0, mostRecent: 0, mostRecentTime: 0 });
    const threadId = await services.mailbox.send({ from: ada, to: [bob, cleo], subject: '  Engine\nplans ', body: 'Shall we build it?\r\n' }, at(0));
    const [sent] = await services.mailbox.folder(ada, 1, { limit: 20 });
    expect(sent).toMatchObject({ threadId, subject: 'Engine plans', messageCount: 1, unread: 0, inInbox: false, inSent: true, participants: [ada, bob, cleo], last: { author: ada, body: 'Shall we build it?' } });
    expect(await services.mailbox.folder(ada, 0, { limit: 20 })).toEqual([]);
    const [received] = await services.mailbox.folder(bob, 0, { limit: 20 });
    expect(received).toMatchObject({ threadId, unread: 1, inInbox: true, inSent: false, viewer: bob });
    expect(await services.mailbox.unreadSummary(bob)).toEqual({ unread: 1, mostRecent: threadId, mostRecentTime: Math.floor(at(0).getTime() / 1000) });
    expect(await services.mailbox.unreadSummary(ada)).toMatchObject({ unread: 0, mostRecent: 0 });
  });

  it.skipIf(skip)('replies: positions in order, the others’ unread counts grow, writing reads, opening reads; both folders once both wrote', async () => {
    const threadId = await services.mailbox.send({ from: ada, to: [bob], body: 'One' }, at(10));
    expect(await services.mailbox.reply(ada, threadId, 'Two', at(11))).toBe('done');
    expect((await services.mailbox.threads(bob, [threadId]))[0]).toMatchObject({ unread: 2, messageCount: 2 });
    expect(await services.mailbox.reply(bob, threadId, 'Three', at(12))).toBe('done');
    const [bobs] = await services.mailbox.threads(bob, [threadId]);
    expect(bobs).toMatchObject({ unread: 0, inInbox: true, inSent: true, last: { author: bob, body: 'Three' }, updatedAt: at(12) });
    const [adas] = await services.mailbox.threads(ada, [threadId]);
    expect(adas).toMatchObject({ unread: 1, inInbox: true, inSent: true });
    const reading = await services.mailbox.open(ada, threadId);
    expect(reading!.messages.map((message) => [message.position, message.author, message.body])).toEqual([[0, ada, 'One'], [1, ada, 'Two'], [2, bob, 'Three']]);
    expect((await services.mailbox.threads(ada, [threadId]))[0]!.unread).toBe(0);
    expect((await services.mailbox.folder(ada, 0, { limit: 1 }))[0]!.threadId).toBe(threadId);
  });

  it.skipIf(skip)('only participants read or reply; the others find no thread', async () => {
    const threadId = await services.mailbox.send({ from: ada, to: [bob], body: 'Private' });
    expect(await services.mailbox.open(cleo, threadId)).toBeUndefined();
    expect(await services.mailbox.threads(cleo, [threadId])).toEqual([]);
    expect(await services.mailbox.reply(cleo, threadId, 'Me too')).toBe('no-such-thread');
    expect(await services.mailbox.reply(cleo, 123, 'Nobody')).toBe('no-such-thread');
  });

  it.skipIf(skip)('sending rules: friends only, someone real, not oneself, at most the recipient limit, a body with text, bounded sizes', async () => {
    const refuse = (to: number[], body = 'Hi', subject = '') => expect(services.mailbox.send({ from: ada, to, body, subject })).rejects.toThrow();
    await expect(services.mailbox.send({ from: ada, to: [dan], body: 'Hi' })).rejects.toThrow(/only to your friends, and Dan Tester is not one of them/);
    await expect(services.mailbox.send({ from: ada, to: [], body: 'Hi' })).rejects.toThrow(/at least one friend/);
    await expect(services.mailbox.send({ from: ada, to: [ada], body: 'Hi' })).rejects.toThrow(/yourself/);
    await expect(services.mailbox.send({ from: ada, to: [999_999_999], body: 'Hi' })).rejects.toThrow(/nobody with uid 999999999/);
    await expect(services.mailbox.send({ from: ada, to: [bob], body: ' \n\t ' })).rejects.toThrow(/needs some text/);
    await refuse([bob], 'x'.repeat(MAX_BODY_LENGTH + 1));
    await refuse([bob], 'Hi', 'x'.repeat(MAX_SUBJECT_LENGTH + 1));
    const many = Array.from({ length: MAX_RECIPIENTS + 1 }, (_, index) => 1_000_000 + index);
    await expect(services.mailbox.send({ from: ada, to: many, body: 'Hi' })).rejects.toThrow(new RegExp(`at most ${MAX_RECIPIENTS} people`));
    // Named twice is once; the longest subject and body are taken.
    const threadId = await services.mailbox.send({ from: ada, to: [bob, bob], subject: 'é'.repeat(MAX_SUBJECT_LENGTH), body: '😀'.repeat(MAX_BODY_LENGTH) });
    expect((await services.mailbox.threads(ada, [threadId]))[0]!.participants).toEqual([ada, bob]);
  });

  it.skipIf(skip)('bodies stay plain text: markup kept as typed, control characters dropped, line breaks as \\n; snippets one short line', async () => {
    const threadId = await services.mailbox.send({ from: ada, to: [bob], body: '<b>hi</b>\u0007 &amp;\r\nnext' });
    const reading = await services.mailbox.read(bob, threadId);
    expect(reading!.messages[0]!.body).toBe('<b>hi</b> &amp;\nnext');
    expect(snippetOf('a\n\nb   c')).toBe('a b c');
    expect([...snippetOf('😀'.repeat(300))].length).toBe(100);
  });

  it.skipIf(skip)('folder counts and paging, newest first', async () => {
    const eve = await person('Eve');
    const fay = await person('Fay');
    await services.friends.addDirectly(eve, fay);
    const ids: number[] = [];
    for (let n = 0; n < 5; n++) ids.push(await services.mailbox.send({ from: eve, to: [fay], body: `n${n}` }, at(100 + n)));
    await services.mailbox.open(fay, ids[0]!);
    await services.mailbox.reply(fay, ids[1]!, 'back', at(200));
    expect(await services.mailbox.folders(fay)).toEqual([
      { folderId: 0, total: 5, unread: 3 },
      { folderId: 1, total: 1, unread: 0 },
      { folderId: 4, total: 0, unread: 0 },
    ]);
    expect(await services.mailbox.folders(eve)).toEqual([
      { folderId: 0, total: 1, unread: 1 },
      { folderId: 1, total: 5, unread: 1 },
      { folderId: 4, total: 0, unread: 0 },
    ]);
    expect((await services.mailbox.folder(fay, 0, { limit: 2, offset: 1 })).map((thread) => thread.threadId)).toEqual([ids[4], ids[3]]);
    expect((await services.mailbox.folder(fay, 0, { limit: 20 }))[0]!.threadId).toBe(ids[1]);
    expect(await services.mailbox.folder(fay, 4, { limit: 20 })).toEqual([]);
    expect(await services.mailbox.unreadSummary(fay)).toMatchObject({ unread: 3, mostRecent: ids[4] });
  });

  it.skipIf(skip)('replies at the same moment each get a position; a full thread takes no more', async () => {
    const threadId = await services.mailbox.send({ from: ada, to: [bob] , body: 'Start' });
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, n) => services.mailbox.reply(n % 2 ? ada : bob, threadId, `r${n}`)));
    expect(outcomes.every((outcome) => outcome === 'done')).toBe(true);
    const reading = await services.mailbox.read(ada, threadId);
    expect(reading!.messages.map((message) => message.position)).toEqual(Array.from({ length: 11 }, (_, n) => n));
    expect(reading!.thread.messageCount).toBe(11);
    const full = await store.mailbox.create({ author: ada, recipients: [bob], subject: '', body: 'x', at: new Date() });
    expect(await store.mailbox.append(full, bob, 'y', new Date(), 1)).toBe('full');
    expect(MAX_MESSAGES_PER_THREAD).toBeGreaterThan(100);
  });
});
