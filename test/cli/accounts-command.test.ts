/** `hearth user create` reading the password from standard input, `hearth user signup` and `hearth user invite`. */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, openStore } from '../../src/platform.js';
import { CLI, cliEnv, expectOperatorError, expectSuccess, tempDatabase, type CliResult, type TempDatabase } from '../support/cli.js';

/** Runs `hearth ARGS… --db DB` with `input` on standard input (a pipe, not a terminal). */
function withStdin(db: TempDatabase, input: string, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args, '--db', db.location], { cwd: db.dir, env: cliEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Whether `password` signs `email` in, asked of the database the commands wrote. */
async function signsIn(db: TempDatabase, email: string, password: string): Promise<boolean> {
  const store = await openStore(db.location);
  try {
    return 'person' in (await createServices(store).signIn.checkPassword({ email, password, address: '203.0.113.1' }));
  } finally {
    await store.close();
  }
}

describe('hearth user: passwords from standard input, sign-up and invitations', () => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await tempDatabase();
  });
  afterAll(() => db.remove());

  it('user create without --password reads the first line of standard input, so it shows in no process list', async () => {
    const created = await withStdin(db, 'piped secret 1\nignored second line\n', 'user', 'create', '--email', 'piped@example.org', '--name', 'Pip Ed');
    expectSuccess(created);
    expect(created.stdout).toContain('email  piped@example.org');
    expect(await signsIn(db, 'piped@example.org', 'piped secret 1')).toBe(true);
    const windows = await withStdin(db, 'crlf secret 2\r\n', 'user', 'create', '--email', 'crlf@example.org', '--name', 'Cr Lf');
    expectSuccess(windows);
    expect(await signsIn(db, 'crlf@example.org', 'crlf secret 2')).toBe(true);
  });

  it('an empty standard input, or a short password there, is one line of error and no account', async () => {
    expectOperatorError(await withStdin(db, '', 'user', 'create', '--email', 'empty@example.org', '--name', 'Em Pty'), 'no password: give --password, or one line on standard input');
    expectOperatorError(await withStdin(db, '\nsecond line\n', 'user', 'create', '--email', 'empty@example.org', '--name', 'Em Pty'), 'no password');
    expectOperatorError(await withStdin(db, 'short\n', 'user', 'create', '--email', 'short@example.org', '--name', 'Sh Ort'), 'a password needs at least 8 characters');
    expect((await db.json<Array<{ email: string }>>('user', 'list')).map((person) => person.email)).not.toContain('empty@example.org');
  });

  it('user signup shows the mode, closed until set, and sets it', async () => {
    const shown = await db.run('user', 'signup');
    expectSuccess(shown);
    expect(shown.stdout).toBe('sign-up is closed\n');
    expect((await db.run('user', 'signup', 'invite')).stdout).toBe('sign-up is invite\n');
    expect((await db.run('user', 'signup')).stdout).toBe('sign-up is invite\n');
    expectOperatorError(await db.run('user', 'signup', 'everyone'), 'sign-up must be one of open, invite, closed, not "everyone"');
  });

  it('user invite prints a sign-up link whose code works, for one address when asked', async () => {
    const invited = await db.run('user', 'invite', '--email', 'Guest@Example.org', '--url', 'https://hearth.example/anything');
    expectSuccess(invited);
    const link = /^https:\/\/hearth\.example\/r\.php\?invite=([A-Za-z0-9_-]{43})$/m.exec(invited.stdout);
    expect(link, invited.stdout).not.toBeNull();
    expect(invited.stdout).toContain(', for guest@example.org only.');
    const store = await openStore(db.location);
    try {
      expect(await createServices(store).signUps.invitation(link![1]!)).toMatchObject({ email: 'guest@example.org' });
    } finally {
      await store.close();
    }
    const json = await db.json<{ link: string; email: string | null; expires_at: string }>('user', 'invite');
    expect(json.link).toMatch(/^http:\/\/127\.0\.0\.1:8080\/r\.php\?invite=[A-Za-z0-9_-]{43}$/);
    expect(json.email).toBeNull();
    expectOperatorError(await db.run('user', 'invite', '--url', 'ftp://files.example'), '--url must start with http:// or https://');
    expectOperatorError(await db.run('user', 'invite', '--email', 'not an address'), 'not an e-mail address');
  });
});
