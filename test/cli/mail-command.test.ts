/**
 * `hearth mail list` and `hearth mail send-pending` on the built binary, and `hearth serve --smtp`:
 * what the operator sees of the outbox, a relay given on the command line, mail that waited going
 * out when the server starts with a relay, and one-line errors for settings Hearth cannot use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, SqliteStore } from '../../src/platform.js';
import { expectOperatorError, expectSuccess, startServer, tempDatabase, type TempDatabase } from '../support/cli.js';
import { closedPort, startTestRelay, type TestRelay } from '../support/smtp.js';

describe('hearth mail', () => {
  let db: TempDatabase;
  let relay: TestRelay;
  let ids: number[];

  /** Mails written as a server without a relay writes them: they wait. */
  async function writeMails(...subjects: string[]): Promise<number[]> {
    const store = SqliteStore.open(db.location.slice('sqlite:'.length));
    try {
      const services = createServices(store, { mail: { domain: 'hearth.example' } });
      const written: number[] = [];
      for (const subject of subjects) written.push((await services.mail.send({ to: 'ada@example.com', subject, text: `Follow ${subject}`, kind: 'confirm-email' })).id);
      return written;
    } finally {
      await store.close();
    }
  }

  beforeAll(async () => {
    db = await tempDatabase();
    expectSuccess(await db.run('migrate'));
    relay = await startTestRelay();
    ids = await writeMails('Confirm your address', 'Recover your password');
  });
  afterAll(async () => {
    await relay?.close();
    await db?.remove();
  });

  it('list: newest first with their status; --json has the text; --unsent and --limit; a bad limit is one line', async () => {
    const table = await db.run('mail', 'list');
    expectSuccess(table);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+KIND\s+TO\s+SUBJECT\s+WRITTEN\s+STATUS$/);
    expect(lines[1]).toMatch(new RegExp(`^${ids[1]}\\s+confirm-email\\s+ada@example.com\\s+Recover your password\\s+\\S+Z\\s+waiting$`));
    expect(lines[2]).toMatch(new RegExp(`^${ids[0]}\\s+confirm-email\\s+ada@example.com\\s+Confirm your address`));
    const json = await db.json<Array<Record<string, unknown>>>('mail', 'list', '--limit', '1');
    expect(json).toEqual([
      {
        id: ids[1], kind: 'confirm-email', app_id: null, to_uid: null, to: 'ada@example.com', from: 'Hearth <noreply@hearth.example>', subject: 'Recover your password',
        text: 'Follow Recover your password', html: null, created_at: expect.stringMatching(/Z$/), sent_at: null, attempts: 0, last_error: null,
      },
    ]);
    expectOperatorError(await db.run('mail', 'list', '--limit', 'ten'), '--limit must be a whole number from 1 to 10000');
  });

  it('send-pending: a relay that is down is one line, exit 1, and the mail waits with the reason; a working one sends it all', async () => {
    const down = await db.run('mail', 'send-pending', '--smtp', `smtp://127.0.0.1:${await closedPort()}`);
    expect(down.stdout).toBe('0 sent, 1 not taken, 2 waiting\n');
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^hearth: the relay smtp:\/\/127\.0\.0\.1:\d+ cannot be reached; the mail waits \(see hearth mail list --unsent\)\n$/);
    // The oldest was tried; the relay being down, the other was left for the next run.
    const [newer, older] = await db.json<Array<{ id: number; attempts: number; last_error: string | null }>>('mail', 'list', '--unsent', '--limit', '2');
    expect(newer).toMatchObject({ id: ids[1], attempts: 0, last_error: null });
    expect(older).toMatchObject({ id: ids[0], attempts: 1 });
    expect(older!.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect((await db.run('mail', 'list')).stdout).toMatch(/waiting, 1 try: /);

    const sent = await db.run('mail', 'send-pending', '--smtp', relay.url);
    expectSuccess(sent);
    expect(sent.stdout).toBe('2 sent, 0 not taken, 0 waiting\n');
    expect(relay.received.map((mail) => mail.parsed.subject)).toEqual(['Confirm your address', 'Recover your password']);
    expect(relay.received[0]!.parsed.from?.value).toEqual([{ name: 'Hearth', address: 'noreply@hearth.example' }]);
    expect((await db.run('mail', 'list', '--unsent')).stdout).toBe('No mail is waiting.\n');
    expect((await db.run('mail', 'list')).stdout).toMatch(/sent \d{4}-\d\d-\d\dT/);
    expectOperatorError(await db.run('mail', 'send-pending', '--smtp', 'http://relay'), '--smtp "http://relay": the scheme must be smtp or smtps, not http; write smtp://host:25 or smtps://user:password@host:465');
    expectOperatorError(await db.run('mail', 'send-pending'), /required option '--smtp <url>' not specified/);
  });

  it('serve --smtp: says where mail goes (nothing without it), and sends what waited as it starts; bad settings are one line, exit 1', async () => {
    const [waiting] = await writeMails('Waited for the server');
    const server = await startServer(['--db', db.location, '--port', '0', '--no-demo', '--smtp', relay.url, '--mail-domain', 'Mail.Hearth.Example'], { cwd: db.dir });
    try {
      await server.waitForStdout(/E-mail goes out through smtp:\/\/127\.0\.0\.1:\d+, from @mail\.hearth\.example\n/);
      const [mail] = (await relay.waitFor(3)).slice(2);
      expect(mail!.parsed.subject).toBe('Waited for the server');
    } finally {
      await server.stop();
    }
    expect((await db.json<Array<{ id: number; sent_at: string | null }>>('mail', 'list', '--limit', '1'))[0]).toMatchObject({ id: waiting, sent_at: expect.any(String) });
    const quiet = await startServer(['--db', db.location, '--port', '0', '--no-demo', '--log-level', 'silent'], { cwd: db.dir });
    try {
      // Without a relay there is no mail line: the two lines of any start (the mail line would come with the second).
      await quiet.waitForStdout(/People sign in to apps/);
      expect(quiet.stdout()).not.toMatch(/E-mail/);
      expect(quiet.stdout().trimEnd().split('\n')).toHaveLength(2);
    } finally {
      await quiet.stop();
    }
    expectOperatorError(await db.run('serve', '--smtp', 'smtp://'), '--smtp "smtp://": no host name; write smtp://host:25 or smtps://user:password@host:465');
    expectOperatorError(await db.run('serve', '--smtp', 'relay.example.org'), /--smtp "relay.example.org": not a URL/);
    expectOperatorError(await db.run('serve', '--mail-domain', 'hearth example'), '--mail-domain "hearth example" is not a domain name (write e.g. hearth.example.org)');
  });
});
