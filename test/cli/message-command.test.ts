/** `hearth message send`: messages between friends as an operator seeds them, on the built binary, over SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, SqliteStore } from '../../src/platform.js';
import { expectOperatorError, expectSuccess, hearth, tempDatabase, tempDir, type TempDatabase } from '../support/cli.js';
import { hasPostgres, testSchema } from '../support/postgres.js';

describe('hearth message send', () => {
  let db: TempDatabase;
  let ada: { uid: number };
  let bob: { uid: number };
  let cleo: { uid: number };
  let dan: { uid: number };
  beforeAll(async () => {
    db = await tempDatabase();
    const person = (email: string, name: string) => db.json('user', 'create', '--email', email, '--password', 'analytical engine', '--name', name);
    [ada, bob, cleo, dan] = [await person('ada@example.com', 'Ada Lovelace'), await person('bob@example.com', 'Bob Bobson'), await person('cleo@example.com', 'Cleo Cleary'), await person('dan@example.com', 'Dan Dennett')];
    expectSuccess(await db.run('friend', 'add', 'ada@example.com', 'bob@example.com'));
    expectSuccess(await db.run('friend', 'add', 'ada@example.com', 'cleo@example.com'));
  });
  afterAll(() => db.remove());

  /** What the mailbox holds, read from the database file after the commands ran. */
  async function mailboxOf(uid: number) {
    const store = SqliteStore.open(db.location.slice('sqlite:'.length));
    try {
      const services = createServices(store);
      const threads = await services.mailbox.folder(uid, 0, { limit: 100 });
      return { threads, messages: await services.mailbox.messagesOf(threads) };
    } finally {
      await store.close();
    }
  }

  it('starts a thread to friends named by uid or e-mail, with or without a subject; prints the thread id', async () => {
    const plain = await db.run('message', 'send', '--from', 'ada@example.com', '--to', 'bob@example.com', '--subject', 'Engine plans', '--body', 'Shall we build it?');
    expectSuccess(plain);
    expect(plain.stdout).toMatch(/^\d+\n$/);
    const threadId = Number(plain.stdout);
    const json = await db.json<{ thread_id: number; from: number; to: number[] }>('message', 'send', '--from', String(ada.uid), '--to', ` ${bob.uid}, cleo@example.com,${bob.uid}`, '--body', 'Tea at four?');
    expect(json).toEqual({ thread_id: expect.any(Number), from: ada.uid, to: [bob.uid, cleo.uid] });
    expect(json.thread_id).toBeGreaterThan(threadId);
    const { threads, messages } = await mailboxOf(bob.uid);
    expect(threads.map((thread) => [thread.threadId, thread.subject, thread.unread, thread.participants])).toEqual([
      [json.thread_id, '', 1, [ada.uid, bob.uid, cleo.uid]],
      [threadId, 'Engine plans', 1, [ada.uid, bob.uid]],
    ]);
    expect(messages.filter((message) => message.threadId === threadId).map((message) => [message.author, message.body])).toEqual([[ada.uid, 'Shall we build it?']]);
  });

  it('refuses in one line, exit 1: a stranger, nobody, oneself, an unknown person, no text, missing options', async () => {
    expectOperatorError(await db.run('message', 'send', '--from', 'ada@example.com', '--to', 'dan@example.com', '--body', 'Hi'), 'you can send messages only to your friends, and Dan Dennett is not one of them');
    expectOperatorError(await db.run('message', 'send', '--from', 'ada@example.com', '--to', ' , ', '--body', 'Hi'), '--to names nobody; give uids or e-mails, comma-separated');
    expectOperatorError(await db.run('message', 'send', '--from', 'ada@example.com', '--to', String(ada.uid), '--body', 'Hi'), 'you cannot send a message to yourself');
    expectOperatorError(await db.run('message', 'send', '--from', 'ada@example.com', '--to', 'nobody@example.com', '--body', 'Hi'), 'no person with uid or e-mail "nobody@example.com"');
    expectOperatorError(await db.run('message', 'send', '--from', 'eve@example.com', '--to', 'bob@example.com', '--body', 'Hi'), 'no person with uid or e-mail "eve@example.com"');
    expectOperatorError(await db.run('message', 'send', '--from', 'ada@example.com', '--to', 'bob@example.com', '--body', '  '), 'a message needs some text');
    expectOperatorError(await db.run('message', 'send', '--from', 'ada@example.com', '--to', 'bob@example.com', '--subject', 'x'.repeat(101), '--body', 'Hi'), 'a subject may be at most 100 characters long');
    expectOperatorError(await db.run('message', 'send', '--from', 'ada@example.com', '--to', 'bob@example.com'), /required option '--body <text>' not specified/);
    expectOperatorError(await db.run('message', 'send', '--to', 'bob@example.com', '--body', 'Hi'), /required option '--from <person>' not specified/);
    expect((await mailboxOf(dan.uid)).threads).toEqual([]);
  });

  it.skipIf(!hasPostgres)('works the same over PostgreSQL', async () => {
    const schema = testSchema();
    const dir = await tempDir();
    const run = (...args: string[]) => hearth([...args, '--db', schema.url], { cwd: dir });
    try {
      expectSuccess(await run('migrate'));
      for (const [email, name] of [['ada@example.com', 'Ada Lovelace'], ['bob@example.com', 'Bob Bobson']]) expectSuccess(await run('user', 'create', '--email', email!, '--password', 'analytical engine', '--name', name!));
      expectSuccess(await run('friend', 'add', 'ada@example.com', 'bob@example.com'));
      const sent = await run('message', 'send', '--from', 'ada@example.com', '--to', 'bob@example.com', '--body', 'Over PostgreSQL');
      expectSuccess(sent);
      expect(sent.stdout).toMatch(/^9\d{8}\n$/);
    } finally {
      await schema.drop();
    }
  });
});
