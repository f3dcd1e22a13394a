/**
 * 7. Malformed HTTP: bad request lines, unknown methods and methods no route takes,
 * absolute-form and asterisk-form targets, header lines without colons, headers over 16 KiB,
 * HTTP/1.1 without Host, HTTP/1.0 without Host, `Expect`, odd Content-Length and
 * Transfer-Encoding, bad chunk sizes, pipelined requests.
 */
import type { Random } from '../random.js';
import {
  answerFor,
  anyTarget,
  API,
  basePairs,
  bytes,
  FORM,
  formText,
  joinRaw,
  PAGE_PATHS,
  rawRequest,
  signedPairs,
  type AnswerKind,
  type FuzzCase,
  type FuzzContext,
  type GeneratorEntry,
  type HeaderLine,
} from './kit.js';

function httpCase(generator: string, description: string, data: Buffer, answer: AnswerKind, extra: Partial<FuzzCase> = {}): FuzzCase {
  return { category: 'http', generator, description, exchange: { chunks: [{ bytes: data }] }, answers: [answer], unreadable: true, ...extra };
}

/** A well-formed target with a query that gets somewhere (a signed call, or a page's api_key). */
function targetWithQuery(rng: Random, ctx: FuzzContext, path: string): string {
  const pairs = basePairs(rng, ctx, path);
  return pairs.length ? `${path}?${joinRaw(pairs)}` : path;
}

function badRequestLine(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = anyTarget(rng, false);
  const target = targetWithQuery(rng, ctx, path);
  const host = `Host: ${ctx.host()}\r\n`;
  const lines: Array<[string, string]> = [
    ['no target or version', `GET\r\n${host}\r\n`],
    ['HTTP/0.9 style', `GET ${target}\r\n\r\n`],
    ['version 9.9', `GET ${target} HTTP/9.9\r\n${host}\r\n`],
    ['version 2.0', `GET ${target} HTTP/2.0\r\n${host}\r\n`],
    ['version 1.2', `GET ${target} HTTP/1.2\r\n${host}\r\n`],
    ['lower-case version', `GET ${target} http/1.1\r\n${host}\r\n`],
    ['extra word', `GET ${target} HTTP/1.1 extra\r\n${host}\r\n`],
    ['two spaces', `GET  ${target} HTTP/1.1\r\n${host}\r\n`],
    ['tab separators', `GET\t${target}\tHTTP/1.1\r\n${host}\r\n`],
    ['bare LF line ends', `GET ${target} HTTP/1.1\n${host.replace('\r\n', '\n')}\n`],
    ['bare CR line ends', `GET ${target} HTTP/1.1\r${host.replace('\r\n', '\r')}\r`],
    ['leading empty lines', `\r\n\r\nGET ${target} HTTP/1.1\r\n${host}\r\n`],
    ['leading space', ` GET ${target} HTTP/1.1\r\n${host}\r\n`],
    ['HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
    ['TLS ClientHello', '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03' + 'R'.repeat(32)],
    ['binary garbage', rng.bytes(rng.int(1, 300)).toString('latin1')],
    ['NUL in method', `G\x00T ${target} HTTP/1.1\r\n${host}\r\n`],
    ['target without slash', `GET restserver.php HTTP/1.1\r\n${host}\r\n`],
    ['target with fragment', `GET ${target}#x HTTP/1.1\r\n${host}\r\n`],
    ['request line over 16 KiB', `GET ${path}?${'q'.repeat(17_000)} HTTP/1.1\r\n${host}\r\n`],
    ['SSH banner', 'SSH-2.0-OpenSSH_9.6\r\n'],
  ];
  const [what, text] = rng.pick(lines);
  const binary = what === 'TLS ClientHello' || what === 'binary garbage' || what === 'HTTP/2 preface' || what === 'SSH banner';
  const answer: AnswerKind = binary || what === 'NUL in method' ? 'unreadable' : what === 'target without slash' ? 'unknown-path' : answerFor(path);
  return httpCase('bad-request-line', `${what} (${path})`, bytes(text), answer, {
    exchange: { chunks: [{ bytes: bytes(text) }], halfClose: rng.chance(0.5) },
    // A lone version-less line may be taken as HTTP/0.9 or garbage: the server may simply close.
    mustAnswer: !(what === 'HTTP/0.9 style' || what === 'bare CR line ends'),
  });
}

/** Methods nobody routes (PUT, DELETE, …), methods that do not exist, HEAD. */
function methods(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = anyTarget(rng, false);
  const method = rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'HEAD', 'HEAD', 'FOO', 'BREW', 'get', 'Get', 'POSTX', 'M-SEARCH', 'X'.repeat(100)]);
  const body = ['PUT', 'PATCH', 'POSTX'].includes(method) ? bytes(joinRaw(basePairs(rng, ctx, path))) : undefined;
  const request = rawRequest(ctx, { method, target: targetWithQuery(rng, ctx, path), headers: body ? [FORM] : [], body });
  return httpCase('methods', `${method.slice(0, 20)} ${path}`, request, answerFor(path), { exchange: { chunks: [{ bytes: request }], head: [method === 'HEAD'] } });
}

function targetForms(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = anyTarget(rng, false);
  const query = targetWithQuery(rng, ctx, path);
  const forms: Array<[string, string, AnswerKind]> = [
    ['absolute-form, this server', `GET http://${ctx.host()}${query} HTTP/1.1`, answerFor(path)],
    ['absolute-form, another host', `GET http://evil.example${query} HTTP/1.1`, answerFor(path)],
    ['absolute-form, https', `GET https://${ctx.host()}${query} HTTP/1.1`, answerFor(path)],
    ['absolute-form with user info', `GET http://user:pass@${ctx.host()}${query} HTTP/1.1`, answerFor(path)],
    ['asterisk-form OPTIONS', 'OPTIONS * HTTP/1.1', 'unknown-path'],
    ['asterisk-form GET', 'GET * HTTP/1.1', 'unknown-path'],
    ['authority-form CONNECT', `CONNECT ${ctx.host()} HTTP/1.1`, 'unknown-path'],
    ['double slash', `GET /${query} HTTP/1.1`, 'unknown-path'],
    ['dot segments', `GET /x/..${query} HTTP/1.1`, 'unknown-path'],
    ['encoded path', `GET ${path.replace('.', '%2E')}${query.slice(path.length)} HTTP/1.1`, 'unknown-path'],
    ['upper-case path', `GET ${query.replace(path, path.toUpperCase())} HTTP/1.1`, 'unknown-path'],
    ['trailing slash', `GET ${query.replace(path, `${path}/`)} HTTP/1.1`, 'unknown-path'],
    ['semicolon path parameter', `GET ${query.replace(path, `${path};x=1`)} HTTP/1.1`, 'unknown-path'],
  ];
  const [what, line, answer] = rng.pick(forms);
  const request = bytes(`${line}\r\nHost: ${ctx.host()}\r\n\r\n`);
  // Hearth is no proxy: closing a CONNECT (Node's default with no 'connect' listener) is fine.
  return httpCase('target-forms', `${what} (${path})`, request, answer, { mustAnswer: !what.includes('CONNECT') });
}

function badHeaders(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = anyTarget(rng, false);
  const target = targetWithQuery(rng, ctx, path);
  const variants: Array<[string, HeaderLine[]]> = [
    ['a header line without a colon', ['NoColonHere']],
    ['a header with a space before the colon', ['X-Bad : 1']],
    ['an empty header name', [': value']],
    ['obs-fold continuation', ['X-Folded: a', ' b']],
    ['a bare CR in a value', ['X-Cr: a\rb']],
    ['a NUL in a value', ['X-Nul: a\x00b']],
    ['a header over 16 KiB', [['X-Big', 'b'.repeat(17_000)]]],
    ['headers summing over 16 KiB', Array.from({ length: 400 }, (_, i): [string, string] => [`X-H${i}`, 'v'.repeat(40)])],
    ['headers just under 16 KiB', [['X-Big', 'b'.repeat(15_800 - target.length)]]],
    ['2000 tiny headers', Array.from({ length: 2000 }, (_, i): [string, string] => [`a${i}`, ''])],
    ['two Host headers', [['Host', ctx.host()], ['Host', 'evil.example']]],
    ['an empty Host', [['Host', '']]],
    ['Host evil.example', [['Host', 'evil.example']]],
    ['Host [::1', [['Host', '[::1']]],
    ['Host with a huge port', [['Host', '127.0.0.1:99999999']]],
    ['Host with a path', [['Host', '127.0.0.1/x?y']]],
    ['garbage X-Forwarded-For', [['X-Forwarded-For', 'x, ::ffff:1.2.3.4, 999.1.1.1, ' + 'y'.repeat(500)]]],
    ['X-Forwarded-Proto https', [['X-Forwarded-Proto', 'https'], ['X-Forwarded-Host', 'evil.example']]],
    ['Connection: upgrade to websocket', [['Connection', 'Upgrade'], ['Upgrade', 'websocket'], ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='], ['Sec-WebSocket-Version', '13']]],
    ['Upgrade h2c', [['Connection', 'Upgrade, HTTP2-Settings'], ['Upgrade', 'h2c'], ['HTTP2-Settings', 'AAMAAABkAARAAAAAAAIAAAAA']]],
    ['Connection: close, keep-alive, x', [['Connection', 'close, keep-alive, x']]],
    ['a header name with bytes over 0x7f', ['X-\xff: 1']],
    ['Content-Length on a GET', [['Content-Length', '5']]],
    ['Transfer-Encoding on a GET', [['Transfer-Encoding', 'chunked']]],
  ];
  const [what, headers] = rng.pick(variants);
  const hasHost = headers.some((h) => typeof h !== 'string' && h[0] === 'Host');
  let body: Buffer | undefined;
  if (what === 'Content-Length on a GET') body = bytes('abcde');
  if (what === 'Transfer-Encoding on a GET') body = bytes('0\r\n\r\n');
  const request = rawRequest(ctx, { method: 'GET', target, headers, noHost: hasHost, body, contentLength: false });
  return httpCase('bad-headers', `GET ${path} with ${what}`, request, answerFor(path));
}

/** HTTP/1.1 without Host must be refused in the target's own terms; HTTP/1.0 without Host is fine. */
function missingHost(rng: Random, ctx: FuzzContext): FuzzCase {
  const version = rng.pick(['HTTP/1.1', 'HTTP/1.0', 'HTTP/1.0']);
  const post = rng.chance(0.3);
  const path = anyTarget(rng, post);
  const body = post ? bytes(joinRaw(basePairs(rng, ctx, path))) : undefined;
  const request = rawRequest(ctx, { method: post ? 'POST' : 'GET', target: post ? path : targetWithQuery(rng, ctx, path), version, noHost: true, headers: post ? [FORM] : [], body });
  return httpCase('missing-host', `${version} ${post ? 'POST' : 'GET'} ${path} without Host`, request, answerFor(path), { unreadable: version === 'HTTP/1.1' });
}

function expect(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = rng.chance(0.6) ? API : rng.pick(PAGE_PATHS);
  const value = rng.pick(['100-continue', '100-continue', '100-CONTINUE', 'something-else', 'foo', '', '100-continue, foo', '200-ok']);
  const body = bytes(path === API ? formText(signedPairs(ctx, 'users.isAppUser', [['uid', String(ctx.demoUid)]])) : joinRaw(basePairs(rng, ctx, path)));
  const head = rawRequest(ctx, { method: 'POST', target: path, headers: [FORM, ['Content-Length', String(body.length)], ['Expect', value]] });
  // A client that waits for 100 Continue sends the body a little later; an impatient one at once.
  const wait = rng.pick([0, 50, 300]);
  return {
    category: 'http',
    generator: 'expect',
    description: `POST ${path} with Expect: ${JSON.stringify(value)}, body ${wait ? `after ${wait} ms` : 'at once'}`,
    exchange: { chunks: [{ bytes: head }, { bytes: body, delayMs: wait }] },
    answers: [answerFor(path)],
    unreadable: true,
  };
}

function contentLength(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = anyTarget(rng, true);
  const body = bytes(joinRaw(basePairs(rng, ctx, path)));
  const n = body.length;
  const variants: Array<[string, HeaderLine[]]> = [
    ['negative', [['Content-Length', '-1']]],
    ['huge', [['Content-Length', '99999999999999999999']]],
    ['2^53', [['Content-Length', '9007199254740993']]],
    ['just over the body limit', [['Content-Length', String(ctx.bodyLimit + 1)]]],
    ['duplicated, same', [['Content-Length', String(n)], ['Content-Length', String(n)]]],
    ['duplicated, different', [['Content-Length', String(n)], ['Content-Length', String(n + 5)]]],
    ['a list', [['Content-Length', `${n}, ${n}`]]],
    ['not a number', [['Content-Length', 'abc']]],
    ['number with junk', [['Content-Length', `${n}abc`]]],
    ['hex', [['Content-Length', `0x${n.toString(16)}`]]],
    ['plus sign', [['Content-Length', `+${n}`]]],
    ['empty', [['Content-Length', '']]],
    ['leading zeros', [['Content-Length', `000${n}`]]],
    ['zero with a body', [['Content-Length', '0']]],
    ['too short', [['Content-Length', String(Math.max(0, n - 3))]]],
    ['with Transfer-Encoding: chunked', [['Content-Length', String(n)], ['Transfer-Encoding', 'chunked']]],
    ['Transfer-Encoding gzip', [['Transfer-Encoding', 'gzip']]],
    ['Transfer-Encoding chunked twice', [['Transfer-Encoding', 'chunked'], ['Transfer-Encoding', 'chunked']]],
    ['Transfer-Encoding chunked, identity', [['Transfer-Encoding', 'chunked, identity']]],
    ['Transfer-Encoding xchunked', [['Transfer-Encoding', 'xchunked']]],
    ['Transfer-Encoding identity', [['Transfer-Encoding', 'identity']]],
    ['no length at all', []],
  ];
  const [what, headers] = rng.pick(variants);
  const chunkedBody = headers.some((h) => typeof h !== 'string' && h[0] === 'Transfer-Encoding' && h[1].includes('chunked'));
  const sent = chunkedBody && rng.chance(0.5) ? bytes(`${n.toString(16)}\r\n${body.toString('latin1')}\r\n0\r\n\r\n`) : body;
  const request = rawRequest(ctx, { method: 'POST', target: path, headers: [FORM, ...headers], body: sent, contentLength: false });
  return httpCase('content-length', `POST ${path}: Content-Length/Transfer-Encoding ${what}`, request, answerFor(path), {
    exchange: { chunks: [{ bytes: request }], halfClose: rng.chance(0.7) },
  });
}

function badChunks(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = anyTarget(rng, true);
  const form = joinRaw(basePairs(rng, ctx, path));
  const size = form.length.toString(16);
  const variants: Array<[string, string]> = [
    ['size not hex', `zz\r\n${form}\r\n0\r\n\r\n`],
    ['negative size', `-1\r\n${form}\r\n0\r\n\r\n`],
    ['size of 16 f', `ffffffffffffffff\r\n${form}\r\n0\r\n\r\n`],
    ['size of 40 digits', `${'1'.repeat(40)}\r\n${form}\r\n0\r\n\r\n`],
    ['chunk extension', `${size};foo=bar\r\n${form}\r\n0\r\n\r\n`],
    ['long chunk extension', `${size};${'e'.repeat(20_000)}\r\n${form}\r\n0\r\n\r\n`],
    ['missing CRLF after data', `${size}\r\n${form}0\r\n\r\n`],
    ['size bigger than data', `${(form.length + 10).toString(16)}\r\n${form}\r\n0\r\n\r\n`],
    ['no final chunk', `${size}\r\n${form}\r\n`],
    ['final chunk without blank line', `${size}\r\n${form}\r\n0\r\n`],
    ['trailers', `${size}\r\n${form}\r\n0\r\nX-Trailer: 1\r\nContent-Length: 5\r\n\r\n`],
    ['space before size', ` ${size}\r\n${form}\r\n0\r\n\r\n`],
    ['bare LF', `${size}\n${form}\n0\n\n`],
    ['thousands of 1-byte chunks', [...form.padEnd(3000, 'x')].map((c) => `1\r\n${c}\r\n`).join('') + '0\r\n\r\n'],
  ];
  const [what, body] = rng.pick(variants);
  const request = rawRequest(ctx, { method: 'POST', target: path, headers: [FORM, ['Transfer-Encoding', 'chunked']], body: bytes(body) });
  return httpCase('bad-chunks', `POST ${path}: chunked body with ${what}`, request, answerFor(path), { exchange: { chunks: [{ bytes: request }], halfClose: rng.chance(0.7) } });
}

/** Two to five requests in one write; sometimes a malformed one among them. */
function pipelined(rng: Random, ctx: FuzzContext): FuzzCase {
  const count = rng.int(2, 5);
  const parts: Buffer[] = [];
  const answers: AnswerKind[] = [];
  const head: boolean[] = [];
  const names: string[] = [];
  const broken = rng.chance(0.3) ? rng.int(0, count - 1) : -1;
  for (let i = 0; i < count; i++) {
    if (i === broken) {
      parts.push(bytes(rng.pick(['GARBAGE\r\n\r\n', `GET / HTTP/1.1\r\nNoColon\r\n\r\n`, `POST ${API} HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n`])));
      answers.push('unreadable');
      head.push(false);
      names.push('malformed');
      break;
    }
    const kind = rng.int(0, 4);
    if (kind === 0) {
      const body = bytes(formText(signedPairs(ctx, 'users.isAppUser', [['uid', String(ctx.demoUid)], ['format', rng.pick(['xml', 'json'])]])));
      parts.push(rawRequest(ctx, { method: 'POST', target: API, headers: [FORM], body }));
      answers.push('api');
      names.push('signed POST');
    } else if (kind === 1) {
      const path = rng.pick(PAGE_PATHS);
      parts.push(rawRequest(ctx, { method: 'GET', target: targetWithQuery(rng, ctx, path) }));
      answers.push(answerFor(path));
      names.push(`GET ${path}`);
    } else if (kind === 2) {
      parts.push(rawRequest(ctx, { method: 'HEAD', target: '/login.php' }));
      answers.push('page');
      names.push('HEAD');
    } else if (kind === 3) {
      parts.push(rawRequest(ctx, { method: 'GET', target: '/healthz' }));
      answers.push('probe');
      names.push('healthz');
    } else {
      const path = rng.pick(PAGE_PATHS);
      parts.push(rawRequest(ctx, { method: 'POST', target: path, headers: [FORM], body: bytes(`${joinRaw(basePairs(rng, ctx, path))}&x=%FF`) }));
      answers.push('page');
      names.push(`POST ${path}`);
    }
    head.push(kind === 2);
  }
  const last = rng.chance(0.3) ? bytes(`GET /healthz HTTP/1.1\r\nHost: ${ctx.host()}\r\nConnection: close\r\n\r\n`) : undefined;
  const data = Buffer.concat(last && broken === -1 ? [...parts, last] : parts);
  if (last && broken === -1) {
    answers.push('probe');
    head.push(false);
    names.push('healthz with Connection: close');
  }
  return {
    category: 'http',
    generator: 'pipelined',
    description: `${answers.length} pipelined requests: ${names.join(', ')}`,
    exchange: { chunks: [{ bytes: data }], responses: answers.length, head },
    answers,
    unreadable: true,
  };
}

export const HTTP: GeneratorEntry[] = [
  { name: 'bad-request-line', category: 'http', weight: 3, make: badRequestLine },
  { name: 'methods', category: 'http', weight: 2, make: methods },
  { name: 'target-forms', category: 'http', weight: 2, make: targetForms },
  { name: 'bad-headers', category: 'http', weight: 3, make: badHeaders },
  { name: 'missing-host', category: 'http', weight: 1.5, make: missingHost },
  { name: 'expect', category: 'http', weight: 1.5, make: expect },
  { name: 'content-length', category: 'http', weight: 3, make: contentLength },
  { name: 'bad-chunks', category: 'http', weight: 2, make: badChunks },
  { name: 'pipelined', category: 'http', weight: 2, make: pipelined },
];
