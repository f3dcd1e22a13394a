/**
 * The account mails over a real SMTP relay, end to end: `hearth serve --smtp --signup open`,
 * a sign-up whose confirmation link arrives and makes the account once, then "Forgot your
 * password?" whose link arrives and sets a new password once.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, openStore } from '../../src/platform.js';
import { Browserless, pageText, parseForms } from '../support/browserless.js';
import { expectOperatorError, expectSuccess, startServer, tempDatabase, type RunningServer, type TempDatabase } from '../support/cli.js';
import { startTestRelay, type TestRelay } from '../support/smtp.js';

/** The link with a code in a mail's text part. */
function linkIn(text: string | undefined): string {
  const link = /https?:\/\/\S+\?c=[A-Za-z0-9_-]{43}/.exec(text ?? '')?.[0];
  expect(link, text).toBeDefined();
  return link!;
}

describe('account mails over SMTP', () => {
  let db: TempDatabase;
  let relay: TestRelay;
  let server: RunningServer;
  beforeAll(async () => {
    db = await tempDatabase();
    relay = await startTestRelay();
    server = await startServer(['--db', db.location, '--port', '0', '--no-demo', '--smtp', relay.url, '--signup', 'open', '--log-level', 'silent'], { cwd: db.dir });
  });
  afterAll(async () => {
    await server?.stop();
    await relay?.close();
    await db?.remove();
  });

  /** A stamp as if the form had been shown ten seconds ago (the server checks it with the key in the database). */
  async function oldEnoughStamp(): Promise<string> {
    const store = await openStore(db.location);
    try {
      return await createServices(store).signUps.formStamp(new Date(Date.now() - 10_000));
    } finally {
      await store.close();
    }
  }

  it('hearth serve --signup opens sign-up, says where, and keeps it stored; a mode that is not one is one line of error', async () => {
    expect(await server.waitForStdout(/People sign up at/)).toContain(`People sign up at ${server.baseUrl}/r.php (open to anyone)`);
    const shown = await db.run('user', 'signup');
    expectSuccess(shown);
    expect(shown.stdout).toBe('sign-up is open\n');
    expectOperatorError(await db.run('serve', '--signup', 'everyone'), /--signup.*everyone.*open, invite, closed/);
  });

  it('the confirmation link arrives and makes the account once; the recovery link arrives and sets a password once', async () => {
    const browser = new Browserless(server.baseUrl);
    const sent = await browser.submit(await browser.get('/r.php'), {
      fields: { firstname: 'Mary', lastname: 'Jackson', reg_email__: 'mary@example.org', reg_passwd__: 'wind tunnel', form_started: await oldEnoughStamp() },
    });
    expect(pageText(sent.body)).toContain('Check your e-mail We sent a link to mary@example.org.');

    const [confirmation] = await relay.waitFor(1, 10_000);
    expect(confirmation!.rcptTo).toEqual(['mary@example.org']);
    expect(confirmation!.parsed.subject).toBe('Confirm your e-mail address for Hearth');
    const confirmLink = linkIn(confirmation!.parsed.text);
    expect(confirmLink.startsWith(`${server.baseUrl}/confirmemail.php?c=`)).toBe(true);
    const confirmPage = await browser.get(confirmLink);
    expect(pageText((await browser.submit(confirmPage, { button: 'confirm' })).body)).toContain('Welcome to Hearth, Mary');
    expect((await browser.submit(confirmPage, { button: 'confirm' })).status).toBe(404);

    const signedIn = await browser.submit(await browser.get('/home.php'), { fields: { email: 'mary@example.org', pass: 'wind tunnel' } });
    expect(signedIn.status).toBe(303);

    const stranger = new Browserless(server.baseUrl);
    await stranger.submit(await stranger.get('/recover.php'), { fields: { email: 'mary@example.org' } });
    const [, recovery] = await relay.waitFor(2, 10_000);
    expect(recovery!.parsed.subject).toBe('Set a new Hearth password');
    const recoverLink = linkIn(recovery!.parsed.text);
    const form = await stranger.get(recoverLink);
    const reset = await stranger.submit(form, { fields: { new_password: 'supersonic', confirm_password: 'supersonic' } });
    expect(pageText(reset.body)).toContain('Your password is changed');
    expect((await stranger.get(recoverLink)).status).toBe(404);
    // The browser signed in with the old password was signed out.
    expect((await browser.get('/settings.php')).body).toContain('name="pass"');
    const withNew = await stranger.submit(await stranger.get('/home.php'), { fields: { email: 'mary@example.org', pass: 'supersonic' } });
    expect(withNew.status).toBe(303);
  });
});

/** POSTs a form with a Host header of the sender's choosing, as an attacker's own client can. */
function postWithHost(baseUrl: string, path: string, host: string, cookie: string, fields: Record<string, string>): Promise<number> {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, baseUrl), { method: 'POST', headers: { host, cookie, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('links in mail with --public-url', () => {
  let db: TempDatabase;
  let relay: TestRelay;
  let server: RunningServer;
  beforeAll(async () => {
    db = await tempDatabase();
    relay = await startTestRelay();
    expectSuccess(await db.run('user', 'create', '--email', 'kath@example.org', '--password', 'orbital mechanics', '--name', 'Katherine Johnson'));
    server = await startServer(['--db', db.location, '--port', '0', '--no-demo', '--smtp', relay.url, '--public-url', 'https://hearth.example.org/', '--log-level', 'silent'], { cwd: db.dir });
  });
  afterAll(async () => {
    await server?.stop();
    await relay?.close();
    await db?.remove();
  });

  it('a recovery asked for with a forged Host header still mails a link to the public URL, never to the forged host', async () => {
    const browser = new Browserless(server.baseUrl);
    const page = await browser.get('/recover.php');
    const token = parseForms(page.body).flatMap((form) => form.fields).find(([name]) => name === 'csrf_token')?.[1];
    expect(token).toBeDefined();
    const status = await postWithHost(server.baseUrl, '/recover.php', 'attacker.example', `hearth_csrf=${browser.cookie('hearth_csrf')}`, { csrf_token: token!, email: 'kath@example.org' });
    expect(status).toBe(200);
    const [recovery] = await relay.waitFor(1, 10_000);
    const link = linkIn(recovery!.parsed.text);
    expect(link.startsWith('https://hearth.example.org/recover.php?c=')).toBe(true);
    expect(recovery!.parsed.text).not.toContain('attacker.example');
  });

  it('a public URL that is not an http origin is one line of error', async () => {
    expectOperatorError(await db.run('serve', '--public-url', 'ftp://hearth.example.org'), /--public-url.*scheme must be http or https/);
    expectOperatorError(await db.run('serve', '--public-url', 'https://hearth.example.org/path'), /--public-url.*nothing after the host/);
  });
});
