/**
 * Requests no real client sends. None of them may produce a status other than 200, a stack trace,
 * or a crash: each answer is a well-formed error_response (or a normal answer where the protocol
 * says the input is fine), and after every test the server still answers a good call.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { FORMATS, startTestServer, type TestServer } from '../support/test-server.js';
import {
  addSig,
  encode,
  expectAnswer,
  expectError,
  formatArg,
  get,
  httpRequest,
  post,
  rawHttp,
  sign,
  type Answer,
  type Format,
  type Pairs,
} from './protocol-helpers.js';

let server: TestServer;
let web: App;
let member: Person;

beforeAll(async () => {
  server = await startTestServer();
  web = await server.createApp('web');
  member = await server.createPerson('Ada Lovelace');
  await server.store.authorizations.authorize(member.uid, web.appId);
});
afterAll(() => server?.close());

const IS_APP_USER = 'users_isAppUser_response';
const UNSUPPORTED = (type: string) =>
  `Invalid parameter (request body: unsupported content type ${type}; send application/x-www-form-urlencoded or multipart/form-data)`;
const TOO_LARGE = 'Invalid parameter (request body: larger than 1048576 bytes)';
const TOO_MANY = 'Invalid parameter (request: more than 1000 parameters)';

/** A complete, signed users.isAppUser call (for `member`, so the answer is 1 / true). */
function goodCall(format: Format, extra: Pairs = []): Pairs {
  const pairs: Pairs = [
    ['method', 'facebook.users.isAppUser'],
    ['session_key', ''],
    ['api_key', web.apiKey],
    ['v', '1.0'],
    ['uid', String(member.uid)],
    ['call_id', '1262304000.1234'],
    ...formatArg(format),
    ...extra,
  ];
  return addSig(web.secret, pairs, pairs);
}

/** POST with a query string and a body given as raw (already encoded) text or bytes. */
async function postRaw(rawQuery: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(rawQuery === '' ? server.endpoint : `${server.endpoint}?${rawQuery}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

function expectIsAppUser(answer: Answer, format: Format): void {
  expectAnswer(answer, format, IS_APP_USER, '1', 'true');
}

// After every case: still alive, still correct, and nothing logged as an unexpected failure.
afterEach(async () => {
  expectIsAppUser(await post(server, [], goodCall('xml')), 'xml');
  expect(server.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
});

describe.each(FORMATS)('%s: bytes that are not UTF-8 text (§2.1: %%XX are UTF-8 bytes)', (format) => {
  // The bad piece goes in one part of the request; the signed call (with format) in the other, whose pairs are echoed.
  describe.each(['%ff', '%c3%28', '%ed%a0%80', '%c0%af', '%e9'])('%s', (bad) => {
    it('in a query-string value → 100 naming the parameter', async () => {
      const body = goodCall(format);
      expectError(await postRaw(`note=${bad}`, encode(body)), format, 100, 'Invalid parameter (note: not valid UTF-8)', body);
    });

    it('in a query-string key → 100 naming "parameter name"', async () => {
      const body = goodCall(format);
      expectError(await postRaw(`n${bad}te=1`, encode(body)), format, 100, 'Invalid parameter (parameter name: not valid UTF-8)', body);
    });

    it('in a body value → 100 naming the parameter', async () => {
      const query = goodCall(format);
      expectError(await postRaw(encode(query), `a=1&note=${bad}`), format, 100, 'Invalid parameter (note: not valid UTF-8)', query);
    });

    it('in a body key → 100 naming "parameter name"', async () => {
      const query = goodCall(format);
      expectError(await postRaw(encode(query), `${bad}=1`), format, 100, 'Invalid parameter (parameter name: not valid UTF-8)', query);
    });
  });

  it('raw (unencoded) non-UTF-8 bytes in the body → 100', async () => {
    const query = goodCall(format);
    const value = Buffer.concat([Buffer.from('note=caf'), Buffer.from([0xe9]), Buffer.from('&x=1')]);
    expectError(await postRaw(encode(query), value), format, 100, 'Invalid parameter (note: not valid UTF-8)', query);
    const key = Buffer.concat([Buffer.from('n'), Buffer.from([0xff, 0xfe]), Buffer.from('=1')]);
    expectError(await postRaw(encode(query), key), format, 100, 'Invalid parameter (parameter name: not valid UTF-8)', query);
  });

  it('raw (unencoded) UTF-8 bytes in the body are decoded as UTF-8 and signed as such', async () => {
    const pairs = goodCall(format, [['note', 'café 日本 😀']]);
    const raw = Buffer.from(pairs.map(([key, value]) => `${key}=${key === 'note' ? value.replace(/ /g, '+') : encodeURIComponent(value)}`).join('&'), 'utf8');
    expectIsAppUser(await postRaw('', raw), format);
  });

  it('Content-Type ...; charset=latin1 changes nothing: ASCII bodies work, %E9 is still not UTF-8', async () => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=latin1' };
    expectIsAppUser(await postRaw('', encode(goodCall(format)), headers), format);
    const query = goodCall(format);
    expectError(await postRaw(encode(query), 'note=caf%E9', headers), format, 100, 'Invalid parameter (note: not valid UTF-8)', query);
    expectError(await postRaw(encode(query), Buffer.from([0x6e, 0x3d, 0xe9]), headers), format, 100, 'Invalid parameter (n: not valid UTF-8)', query);
  });
});

describe.each(FORMATS)('%s: percent signs PHP urldecode leaves alone', (format) => {
  it.each([
    ['a lone %', '%', '%'],
    ['%zz', '100%zz', '100%zz'],
    ['a % before an escape', '%%41', '%A'],
    ['a truncated escape at the end', 'x%4', 'x%4'],
    ['a truncated escape in the middle', '%2', '%2'],
  ])('%s stays literal and is signed as such (query and body)', async (_name, wire, decoded) => {
    const inBody = goodCall(format, [['note', decoded]]);
    const bodyText = inBody.map(([key, value]) => `${key}=${key === 'note' ? wire : encodeURIComponent(value)}`).join('&');
    expectIsAppUser(await postRaw('', bodyText), format);
    expectIsAppUser(await get(server, bodyText), format);
  });

  it('a literal % in a key is kept', async () => {
    const pairs = goodCall(format, [['%zz', '1'], ['%', '2']]);
    const text = pairs.map(([key, value]) => `${key.startsWith('%') ? key : encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
    expectIsAppUser(await postRaw('', text), format);
  });

  it('uid=% → 110 with the literal % echoed', async () => {
    const pairs = goodCall(format);
    const index = pairs.findIndex(([key]) => key === 'uid');
    pairs[index] = ['uid', '%'];
    pairs[pairs.length - 1] = ['sig', sign(web.secret, pairs.slice(0, -1))];
    const text = pairs.map(([key, value]) => `${key}=${key === 'uid' ? '%' : encodeURIComponent(value)}`).join('&');
    expectError(await postRaw('', text), format, 110, 'Invalid user id (uid: not a positive integer)', pairs);
  });
});

describe.each(FORMATS)('%s: control characters', (format) => {
  it.each(['%00', '%01', '%08', '%0B', '%1f', '%ef%bf%be', '%ef%bf%bf'])('%s in a value → 100 (query and body)', async (bad) => {
    const good = goodCall(format);
    expectError(await postRaw(`note=a${bad}b`, encode(good)), format, 100, 'Invalid parameter (note: contains control characters)', good);
    expectError(await postRaw(encode(good), `note=a${bad}b`), format, 100, 'Invalid parameter (note: contains control characters)', good);
  });

  it.each(['%00', '%01'])('%s in a key → 100 naming "parameter name"', async (bad) => {
    const good = goodCall(format);
    expectError(await postRaw(`a${bad}=1`, encode(good)), format, 100, 'Invalid parameter (parameter name: contains control characters)', good);
    expectError(await postRaw(encode(good), `a${bad}=1`), format, 100, 'Invalid parameter (parameter name: contains control characters)', good);
  });

  it('tab, newline, carriage return and DEL are ordinary characters that are signed', async () => {
    expectIsAppUser(await post(server, [], goodCall(format, [['note', 'a\tb\nc\rd\u007fe']])), format);
  });
});

describe.each(FORMATS)('%s: sizes and counts', (format) => {
  const query = (): Pairs => [['method', 'facebook.users.isAppUser'], ['api_key', web.apiKey], ...formatArg(format)];

  it('a 2 MB form body → 100 "request body: larger than …", query parameters echoed', async () => {
    const q = query();
    expectError(await postRaw(encode(q), `note=${'a'.repeat(2 * 1024 * 1024)}`), format, 100, TOO_LARGE, q);
  });

  it('a 2 MB multipart body → 100 "request body: larger than …"', async () => {
    const q = query();
    const form = new FormData();
    form.append('note', 'a'.repeat(2 * 1024 * 1024));
    const response = await fetch(`${server.endpoint}?${encode(q)}`, { method: 'POST', body: form });
    const answer = { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
    expectError(answer, format, 100, TOO_LARGE, q);
  });

  it('a 2 MB binary body → 100 "request body: larger than …"', async () => {
    const q = query();
    expectError(await postRaw(encode(q), Buffer.alloc(2 * 1024 * 1024, 0xff), { 'content-type': 'application/octet-stream' }), format, 100, TOO_LARGE, q);
  });

  it('a signed 100 KB value and a signed 10 KB key in the POST body are fine', async () => {
    expectIsAppUser(await post(server, [], goodCall(format, [['note', 'é'.repeat(50 * 1024)], ['k'.repeat(10 * 1024), 'v']])), format);
  });

  it('a 100 KB value that was not signed → 104, echoed whole', async () => {
    const pairs = goodCall(format);
    pairs.push(['note', 'x'.repeat(100 * 1024)]);
    const parsed = expectError(await post(server, [], pairs), format, 104, 'Incorrect signature', pairs);
    expect(parsed.args.at(-1)?.[1]).toHaveLength(100 * 1024);
  });

  it('a signed 8 KB value in a GET query string is fine', async () => {
    expectIsAppUser(await get(server, goodCall(format, [['note', 'q'.repeat(8 * 1024)]])), format);
  });

  it('1000 parameters are accepted; 1001 distinct parameters → 100', async () => {
    const base = goodCall(format).slice(0, -1);
    const fill = (count: number): Pairs => Array.from({ length: count }, (_, i): [string, string] => [`p${String(i).padStart(4, '0')}`, '1']);
    const atLimit = [...base, ...fill(1000 - base.length - 1)];
    addSig(web.secret, atLimit, atLimit);
    expect(atLimit).toHaveLength(1000);
    expectIsAppUser(await post(server, [], atLimit), format);

    const over = [...base, ...fill(1000 - base.length)];
    addSig(web.secret, over, over);
    expect(over).toHaveLength(1001);
    // Refused in the format asked for, like every other error (§10 step 2).
    expectError(await post(server, [], over), format, 100, TOO_MANY, over);
  });

  it('2000 parameters in the body → 100 "request: more than 1000 parameters", all of them echoed', async () => {
    const pairs: Pairs = [...goodCall(format), ...Array.from({ length: 2000 }, (_, i): [string, string] => [`p${i}`, String(i)])];
    const answer = await post(server, [], pairs);
    const parsed = expectError(answer, format, 100, TOO_MANY, pairs);
    expect(parsed.args).toHaveLength(pairs.length);
  });

  it('2000 multipart fields → 100 "request: more than 1000 parameters"', async () => {
    const q = query();
    const form = new FormData();
    for (let i = 0; i < 2000; i++) form.append(`p${i}`, '1');
    const response = await fetch(`${server.endpoint}?${encode(q)}`, { method: 'POST', body: form });
    const answer = { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
    expectError(answer, format, 100, TOO_MANY, q);
  });

  it('the same parameter repeated 500 times counts once; the last value wins', async () => {
    const pairs = goodCall(format).slice(0, -1);
    const uidIndex = pairs.findIndex(([key]) => key === 'uid');
    const repeated: Pairs = [...pairs.slice(0, uidIndex), ...Array.from({ length: 499 }, (): [string, string] => ['uid', '12345']), ...pairs.slice(uidIndex)];
    const notes: Pairs = Array.from({ length: 500 }, (): [string, string] => ['note', 'same']);
    const all = [...repeated, ...notes];
    all.push(['sig', sign(web.secret, all)]);
    expectIsAppUser(await post(server, [], all), format);
    // In the query string too.
    expectIsAppUser(await get(server, all), format);
  });
});

describe.each(FORMATS)('%s: bodies that are not forms', (format) => {
  const query = (): Pairs => [['method', 'facebook.users.isAppUser'], ['api_key', web.apiKey], ...formatArg(format)];

  it('application/octet-stream → 100 naming the unsupported content type', async () => {
    const q = query();
    const answer = await postRaw(encode(q), Buffer.from([0x00, 0xff, 0x10, 0x80, 0x25, 0x3d]), { 'content-type': 'application/octet-stream' });
    expectError(answer, format, 100, UNSUPPORTED('application/octet-stream'), q);
  });

  it('a JSON body → 100 naming the unsupported content type', async () => {
    const q = query();
    const body = JSON.stringify(Object.fromEntries(goodCall(format)));
    expectError(await postRaw(encode(q), body, { 'content-type': 'application/json' }), format, 100, UNSUPPORTED('application/json'), q);
    expectError(
      await postRaw(encode(q), body, { 'content-type': 'application/json; charset=utf-8' }),
      format,
      100,
      UNSUPPORTED('application/json; charset=utf-8'),
      q,
    );
  });

  it('a text/xml body with markup in its content type is echoed escaped', async () => {
    const q = query();
    const type = 'text/xml; x="<b>&amp;"';
    expectError(await postRaw(encode(q), '<a/>', { 'content-type': type }), format, 100, UNSUPPORTED(type), q);
  });

  it('multipart/form-data without a boundary → 100', async () => {
    const q = query();
    for (const type of ['multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; charset=utf-8']) {
      const answer = await postRaw(encode(q), '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n', { 'content-type': type });
      expectError(answer, format, 100, 'Invalid parameter (request body: malformed multipart/form-data (no boundary))', q);
    }
  });

  it('truncated multipart → 100, and the fields read before the cut are not used', async () => {
    const q = query();
    const fields = goodCall(format).filter(([key]) => !['method', 'api_key', 'format'].includes(key));
    const parts = fields.map(([key, value]) => `--XX\r\ncontent-disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`).join('');
    const cuts = [
      `${parts}--XX\r\ncontent-disposition: form-data; name="note"\r\n\r\nhal`,
      // Cut inside a file part: the file's stream fails too, which once ended the process.
      `${parts}--XX\r\ncontent-disposition: form-data; name="f"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\npartial`,
      `--XX\r\ncontent-disposition: form-data; name="f"; filename="a"\r\n\r\npartial`,
      parts,
      'not multipart at all',
    ];
    for (const body of cuts) {
      const answer = await postRaw(encode(q), body, { 'content-type': 'multipart/form-data; boundary=XX' });
      expectError(answer, format, 100, 'Invalid parameter (request body: malformed multipart/form-data)', q);
    }
  });

  it('a control character in a multipart field → 100', async () => {
    const q = query();
    const body = '--XX\r\ncontent-disposition: form-data; name="note"\r\n\r\na\x01b\r\n--XX--\r\n';
    const answer = await postRaw(encode(q), body, { 'content-type': 'multipart/form-data; boundary=XX' });
    expectError(answer, format, 100, 'Invalid parameter (note: contains control characters)', q);
  });
});

describe('empty requests', () => {
  it('an empty POST without a content type → 3 with no request_args', async () => {
    const answer = await rawHttp(server, httpRequest('POST', '/restserver.php', {}));
    expectError(answer!, 'xml', 3, 'Unknown method', []);
  });

  it.each([
    ['application/x-www-form-urlencoded', 3, 'Unknown method'],
    ['application/octet-stream', 3, 'Unknown method'],
    // An empty multipart body lacks even the closing boundary.
    ['multipart/form-data; boundary=XX', 100, 'Invalid parameter (request body: malformed multipart/form-data)'],
  ] as const)('an empty POST with content type %s → %i', async (type, code, message) => {
    const answer = await rawHttp(server, httpRequest('POST', '/restserver.php', { 'content-type': type }));
    expectError(answer!, 'xml', code, message, []);
  });

  it.each(['', '?', '?&&&', '?=&=x&&'])('GET /restserver.php%s → 3 with no request_args', async (query) => {
    const answer = await rawHttp(server, httpRequest('GET', `/restserver.php${query}`, {}));
    expectError(answer!, 'xml', 3, 'Unknown method', []);
  });

  it.each(FORMATS)('%s: an empty POST carrying only format in the query answers in that format', async (format) => {
    expectError(await postRaw(encode(formatArg(format)), ''), format, 3, 'Unknown method', formatArg(format));
  });
});

describe('a body shorter than its Content-Length', () => {
  const request = () => httpRequest('POST', '/restserver.php', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '5000' }, encode(goodCall('xml')));

  it('the client closing the connection does not hurt the server', async () => {
    const answer = await rawHttp(server, request(), { timeoutMs: 200 });
    expect(answer).toBeUndefined();
  });

  it('the client half-closing gets no stack trace, and the server keeps serving', async () => {
    const answer = await rawHttp(server, request(), { endAfterWrite: true });
    expect(answer?.body ?? '').not.toContain('    at ');
  });

  // Node's HTTP parser reports the early end as a client error; the answer is still an API envelope.
  it('the client half-closing gets a 200 error_response, if it gets anything', async () => {
    const answer = await rawHttp(server, request(), { endAfterWrite: true });
    if (answer) expectError(answer, 'xml', 100, /^Invalid parameter \(request body: /);
  });
});

describe('errors found before the parameters are checked', () => {
  // §10.2: format and callback are read first "so that even the earliest error is rendered correctly".
  it('too many parameters with format=JSON in the query → the error is JSON', async () => {
    const q: Pairs = [['format', 'JSON']];
    const body: Pairs = Array.from({ length: 2000 }, (_, i): [string, string] => [`p${i}`, '1']);
    expectError(await post(server, q, body), 'json', 100, TOO_MANY);
  });

  // §2.1: values are UTF-8, in multipart bodies as in form bodies.
  it('invalid UTF-8 in a multipart field → 100 "not valid UTF-8"', async () => {
    const q: Pairs = [['format', 'JSON']];
    const body = Buffer.concat([Buffer.from('--XX\r\ncontent-disposition: form-data; name="note"\r\n\r\na'), Buffer.from([0xff]), Buffer.from('b\r\n--XX--\r\n')]);
    const answer = await postRaw(encode(q), body, { 'content-type': 'multipart/form-data; boundary=XX' });
    expectError(answer, 'json', 100, 'Invalid parameter (note: not valid UTF-8)', q);
  });
});

describe('requests the HTTP parser refuses still get an API envelope', () => {
  it('a request line over 16 KiB → 200 and error 100', async () => {
    const answer = await rawHttp(server, `GET /restserver.php?method=users.isAppUser&pad=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer?.status).toBe(200);
    expectError(answer!, 'xml', 100, 'Invalid parameter (request: request line and headers larger than 16 KiB)', []);
  });

  it('raw bytes outside ASCII in the request line → 200 and error 100', async () => {
    const line = Buffer.concat([Buffer.from('GET /restserver.php?a='), Buffer.from([0xff, 0x00]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]);
    const answer = await rawHttp(server, line);
    expect(answer?.status).toBe(200);
    expectError(answer!, 'xml', 100, /^Invalid parameter \(request: /);
  });
});
