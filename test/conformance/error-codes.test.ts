/**
 * Every error code a caller can reach from outside (protocol.md §9), the error envelope of §8.6 and
 * the check order of §10. Each case runs as XML and as JSON and compares the whole body with the
 * §8.6 layout: error_code, exact error_msg, and request_args echoing every parameter in the order
 * received (query first, then body), `sig` and `session_key` included. HTTP status is always 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '../../src/dispatch/rate-limiter.js';
import { StoreUnavailableError } from '../../src/db/store-errors.js';
import type { App, AppRepository } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import type { Store } from '../../src/features/feature.js';
import { FORMATS, startTestServer, type TestServer } from '../support/test-server.js';
import {
  addSig,
  baseString,
  errorBody,
  expectAnswer,
  expectError,
  formatArg,
  merged,
  phpJson,
  post,
  sign,
  type Format,
  type Pairs,
} from './protocol-helpers.js';

// ------------------------------------------------------------------------------------------------
// A store whose apps.findByApiKey can be made to fail on demand.

let failure: { readonly error: Error; readonly sync: boolean } | undefined;

function bound<T extends object>(target: T, prop: string | symbol): unknown {
  const value = Reflect.get(target, prop, target) as unknown;
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

function failingStore(store: Store): Store {
  const apps = new Proxy(store.apps, {
    get(target, prop) {
      if (prop === 'findByApiKey' && failure) {
        const { error, sync } = failure;
        return sync
          ? () => {
              throw error;
            }
          : () => Promise.reject(error);
      }
      return bound(target, prop);
    },
  }) as AppRepository;
  return new Proxy(store, { get: (target, prop) => (prop === 'apps' ? apps : bound(target, prop)) }) as Store;
}

// A real MemoryRateLimiter with a frozen clock, so a window boundary can never fall inside a test.
const frozenLimiter = new MemoryRateLimiter();

let server: TestServer;
let devServer: TestServer;
let proxyServer: TestServer;
let web: App;
let member: Person;

beforeAll(async () => {
  [server, devServer, proxyServer] = await Promise.all([
    startTestServer({ wrapStore: failingStore, rateLimiter: { consume: (app, limit) => frozenLimiter.consume(app, limit, 1_000_000_000_000) } }),
    startTestServer({ dev: true }),
    startTestServer({ trustProxy: ['127.0.0.1'] }),
  ]);
  web = await server.createApp('web');
  member = await server.createPerson('Ada Lovelace');
  await server.store.authorizations.authorize(member.uid, web.appId);
});
afterAll(async () => {
  await Promise.all([server?.close(), devServer?.close(), proxyServer?.close()]);
});

const UNKNOWN_KEY = '0123456789abcdef0123456789abcdef';
const ZERO_SIG = '00000000000000000000000000000000';

/**
 * A users.isAppUser call as the PHP client sends it: method, session_key, api_key, v in the query;
 * uid, call_id, format and sig in the body. `change` edits the pairs before signing.
 */
function phpCall(app: Pick<App, 'apiKey' | 'secret'>, format: Format, uid: number | string, change?: (query: Pairs, body: Pairs) => void) {
  const query: Pairs = [
    ['method', 'facebook.users.isAppUser'],
    ['session_key', ''],
    ['api_key', app.apiKey],
    ['v', '1.0'],
  ];
  const body: Pairs = [['uid', String(uid)], ['call_id', '1262304000.1234'], ...formatArg(format)];
  change?.(query, body);
  addSig(app.secret, body, query, body);
  return { query, body, args: [...query, ...body] };
}

function setValue(pairs: Pairs, key: string, value: string): void {
  const pair = pairs.find(([k]) => k === key);
  if (!pair) throw new Error(`no ${key}`);
  pair[1] = value;
}

function remove(pairs: Pairs, key: string): void {
  const index = pairs.findIndex(([k]) => k === key);
  if (index === -1) throw new Error(`no ${key}`);
  pairs.splice(index, 1);
}

async function newApp(target: TestServer, changes: Parameters<TestServer['services']['apps']['update']>[1] = {}): Promise<App> {
  const app = await target.createApp('web');
  return Object.keys(changes).length ? target.services.apps.update(String(app.appId), changes) : app;
}

describe('the §8.6 envelope, byte for byte', () => {
  it('reproduces the XML sample for error 104 with the same parameter layout', async () => {
    const query: Pairs = [
      ['method', 'facebook.users.isAppUser'],
      ['api_key', web.apiKey],
      ['v', '1.0'],
    ];
    const body: Pairs = [
      ['call_id', '1262304000.1234'],
      ['sig', ZERO_SIG],
    ];
    const answer = await post(server, query, body);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    expect(answer.body).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>
<error_response xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd">
  <error_code>104</error_code>
  <error_msg>Incorrect signature</error_msg>
  <request_args list="true">
    <arg>
      <key>method</key>
      <value>facebook.users.isAppUser</value>
    </arg>
    <arg>
      <key>api_key</key>
      <value>${web.apiKey}</value>
    </arg>
    <arg>
      <key>v</key>
      <value>1.0</value>
    </arg>
    <arg>
      <key>call_id</key>
      <value>1262304000.1234</value>
    </arg>
    <arg>
      <key>sig</key>
      <value>00000000000000000000000000000000</value>
    </arg>
  </request_args>
</error_response>
`,
    );
  });

  it('reproduces the JSON sample (plus the format parameter it needs)', async () => {
    const query: Pairs = [
      ['method', 'facebook.users.isAppUser'],
      ['api_key', web.apiKey],
      ['v', '1.0'],
    ];
    const body: Pairs = [
      ['call_id', '1262304000.1234'],
      ['format', 'JSON'],
      ['sig', ZERO_SIG],
    ];
    const answer = await post(server, query, body);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(answer.body).toBe(
      `{"error_code":104,"error_msg":"Incorrect signature","request_args":[{"key":"method","value":"facebook.users.isAppUser"},{"key":"api_key","value":"${web.apiKey}"},{"key":"v","value":"1.0"},{"key":"call_id","value":"1262304000.1234"},{"key":"format","value":"JSON"},{"key":"sig","value":"00000000000000000000000000000000"}]}`,
    );
  });

  it('wraps an error in the JSONP callback, in both formats', async () => {
    for (const format of FORMATS) {
      const { query, body, args } = phpCall(web, format, member.uid, (_q, b) => b.push(['callback', 'FB.RestServer._callbacks.a1']));
      setValue(body, 'sig', ZERO_SIG);
      const answer = await post(server, query, body);
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe('text/javascript; charset=utf-8');
      const inner = errorBody(format, 104, 'Incorrect signature', args);
      expect(answer.body).toBe(`FB.RestServer._callbacks.a1(${format === 'xml' ? phpJson(inner) : inner});`);
    }
  });
});

describe.each(FORMATS)('%s: error codes', (format) => {
  it('sanity: the well-formed call the cases below break answers normally', async () => {
    const { query, body } = phpCall(web, format, member.uid);
    expectAnswer(await post(server, query, body), format, 'users_isAppUser_response', '1', 'true');
  });

  // ---- 1 -------------------------------------------------------------------------------------
  it('1: an unexpected failure answers "An unknown error occurred (request id …)" and logs that request id', async () => {
    const { query, body, args } = phpCall(web, format, member.uid);
    failure = { error: new TypeError("Cannot read properties of undefined (reading 'secret')"), sync: true };
    let answer;
    try {
      answer = await post(server, query, body);
    } finally {
      failure = undefined;
    }
    const parsed = expectError(answer, format, 1, /^An unknown error occurred \(request id [^()\s]+\)$/, args);
    const requestId = /\(request id ([^()\s]+)\)/.exec(parsed.message)?.[1];
    expect(answer.body).not.toContain('TypeError');
    expect(answer.body).not.toContain('Cannot read properties');
    expect(answer.body).not.toContain('.ts:');

    const errorLine = server.logs.find((line) => line.requestId === requestId && line.level === 50);
    expect(errorLine, `an error log line with requestId ${requestId}`).toBeDefined();
    expect(JSON.stringify(errorLine)).toContain('Cannot read properties');
    // The same id names the request in the access log line.
    const accessLine = server.logs.find((line) => line.reqId === requestId && line.msg === 'request');
    expect(accessLine).toMatchObject({ status: 200, outcome: 'error 1' });
  });

  it('1: two failures carry different request ids', async () => {
    const ids: string[] = [];
    failure = { error: new TypeError('boom'), sync: false };
    try {
      for (let i = 0; i < 2; i++) {
        const { query, body } = phpCall(web, format, member.uid);
        const parsed = expectError(await post(server, query, body), format, 1, /^An unknown error occurred \(request id [^()\s]+\)$/);
        ids.push(parsed.message);
      }
    } finally {
      failure = undefined;
    }
    expect(ids[0]).not.toBe(ids[1]);
  });

  // ---- 2 -------------------------------------------------------------------------------------
  it('2: a store that is unavailable answers "Service temporarily unavailable"', async () => {
    const { query, body, args } = phpCall(web, format, member.uid);
    const warnings = server.logs.filter((line) => line.level === 40).length;
    failure = { error: new StoreUnavailableError('database is locked'), sync: false };
    let answer;
    try {
      answer = await post(server, query, body);
    } finally {
      failure = undefined;
    }
    expectError(answer, format, 2, 'Service temporarily unavailable', args);
    expect(answer.body).not.toContain('database is locked');
    expect(server.logs.filter((line) => line.level === 40).length).toBe(warnings + 1);
  });

  it('2: the maintenance switch answers error 2 while on, and calls work again when it is off', async () => {
    await server.services.maintenance.set(true, 'upgrading');
    try {
      const { query, body, args } = phpCall(web, format, member.uid);
      const answer = await post(server, query, body);
      expectError(answer, format, 2, 'Service temporarily unavailable', args);
      expect(answer.body).not.toContain('upgrading');
    } finally {
      await server.services.maintenance.set(false);
    }
    const { query, body } = phpCall(web, format, member.uid);
    expectAnswer(await post(server, query, body), format, 'users_isAppUser_response', '1', 'true');
  });

  // ---- 3 -------------------------------------------------------------------------------------
  it.each([
    ['an unknown method', 'facebook.users.frobnicate'],
    ['a real Facebook method this server does not have', 'facebook.marketplace.createListing'],
    ['a doubled prefix', 'facebook.facebook.users.isAppUser'],
    ['the empty method (PHP style method=)', ''],
  ])('3: %s answers "Unknown method"', async (_name, method) => {
    const { query, body, args } = phpCall(web, format, member.uid, (q) => setValue(q, 'method', method));
    expectError(await post(server, query, body), format, 3, 'Unknown method', args);
  });

  it('3: a missing method answers "Unknown method"', async () => {
    const { query, body, args } = phpCall(web, format, member.uid, (q) => remove(q, 'method'));
    expectError(await post(server, query, body), format, 3, 'Unknown method', args);
  });

  // ---- 4 -------------------------------------------------------------------------------------
  it('4: the call after the rate limit answers "Application request limit reached"; other apps are unaffected', async () => {
    const limited = await newApp(server, { rateLimit: { requests: 3, windowSeconds: 60 } });
    const other = await newApp(server);
    await server.store.authorizations.authorize(member.uid, limited.appId);
    for (let i = 0; i < 3; i++) {
      const { query, body } = phpCall(limited, format, member.uid);
      expectAnswer(await post(server, query, body), format, 'users_isAppUser_response', '1', 'true');
    }
    const fourth = phpCall(limited, format, member.uid);
    expectError(await post(server, fourth.query, fourth.body), format, 4, 'Application request limit reached', fourth.args);
    const fifth = phpCall(limited, format, member.uid);
    expectError(await post(server, fifth.query, fifth.body), format, 4, 'Application request limit reached', fifth.args);

    const unaffected = phpCall(other, format, member.uid);
    expectAnswer(await post(server, unaffected.query, unaffected.body), format, 'users_isAppUser_response', '0', 'false');
  });

  // ---- 5 -------------------------------------------------------------------------------------
  it('5: a caller outside the allow-list answers "Unauthorized source IP address (ip was: 127.0.0.1)"', async () => {
    const app = await newApp(server, { allowedAddresses: ['10.0.0.0/8'] });
    const { query, body, args } = phpCall(app, format, member.uid);
    expectError(await post(server, query, body), format, 5, 'Unauthorized source IP address (ip was: 127.0.0.1)', args);
  });

  it('5: a caller inside the allow-list is served', async () => {
    const app = await newApp(server, { allowedAddresses: ['127.0.0.0/8'] });
    const { query, body } = phpCall(app, format, member.uid);
    expectAnswer(await post(server, query, body), format, 'users_isAppUser_response', '0', 'false');
  });

  it('5: without trustProxy an X-Forwarded-For header is ignored', async () => {
    const app = await newApp(server, { allowedAddresses: ['10.0.0.0/8'] });
    const { query, body, args } = phpCall(app, format, member.uid);
    const answer = await post(server, query, body, { 'x-forwarded-for': '10.1.2.3' });
    expectError(answer, format, 5, 'Unauthorized source IP address (ip was: 127.0.0.1)', args);
  });

  it('5: behind a trusted proxy the X-Forwarded-For address is the one checked', async () => {
    const tenOnly = await newApp(proxyServer, { allowedAddresses: ['10.0.0.0/8'] });
    const loopbackOnly = await newApp(proxyServer, { allowedAddresses: ['127.0.0.0/8'] });
    const headers = { 'x-forwarded-for': '10.1.2.3' };

    const allowed = phpCall(tenOnly, format, member.uid);
    expectAnswer(await post(proxyServer, allowed.query, allowed.body, headers), format, 'users_isAppUser_response', '0', 'false');

    const refused = phpCall(loopbackOnly, format, member.uid);
    expectError(await post(proxyServer, refused.query, refused.body, headers), format, 5, 'Unauthorized source IP address (ip was: 10.1.2.3)', refused.args);

    // Without the header the proxy's own address is the caller.
    const direct = phpCall(tenOnly, format, member.uid);
    expectError(await post(proxyServer, direct.query, direct.body), format, 5, 'Unauthorized source IP address (ip was: 127.0.0.1)', direct.args);
  });

  // ---- 100 -----------------------------------------------------------------------------------
  it('100: a missing v answers "Invalid parameter (v: must be 1.0)"', async () => {
    const { query, body, args } = phpCall(web, format, member.uid, (q) => remove(q, 'v'));
    expectError(await post(server, query, body), format, 100, 'Invalid parameter (v: must be 1.0)', args);
  });

  it.each(['2.0', '1', '', '1.0 ', '1.00'])('100: v=%j answers "Invalid parameter (v: must be 1.0)"', async (v) => {
    const { query, body, args } = phpCall(web, format, member.uid, (q) => setValue(q, 'v', v));
    expectError(await post(server, query, body), format, 100, 'Invalid parameter (v: must be 1.0)', args);
  });

  it.each(['alert(document.cookie)//', '<script>evil()</script>', '9lives', 'a..b', 'cb;evil', `x${'y'.repeat(300)}`])(
    '100: the refused callback %j is echoed nowhere and nothing is JSONP-wrapped',
    async (callback) => {
      const { query, body, args } = phpCall(web, format, member.uid, (_q, b) => b.push(['callback', callback]));
      const answer = await post(server, query, body);
      expectError(
        answer,
        format,
        100,
        'Invalid parameter (callback: must be a JavaScript function name)',
        args.filter(([key]) => key !== 'callback'),
      );
      expect(answer.body).not.toContain(callback);
      expect(answer.body.startsWith(format === 'xml' ? '<?xml' : '{')).toBe(true);
    },
  );

  // ---- 101 -----------------------------------------------------------------------------------
  it('101: a missing api_key answers "Invalid API key"', async () => {
    const { query, body, args } = phpCall(web, format, member.uid, (q) => remove(q, 'api_key'));
    expectError(await post(server, query, body), format, 101, 'Invalid API key', args);
  });

  it.each([UNKNOWN_KEY, '', 'not-a-key'])('101: api_key=%j answers "Invalid API key"', async (apiKey) => {
    const { query, body, args } = phpCall({ apiKey, secret: web.secret }, format, member.uid);
    expectError(await post(server, query, body), format, 101, 'Invalid API key', args);
  });

  // ---- 104 -----------------------------------------------------------------------------------
  it.each([
    ['a wrong sig', (body: Pairs) => setValue(body, 'sig', ZERO_SIG)],
    ['a missing sig', (body: Pairs) => remove(body, 'sig')],
    ['an empty sig', (body: Pairs) => setValue(body, 'sig', '')],
    ['the right sig in upper case', (body: Pairs) => setValue(body, 'sig', body.find(([k]) => k === 'sig')![1].toUpperCase())],
    ['the right sig with a trailing space', (body: Pairs) => setValue(body, 'sig', `${body.find(([k]) => k === 'sig')![1]} `)],
  ])('104: %s answers "Incorrect signature"', async (_name, spoil) => {
    const { query, body } = phpCall(web, format, member.uid);
    spoil(body);
    const answer = await post(server, query, body);
    expectError(answer, format, 104, 'Incorrect signature', [...query, ...body]);
    expect(answer.body).not.toContain(baseString(merged(query, body)));
  });

  it('104: a parameter changed after signing answers "Incorrect signature"', async () => {
    const { query, body, args } = phpCall(web, format, member.uid);
    setValue(body, 'uid', String(member.uid + 1));
    setValue(args, 'uid', String(member.uid + 1));
    expectError(await post(server, query, body), format, 104, 'Incorrect signature', args);
  });

  it('104: a parameter added after signing answers "Incorrect signature"', async () => {
    const { query, body } = phpCall(web, format, member.uid);
    body.push(['locale', 'en_US']);
    expectError(await post(server, query, body), format, 104, 'Incorrect signature', [...query, ...body]);
  });

  it('104: a signature made with another secret answers "Incorrect signature"', async () => {
    const other = await newApp(server);
    const { query, body, args } = phpCall({ apiKey: web.apiKey, secret: other.secret }, format, member.uid);
    expectError(await post(server, query, body), format, 104, 'Incorrect signature', args);
  });

  it('104 in dev mode shows the expected base string, never the secret', async () => {
    const app = await devServer.createApp('web');
    const { query, body, args } = phpCall(app, format, member.uid, (_q, b) => b.push(['note', 'Café & <more>']));
    setValue(body, 'sig', ZERO_SIG);
    const expectedBase = baseString(merged(query, body));
    expect(expectedBase).toContain('note=Café & <more>');
    const answer = await post(devServer, query, body);
    expectError(answer, format, 104, `Incorrect signature (expected md5 of: ${expectedBase} followed by the application secret)`, args);
    expect(answer.body).not.toContain(app.secret);
  });
});

describe.each(FORMATS)('%s: check order (§10)', (format) => {
  it('unknown method + unknown api_key → 3', async () => {
    const { query, body, args } = phpCall({ apiKey: UNKNOWN_KEY, secret: 'x' }, format, member.uid, (q) => setValue(q, 'method', 'facebook.nope.nothing'));
    expectError(await post(server, query, body), format, 3, 'Unknown method', args);
  });

  it('unknown method while the store fails → 3 (the method is checked before any store access)', async () => {
    const { query, body, args } = phpCall(web, format, member.uid, (q) => setValue(q, 'method', 'facebook.nope.nothing'));
    failure = { error: new TypeError('boom'), sync: true };
    try {
      expectError(await post(server, query, body), format, 3, 'Unknown method', args);
    } finally {
      failure = undefined;
    }
  });

  it('unknown method + refused source address → 3', async () => {
    const app = await newApp(server, { allowedAddresses: ['10.0.0.0/8'] });
    const { query, body, args } = phpCall(app, format, member.uid, (q) => setValue(q, 'method', 'facebook.nope.nothing'));
    expectError(await post(server, query, body), format, 3, 'Unknown method', args);
  });

  it('unknown api_key + bad v + bad sig → 101', async () => {
    const { query, body, args } = phpCall({ apiKey: UNKNOWN_KEY, secret: 'x' }, format, member.uid, (q) => setValue(q, 'v', '2.0'));
    expectError(await post(server, query, body), format, 101, 'Invalid API key', args);
  });

  it('refused address + exhausted rate limit + bad v → 5, and refused calls do not use up the budget', async () => {
    const app = await newApp(server, { allowedAddresses: ['10.0.0.0/8'], rateLimit: { requests: 1, windowSeconds: 60 } });
    for (let i = 0; i < 3; i++) {
      const { query, body, args } = phpCall(app, format, member.uid, (q) => setValue(q, 'v', '2.0'));
      expectError(await post(server, query, body), format, 5, 'Unauthorized source IP address (ip was: 127.0.0.1)', args);
    }
    await server.services.apps.update(String(app.appId), { allowedAddresses: [] });
    const first = phpCall(app, format, member.uid);
    expectAnswer(await post(server, first.query, first.body), format, 'users_isAppUser_response', '0', 'false');
    const second = phpCall(app, format, member.uid, (q) => setValue(q, 'v', '2.0'));
    setValue(second.body, 'sig', ZERO_SIG);
    expectError(await post(server, second.query, second.body), format, 4, 'Application request limit reached', [...second.query, ...second.body]);
  });

  it('bad v + bad sig → 100', async () => {
    const { query, body } = phpCall(web, format, member.uid, (q) => setValue(q, 'v', '2.0'));
    setValue(body, 'sig', ZERO_SIG);
    expectError(await post(server, query, body), format, 100, 'Invalid parameter (v: must be 1.0)', [...query, ...body]);
  });

  it('bad sig + missing uid → 104; with a good sig the missing uid is reported (102)', async () => {
    const bad = phpCall(web, format, '');
    setValue(bad.body, 'sig', ZERO_SIG);
    expectError(await post(server, bad.query, bad.body), format, 104, 'Incorrect signature', [...bad.query, ...bad.body]);
    const good = phpCall(web, format, '');
    expectError(await post(server, good.query, good.body), format, 102, 'Session key invalid or no longer valid (pass a uid or a session_key)', good.args);
  });

  it('bad sig + malformed uid + unknown session_key → 104', async () => {
    const { query, body } = phpCall(web, format, 'abc', (q) => setValue(q, 'session_key', '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001'));
    setValue(body, 'sig', ZERO_SIG);
    expectError(await post(server, query, body), format, 104, 'Incorrect signature', [...query, ...body]);
  });

  it('maintenance beats every check after parameter parsing (3, 101, 100, 104)', async () => {
    await server.services.maintenance.set(true);
    try {
      const { query, body } = phpCall({ apiKey: UNKNOWN_KEY, secret: 'x' }, format, 'abc', (q) => {
        setValue(q, 'method', 'facebook.nope.nothing');
        setValue(q, 'v', '2.0');
      });
      setValue(body, 'sig', ZERO_SIG);
      expectError(await post(server, query, body), format, 2, 'Service temporarily unavailable', [...query, ...body]);

      const limited = await newApp(server, { allowedAddresses: ['10.0.0.0/8'] });
      const refused = phpCall(limited, format, member.uid);
      expectError(await post(server, refused.query, refused.body), format, 2, 'Service temporarily unavailable', refused.args);
    } finally {
      await server.services.maintenance.set(false);
    }
  });

  it('parameter-parsing errors (a refused callback, an unreadable body) come before maintenance', async () => {
    await server.services.maintenance.set(true);
    try {
      const { query, body, args } = phpCall(web, format, member.uid, (_q, b) => b.push(['callback', 'not a name']));
      expectError(
        await post(server, query, body),
        format,
        100,
        'Invalid parameter (callback: must be a JavaScript function name)',
        args.filter(([key]) => key !== 'callback'),
      );

      const inQuery: Pairs = [['method', 'facebook.users.isAppUser'], ...formatArg(format)];
      const answer = await post(server, inQuery, Buffer.from([0, 1, 2, 3]), { 'content-type': 'application/octet-stream' });
      expectError(
        answer,
        format,
        100,
        'Invalid parameter (request body: unsupported content type application/octet-stream; send application/x-www-form-urlencoded or multipart/form-data)',
        inQuery,
      );
    } finally {
      await server.services.maintenance.set(false);
    }
  });
});

describe.each(FORMATS)('%s: logs (§8.6)', (format) => {
  it('request logs never contain sig, session_key or secrets, whatever the outcome', async () => {
    const sessionKey = '3.RedactMeRedactMeXy__.86400.1262390400-500000001';
    const before = server.logs.length;
    const sent: string[] = [];
    const calls = [
      phpCall(web, format, member.uid), // ok
      phpCall(web, format, member.uid, (q) => setValue(q, 'session_key', sessionKey)), // 102
      phpCall(web, format, member.uid, (_q, b) => b.push(['note', 'x'])), // 104 after the next line
    ];
    setValue(calls[2]!.body, 'sig', 'f'.repeat(32));
    for (const { query, body } of calls) {
      sent.push(body.at(-1)![1]);
      await post(server, query, body);
    }
    failure = { error: new TypeError('boom'), sync: true };
    try {
      const { query, body } = phpCall(web, format, member.uid, (q) => setValue(q, 'session_key', sessionKey));
      sent.push(body.at(-1)![1]);
      await post(server, query, body); // 1
    } finally {
      failure = undefined;
    }
    const logged = JSON.stringify(server.logs.slice(before));
    expect(logged).toContain('"outcome":"error 1"');
    expect(logged).not.toContain(sessionKey);
    expect(logged).not.toContain(web.secret);
    for (const sig of sent) expect(logged).not.toContain(sig);
  });
});

describe.each(FORMATS)('%s: session secrets (§10 step 6)', (format) => {
  it('454: ss=1 without a session_key answers "A session key must be specified when request is signed with a session secret"', async () => {
    const { query, body, args } = phpCall(web, format, member.uid, (q) => q.push(['ss', '1']));
    expectError(await post(server, query, body), format, 454, 'A session key must be specified when request is signed with a session secret', args);
  });
});

describe('signature helpers agree with protocol.md §3.1', () => {
  it('reproduces worked example A and the facebook-java-api vector', () => {
    const exampleA: Pairs = [
      ['method', 'facebook.users.getLoggedInUser'],
      ['session_key', '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001'],
      ['api_key', '0123456789abcdef0123456789abcdef'],
      ['v', '1.0'],
      ['call_id', '1262304000.1234'],
    ];
    expect(sign('fedcba9876543210fedcba9876543210', exampleA)).toBe('30e0522a7ba87648b077e7bef9e1d8b1');
    expect(sign('secret', [['aA', 'aA'], ['bB', 'bB'], ['cC', 'cC']])).toBe('9376fd922ce506221cc1b3892ddca0b9');
  });
});
