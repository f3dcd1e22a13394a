/**
 * Two `hearth serve` processes over one PostgreSQL schema behave as one server: what the CLI does
 * reaches both within moments, a session made on one works on the other, a call_id is used once across
 * both, and an app's rate limit is one budget — counted in PostgreSQL, or in Redis with `--redis`;
 * a photo's images, kept in the store, are served by either.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/platform.js';
import type { PostgresStore } from '../../src/platform.js';
import {
  callApi,
  errorCode,
  expectSuccess,
  hearth,
  responseValue,
  startServer,
  tempDir,
  type RunningServer,
} from '../support/cli.js';
import { hasPostgres, testSchema, type TestSchema } from '../support/postgres.js';
import { hasRedis, REDIS_URL } from '../support/redis.js';

interface CliApp {
  app_id: number;
  api_key: string;
  secret: string;
}

/**
 * Waits, if need be, until at least `marginMs` of the current fixed rate-limit window remain, so
 * that a burst of calls is counted in one window (windows start at multiples of their length).
 */
async function withinOneWindow(windowSeconds: number, marginMs = 3_000): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await delay(left + 50);
}

/** How many answers succeeded and how many failed with each error code. */
function tally(answers: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) {
    const key = String(errorCode(answer) ?? 'ok');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe.skipIf(!hasPostgres)('two instances over one PostgreSQL schema', () => {
  let schema: TestSchema;
  let dir: string;
  let store: PostgresStore | undefined;
  const servers: RunningServer[] = [];
  let a: RunningServer;
  let b: RunningServer;
  let app: CliApp;
  let person: { uid: number };
  let sessionKey: string;

  const cli = (...args: string[]) => hearth([...args, '--db', schema.url], { cwd: dir });
  const cliJson = async <T>(...args: string[]): Promise<T> => {
    const result = await cli(...args, '--json');
    expectSuccess(result);
    return JSON.parse(result.stdout) as T;
  };
  const serve = async (...extra: string[]) => {
    const server = await startServer(['--port', '0', '--no-demo', '--log-level', 'warn', '--db', schema.url, ...extra], { cwd: dir });
    servers.push(server);
    return server;
  };
  /** users.isAppUser for the suite's person, signed with `secret`, on `server`. */
  const isAppUser = (server: RunningServer, key: CliApp, secret = key.secret) =>
    callApi(server.baseUrl, { method: 'users.isAppUser', api_key: key.api_key, uid: String(person.uid), v: '1.0' }, secret);
  /** 20 calls at once, alternating between `first` and `second`; the tally of their answers. */
  const burst = async (first: RunningServer, second: RunningServer, call: (server: RunningServer) => Promise<string>) =>
    tally(await Promise.all(Array.from({ length: 20 }, (_, i) => call(i % 2 === 0 ? first : second))));

  beforeAll(async () => {
    schema = testSchema();
    dir = await tempDir();
    // Both start on the empty schema at once: the migration lock lets one migrate and the other wait.
    [a, b] = await Promise.all([serve(), serve()]);
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await store?.close();
    await schema?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('an app and a person created by the CLI work on both instances', async () => {
    [app, person] = await Promise.all([
      cliJson<CliApp>('app', 'create', '--name', 'Shared App', '--type', 'web', '--callback-url', 'http://shared.test/'),
      cliJson<{ uid: number }>('user', 'create', '--email', 'ada@shared.test', '--password', 'correct horse', '--name', 'Ada Lovelace'),
    ]);
    for (const server of [a, b]) {
      const answer = await isAppUser(server, app);
      expect(responseValue(answer, 'users.isAppUser'), answer).toBe('0');
    }
  });

  it('a session made on instance A works on instance B', async () => {
    // Sign-in happens in a browser; the test binds the token through the store, as login.php would.
    store = await schema.open({ migrate: false });
    const stored = (await store.apps.findByApiKey(app.api_key))!;
    await store.authorizations.authorize(person.uid, stored.appId);
    const token = await createServices(store).sessions.issueToken(stored, person.uid);

    const params = { method: 'auth.getSession', api_key: app.api_key, auth_token: token, format: 'json', v: '1.0' };
    const session = JSON.parse(await callApi(a.baseUrl, params, app.secret)) as { session_key: string; uid: number };
    expect(session.uid).toBe(person.uid);
    sessionKey = session.session_key;

    const answer = await callApi(b.baseUrl, { method: 'users.getLoggedInUser', api_key: app.api_key, session_key: sessionKey, call_id: '1000', v: '1.0' }, app.secret);
    expect(responseValue(answer, 'users.getLoggedInUser'), answer).toBe(String(person.uid));
    // The token was used up on A, for B as well.
    expect(JSON.parse(await callApi(b.baseUrl, params, app.secret))).toMatchObject({ error_code: 100 });
  });

  it('of 20 concurrent calls with one call_id spread over both, exactly one succeeds and the rest get 103', async () => {
    const params = { method: 'users.getLoggedInUser', api_key: app.api_key, session_key: sessionKey, call_id: '2000', v: '1.0' };
    expect(await burst(a, b, (server) => callApi(server.baseUrl, params, app.secret))).toEqual({ ok: 1, 103: 19 });
  });

  it('a session promoted on A signs with its new secret on B, and one ended on A is error 102 on B, at once', async () => {
    // B has this session in memory from the calls above, still without a secret.
    const session = { api_key: app.api_key, session_key: sessionKey, v: '1.0' };
    const secret = JSON.parse(await callApi(a.baseUrl, { ...session, method: 'auth.promoteSession', call_id: '3000', format: 'json' }, app.secret)) as string;
    expect(secret).toMatch(/^[0-9a-f]{32}$/);
    const signedWithIt = await callApi(b.baseUrl, { ...session, method: 'users.getLoggedInUser', call_id: '3001', ss: '1' }, secret);
    expect(responseValue(signedWithIt, 'users.getLoggedInUser'), signedWithIt).toBe(String(person.uid));

    expect(errorCode(await callApi(a.baseUrl, { ...session, method: 'auth.expireSession', call_id: '3002' }, app.secret))).toBeUndefined();
    expect(errorCode(await callApi(b.baseUrl, { ...session, method: 'users.getLoggedInUser', call_id: '3003' }, app.secret))).toBe(102);
  });

  it('an app rate limit (app update --rate-limit 10/60) is one budget across both: 10 of 20 calls succeed, the rest get 4', async () => {
    const limited = await cliJson<CliApp>('app', 'create', '--name', 'Limited App', '--type', 'web');
    await cliJson('app', 'update', limited.api_key, '--rate-limit', '10/60');
    await withinOneWindow(60);
    expect(await burst(a, b, (server) => isAppUser(server, limited))).toEqual({ ok: 10, 4: 10 });
  });

  // Instances keep apps and settings in memory until PostgreSQL notifies them of a change
  // (docs/deployment.md): milliseconds in practice, at most 5 s by design — the bound polled here.
  const refresh = { timeout: 5_000, interval: 25 };

  it('app update --new-secret reaches both: the old secret gets 104 on both, the new one works on both', async () => {
    const rotated = await cliJson<CliApp>('app', 'update', app.api_key, '--new-secret');
    expect(rotated.secret).not.toBe(app.secret);
    await expect
      .poll(async () => (await Promise.all([isAppUser(a, app), isAppUser(b, app), isAppUser(a, rotated), isAppUser(b, rotated)])).map((answer) => errorCode(answer)), refresh)
      .toEqual([104, 104, undefined, undefined]);
    app = rotated;
  });

  it('the maintenance switch reaches both (and so does its end)', async () => {
    expectSuccess(await cli('maintenance', 'on', '--note', 'moving racks'));
    await expect.poll(async () => (await Promise.all([isAppUser(a, app), isAppUser(b, app)])).map((answer) => errorCode(answer)), refresh).toEqual([2, 2]);
    expectSuccess(await cli('maintenance', 'off'));
    await expect
      .poll(async () => (await Promise.all([isAppUser(a, app), isAppUser(b, app)])).map((answer) => responseValue(answer, 'users.isAppUser')), refresh)
      .toEqual(['1', '1']);
  });

  describe.skipIf(!hasRedis)('with --redis', () => {
    let c: RunningServer;
    let d: RunningServer;

    beforeAll(async () => {
      [c, d] = await Promise.all([serve('--redis', REDIS_URL), serve('--redis', REDIS_URL)]);
    });

    it('an app rate limit is one budget across both, counted in Redis: 10 of 20 calls succeed, the rest get 4', async () => {
      // An app of this test's own: Redis keys name apps by api_key, so no other run's counts meet it.
      const limited = await cliJson<CliApp>('app', 'create', '--name', 'Redis Limited App', '--type', 'web');
      await cliJson('app', 'update', limited.api_key, '--rate-limit', '10/60');
      await withinOneWindow(60);
      expect(await burst(c, d, (server) => isAppUser(server, limited))).toEqual({ ok: 10, 4: 10 });
      // Counted in Redis, not in the database.
      const client = new pg.Client({ connectionString: schema.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ windows: number }>('SELECT count(*)::int AS windows FROM rate_limit_windows WHERE app_id = $1', [limited.app_id]);
        expect(rows).toEqual([{ windows: 0 }]);
      } finally {
        await client.end();
      }
    });
  });

  it('a photo stored through one instance is served by both, the same bytes with the same ETag', async () => {
    const file = join(dir, 'engine.jpg');
    await writeFile(file, await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 120, g: 80, b: 40 } } }).jpeg().toBuffer());
    const added = await cliJson<{ src_big: string }>('photo', 'add', String(person.uid), file, '--album', 'Shared');
    const [fromA, fromB] = await Promise.all([fetch(`${a.baseUrl}${added.src_big}`), fetch(`${b.baseUrl}${added.src_big}`)]);
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect(fromB.headers.get('etag')).toBe(fromA.headers.get('etag'));
    expect(Buffer.from(await fromB.arrayBuffer()).equals(Buffer.from(await fromA.arrayBuffer()))).toBe(true);
  });
});
