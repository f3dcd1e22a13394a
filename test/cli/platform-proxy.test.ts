/**
 * `hearth serve --proxy-port`: real client programs, run with http_proxy pointing at it, call
 * http://api.facebook.com/restserver.php unchanged — a Python script written the way pyfacebook
 * calls (urllib), and curl — and get Hearth's answers; other hosts are refused. Python is optional
 * outside CI (the suite says so when it skips); under CI=true a missing python3 fails.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, expectOperatorError, hearth, responseValue, sign, startServer, tempDatabase, type RunningServer, type TempDatabase } from '../support/cli.js';

const run = promisify(execFile);
const PYTHON_CLIENT = fileURLToPath(new URL('../fixtures/python/rest_call.py', import.meta.url));

const hasPython = await run('python3', ['--version']).then(
  () => true,
  () => false,
);
if (!hasPython && process.env.CI === 'true') throw new Error('python3 is missing, and CI=true does not skip the proxy test with a Python client');
if (!hasPython) console.warn('the Python client of the proxy test is skipped: python3 is missing');

let db: TempDatabase;
let server: RunningServer;
let proxyUrl: string;
let demo: { apiKey: string; secret: string; uid: string };

/** The environment of a client told to use Hearth's proxy, and nothing else that would bypass it. */
function proxied(): NodeJS.ProcessEnv {
  const env = cliEnv({ http_proxy: proxyUrl, https_proxy: proxyUrl });
  for (const name of ['no_proxy', 'NO_PROXY', 'HTTP_PROXY', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY']) delete env[name];
  return env;
}

beforeAll(async () => {
  db = await tempDatabase();
  server = await startServer(['--port', '0', '--proxy-port', '0', '--log-level', 'warn', '--db', db.location], { cwd: db.dir });
  const stdout = await server.waitForStdout(/\(the sig is [0-9a-f]{32}; .*\)\n/);
  proxyUrl = /^Clients run with http_proxy=(http:\/\/127\.0\.0\.1:\d+) reach it as http:\/\/api\.facebook\.com\/restserver\.php$/m.exec(stdout)?.[1] ?? '';
  demo = {
    apiKey: /^ {2}api_key {3}([0-9a-f]{32})$/m.exec(stdout)?.[1] ?? '',
    secret: /^ {2}secret {4}([0-9a-f]{32})$/m.exec(stdout)?.[1] ?? '',
    uid: /^ {2}person {4}Demo Person \(uid (\d+)\)$/m.exec(stdout)?.[1] ?? '',
  };
});
afterAll(async () => {
  await server?.stop();
  await db?.remove();
});

describe('hearth serve --proxy-port', () => {
  it('says where the proxy is, on its own port, right after the API’s address', () => {
    expect(proxyUrl, server.stdout()).not.toBe('');
    expect(proxyUrl).not.toBe(server.baseUrl);
    expect(server.stdout()).toContain(`Hearth is serving the REST API at ${server.baseUrl}/restserver.php (database ${db.location})\nClients run with http_proxy=${proxyUrl} reach`);
  });

  it.skipIf(!hasPython)(`a Python client on urllib calls http://api.facebook.com/restserver.php through it${hasPython ? '' : ' (skipped: python3 is missing)'}`, async () => {
    const xml = await run('python3', [PYTHON_CLIENT, demo.apiKey, demo.secret, 'users.isAppUser', `uid=${demo.uid}`], { env: proxied(), timeout: 15_000 });
    expect(responseValue(xml.stdout, 'users.isAppUser'), xml.stdout).toBe('1');
    const json = await run('python3', [PYTHON_CLIENT, demo.apiKey, demo.secret, 'users.getInfo', `uids=${demo.uid}`, 'fields=name,profile_url', 'format=JSON'], {
      env: proxied(),
      timeout: 15_000,
    });
    // Links in answers given under api.facebook.com point at the platform's pages, on www.facebook.com.
    expect(JSON.parse(json.stdout), json.stdout).toEqual([{ uid: Number(demo.uid), name: 'Demo Person', profile_url: `http://www.facebook.com/profile.php?id=${demo.uid}` }]);
  });

  it('curl with http_proxy calls the API at its platform address, and is refused elsewhere', async () => {
    const params = { method: 'users.isAppUser', api_key: demo.apiKey, uid: demo.uid, v: '1.0' };
    const fields = Object.entries({ ...params, sig: sign(params, demo.secret) }).flatMap(([key, value]) => ['-d', `${key}=${value}`]);
    const api = await run('curl', ['-s', 'http://api.facebook.com/restserver.php', ...fields], { env: proxied(), timeout: 15_000 });
    expect(responseValue(api.stdout, 'users.isAppUser'), api.stdout).toBe('1');

    const elsewhere = await run('curl', ['-s', '-w', '\n%{http_code}', 'http://example.com/'], { env: proxied(), timeout: 15_000 });
    expect(elsewhere.stdout).toMatch(/it does not forward requests to example\.com\.\n\n403$/);

    // No https is served here, so CONNECT is answered 501 and curl gives up (exit 56) without a connection anywhere.
    const https = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_connect}', 'https://api.facebook.com/restserver.php'], { env: proxied(), timeout: 15_000 }).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(https).toMatchObject({ code: 56, stdout: '501' });
  });

  it('a --proxy-port that is not a port is one clear line and exit 1', async () => {
    expectOperatorError(await hearth(['serve', '--proxy-port', 'eighty', '--db', db.location], { cwd: db.dir }), 'a port must be a number from 0 to 65535, not "eighty"');
  });
});
