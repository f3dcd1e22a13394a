/**
 * `hearth serve` as a child process: what the CLI changes in the database reaches the running
 * server at once, and a first start on an empty database explains how to make a signed call.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  errorCode,
  expectOperatorError,
  expectSuccess,
  hearth,
  responseValue,
  sign,
  startServer,
  tempDatabase,
  type RunningServer,
  type TempDatabase,
} from '../support/cli.js';

// Both suites run side by side (each with its own database); the tests inside each run in order.

describe.concurrent('the CLI next to a running server', () => {
  let db: TempDatabase;
  let server: RunningServer | undefined;
  let app: { app_id: number; api_key: string; secret: string };
  let person: { uid: number };

  beforeAll(async () => {
    db = await tempDatabase();
    server = await startServer(['--port', '0', '--no-demo', '--log-level', 'silent', '--db', db.location], { cwd: db.dir });
  });
  afterAll(async () => {
    await server?.stop();
    await db.remove();
  });

  const isAppUser = (secret: string) =>
    callApi(server!.baseUrl, { method: 'users.isAppUser', api_key: app.api_key, uid: String(person.uid), v: '1.0' }, secret);

  it.sequential('an app and a person created by the CLI can be used at once (and --no-demo seeded nothing)', async () => {
    [person, app] = await Promise.all([
      db.json('user', 'create', '--email', 'Grace@Example.com', '--password', 'compiler!', '--name', 'Grace Hopper'),
      db.json('app', 'create', '--name', 'Live App', '--type', 'web', '--callback-url', 'http://live.test/'),
    ]);
    // No demo person took the first uid.
    expect(person.uid).toBe(500000001);

    const answer = await isAppUser(app.secret);
    expect(errorCode(answer), answer).toBeUndefined();
    expect(responseValue(answer, 'users.isAppUser'), answer).toBe('0');

    // --no-demo: the address line and nothing else.
    expect(server!.stdout()).toBe(
      `Hearth is serving the REST API at ${server!.baseUrl}/restserver.php (database ${db.location})\n` +
        `People sign in to apps at ${server!.baseUrl}/login.php?api_key=… and manage them at ${server!.baseUrl}/editapps.php\n`,
    );
  });

  it.sequential('app update --new-secret: the old secret gets error 104 at once, the new one works', async () => {
    const rotated = await db.json<typeof app>('app', 'update', app.api_key, '--new-secret');
    expect(rotated.api_key).toBe(app.api_key);
    expect(rotated.secret).not.toBe(app.secret);

    const [withOld, withNew] = await Promise.all([isAppUser(app.secret), isAppUser(rotated.secret)]);
    expect(errorCode(withOld), withOld).toBe(104);
    expect(responseValue(withNew, 'users.isAppUser'), withNew).toBe('0');
    app = rotated;
  });

  it.sequential('maintenance on --note: status shows the note and the running server answers error 2; off serves again', async () => {
    const on = await db.run('maintenance', 'on', '--note', 'swapping disks');
    expectSuccess(on);
    expect(on.stdout).toBe('maintenance on: API calls now answer error 2\n');

    const [status, during] = await Promise.all([db.run('maintenance', 'status'), isAppUser(app.secret)]);
    expectSuccess(status);
    expect(status.stdout).toBe('maintenance on: swapping disks\n');
    expect(errorCode(during), during).toBe(2);

    const off = await db.run('maintenance', 'off');
    expectSuccess(off);
    expect(off.stdout).toBe('maintenance off: API calls are served\n');
    const after = await isAppUser(app.secret);
    expect(responseValue(after, 'users.isAppUser'), after).toBe('0');
  });

  it.sequential('stops cleanly on SIGTERM, having printed nothing on stderr', async () => {
    expect(await server!.stop()).toEqual({ code: 0, signal: null });
    expect(server!.stderr()).toBe('');
  });
});

describe.concurrent('the first start on an empty database', () => {
  let db: TempDatabase;
  let server: RunningServer | undefined;
  /** The demo call as the banner spells it out: its parameters, secret and sig. */
  let demoCall: { params: Record<string, string>; sig: string };

  beforeAll(async () => {
    db = await tempDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await db.remove();
  });

  it.sequential('prints the demo app, its keys, the demo login and a curl line whose sig works', async () => {
    server = await startServer(['--port', '0', '--db', db.location], { cwd: db.dir });
    const stdout = await server.waitForStdout(/\(the sig is [0-9a-f]{32}; .*\)\n/);
    const banner = stdout.slice(stdout.indexOf('Hearth is serving'));

    expect(banner).toContain('This database was empty, so Hearth created a demo app and a demo person who uses it:');
    expect(banner).toMatch(/^ {2}app {7}Demo App \(app_id \d+, web\)$/m);
    const apiKey = /^ {2}api_key {3}([0-9a-f]{32})$/m.exec(banner)?.[1];
    const secret = /^ {2}secret {4}([0-9a-f]{32})$/m.exec(banner)?.[1];
    const uid = /^ {2}person {4}Demo Person \(uid (\d+)\)$/m.exec(banner)?.[1];
    expect(apiKey, banner).toBeDefined();
    expect(secret, banner).toBeDefined();
    expect(uid, banner).toBeDefined();
    expect(banner).toMatch(/^ {2}login {5}demo@hearth\.local \/ \S{8,}$/m);

    // curl -s URL -d k=v … \
    //   -d sig=$(printf '%s' 'SIGNED' | md5sum | cut -c1-32)
    const curl = /^ {2}curl -s (\S+) ((?:-d \S+ )+)\\\n {4}-d sig=\$\(printf '%s' '([^']*)' \| md5sum \| cut -c1-32\)$/m.exec(banner);
    expect(curl, banner).not.toBeNull();
    const [, url, pairs, signed] = curl!;
    expect(url).toBe(`${server.baseUrl}/restserver.php`);
    const params = Object.fromEntries(
      pairs!
        .trim()
        .split(/\s+/)
        .filter((word) => word !== '-d')
        .map((pair) => pair.split('=', 2) as [string, string]),
    );
    expect(params).toEqual({ method: 'users.isAppUser', api_key: apiKey, uid, v: '1.0' });
    // What the shell line hashes is the protocol's signed string: sorted key=value pairs, then the secret.
    const sig = createHash('md5').update(signed!).digest('hex');
    expect(sig).toBe(sign(params, secret!));
    expect(banner).toContain(`(the sig is ${sig};`);

    const answer = await callApi(server.baseUrl, params, secret!);
    expect(responseValue(answer, 'users.isAppUser'), answer).toBe('1');
    demoCall = { params, sig };

    // Pasted into a shell as printed, the call signed with md5sum gets seed 003's XML.
    const pasted = banner.slice(banner.indexOf('  curl -s'), banner.indexOf('\n  (the sig'));
    const { stdout: shellAnswer } = await promisify(execFile)('bash', ['-c', pasted]);
    expect(shellAnswer).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<users_isAppUser_response xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd">1</users_isAppUser_response>\n',
    );

    expect(await server.stop()).toEqual({ code: 0, signal: null });
  });

  it.sequential('a second start on the same database prints no banner, and the demo app still works', async () => {
    expect(demoCall, 'the first start must have succeeded').toBeDefined();
    server = await startServer(['--port', '0', '--log-level', 'warn', '--db', db.location], { cwd: db.dir });
    // A call first: any banner would have been printed before the server answers it.
    const response = await fetch(`${server.baseUrl}/restserver.php`, { method: 'POST', body: new URLSearchParams({ ...demoCall.params, sig: demoCall.sig }) });
    const answer = await response.text();
    expect(responseValue(answer, 'users.isAppUser'), answer).toBe('1');
    expect(server.stdout()).toBe(
      `Hearth is serving the REST API at ${server.baseUrl}/restserver.php (database ${db.location})\n` +
        `People sign in to apps at ${server.baseUrl}/login.php?api_key=… and manage them at ${server.baseUrl}/editapps.php\n`,
    );
  });
});

describe('serve: operator mistakes', () => {
  it('a port already in use is one clear line and exit 1', async () => {
    const db = await tempDatabase();
    const first = await startServer(['--port', '0', '--no-demo', '--log-level', 'silent', '--db', db.location], { cwd: db.dir });
    try {
      const second = await hearth(['serve', '--port', String(first.port), '--no-demo', '--log-level', 'silent', '--db', db.location], { cwd: db.dir });
      expectOperatorError(second, `hearth: cannot listen on 127.0.0.1:${first.port}: the port is already in use (try --port)`);
    } finally {
      await first.stop();
      await db.remove();
    }
  });

  it('several commands opening a new database at the same moment all succeed', async () => {
    const db = await tempDatabase();
    try {
      const results = await Promise.all(Array.from({ length: 4 }, () => db.run('app', 'list', '--json')));
      for (const result of results) {
        expectSuccess(result);
        expect(JSON.parse(result.stdout)).toEqual([]);
      }
    } finally {
      await db.remove();
    }
  });
});

describe('serve: limits on slow clients', () => {
  it.each([
    [['--request-timeout', '0'], 'hearth: --request-timeout must be a number of seconds from 1 to 3600'],
    [['--headers-timeout', 'ten'], 'hearth: --headers-timeout must be a number of seconds from 1 to 3600'],
    [['--request-timeout', '5', '--headers-timeout', '6'], 'hearth: --headers-timeout must not be longer than --request-timeout'],
    [['--max-connections-per-address', '-1'], 'hearth: --max-connections-per-address must be a whole number (0 for no limit)'],
  ])('%j is one clear line and exit 1', async (flags, message) => {
    expectOperatorError(await hearth(['serve', '--port', '0', '--no-demo', '--db', 'sqlite::memory:', ...flags], { cwd: tmpdir() }), message);
  });
});
