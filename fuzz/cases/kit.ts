/**
 * What every generator shares: the shape of a case, the context a run gives it (where the server
 * is, the demo app's keys, sessions, cookies), raw request builders and the hostile strings.
 */
import { computeSignature } from '../../src/wire/signature.js';
import type { Chunk, Exchange, ExchangeResult } from '../engine.js';
import type { Random } from '../random.js';

export const CATEGORIES = ['truncated', 'slow', 'encoding', 'params', 'api-calls', 'pages', 'http'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * What an answer must be, by where the request went: the API's envelope; a page (HTML, a redirect,
 * a 304); the stylesheet (CSS, a 304, or a page); a probe (/healthz, /readyz: text); any path the
 * server does not serve (any answer below 500).
 */
export type AnswerKind = 'api' | 'page' | 'stylesheet' | 'probe' | 'unknown-path' | 'unreadable';

export interface FuzzCase {
  readonly category: Category;
  /** The generator's name, to skip it with --skip. */
  readonly generator: string;
  /** What the case does, for the report. */
  readonly description: string;
  readonly exchange: Omit<Exchange, 'deadlineMs'> & { readonly deadlineMs?: number };
  /** One per expected (pipelined) response. */
  readonly answers: readonly AnswerKind[];
  /** False: the server may also close the connection without answering (slow cases). */
  readonly mustAnswer?: boolean;
  /**
   * The request may be unreadable as HTTP (bad framing, bytes or sizes the parser refuses, cut
   * off): the path is then unknown, and the API's XML error envelope is a right answer whatever
   * path the bytes named.
   */
  readonly unreadable?: boolean;
  /** Called with the outcome (the call_id cases remember which hostile call_ids were accepted). */
  readonly observe?: (result: ExchangeResult) => void;
}

export interface Session {
  readonly sessionKey: string;
  readonly uid: number;
}

export interface FuzzContext {
  /** Host header value for well-formed requests: 127.0.0.1:PORT of the running child. */
  host(): string;
  readonly web: { readonly appId: number; readonly apiKey: string; readonly secret: string };
  readonly desktop: { readonly appId: number; readonly apiKey: string; readonly secret: string };
  readonly demoUid: number;
  readonly fuzzUid: number;
  /** `hearth_login=…` of the fuzz person (never sent to logout.php, which would end it). */
  readonly signedInCookie: string;
  /** Sessions of the demo person with the web app, only for well-formed signed calls. */
  readonly sessions: readonly Session[];
  /** The session hostile call_ids are sent in, and one that has seen no call before them. */
  readonly hostileSession: Session;
  readonly freshHostileSession: Session;
  /** A call_id greater than every one handed out before: current time in seconds, as a float. */
  nextCallId(): string;
  /** Hostile call_ids the server accepted (not error 103), by session key. */
  readonly acceptedHostile: Map<string, string[]>;
  readonly bodyLimit: number;
}

export type Generator = (rng: Random, ctx: FuzzContext) => FuzzCase;

export interface GeneratorEntry {
  readonly name: string;
  readonly category: Category;
  readonly weight: number;
  readonly make: Generator;
}

// ---------------------------------------------------------------------------------------------
// Paths

export const API = '/restserver.php';
/** Pages that take GET and POST (forms). */
export const PAGE_PATHS = [
  '/login.php',
  '/authorize.php',
  '/prompt_permission.php',
  '/prompt_permissions.php',
  '/connect/prompt_permissions.php',
  '/logout.php',
  '/editapps.php',
  '/editprofile.php',
  '/friends.php',
] as const;
/** Pages that answer GET (and HEAD) only; other methods there are the `methods` generator's business. */
export const GET_ONLY_PAGES = ['/profile.php', '/connect/login_success.html', '/hearth.css'] as const;
export const PROBES = ['/healthz', '/readyz'] as const;

export function answerFor(path: string): AnswerKind {
  const bare = path.split('?')[0]!;
  if (bare === API) return 'api';
  if (bare === '/hearth.css') return 'stylesheet';
  if ((PAGE_PATHS as readonly string[]).includes(bare) || (GET_ONLY_PAGES as readonly string[]).includes(bare)) return 'page';
  if ((PROBES as readonly string[]).includes(bare)) return 'probe';
  return 'unknown-path';
}

/** A page or the API, at random; pages that take forms when a body is sent. */
export function anyTarget(rng: Random, withBody: boolean): string {
  if (rng.chance(0.45)) return API;
  return rng.pick(withBody ? PAGE_PATHS : [...PAGE_PATHS, ...GET_ONLY_PAGES]);
}

// ---------------------------------------------------------------------------------------------
// Raw requests

export type HeaderLine = readonly [string, string] | string;

export interface RequestShape {
  readonly method?: string;
  readonly target: string;
  readonly version?: string;
  /** Written as given, in order. Host is added first unless `noHost` or a Host header is given. */
  readonly headers?: readonly HeaderLine[];
  readonly noHost?: boolean;
  readonly body?: Buffer | string;
  /** Add `Content-Length` for the body (default when there is a body and no Transfer-Encoding given). */
  readonly contentLength?: boolean;
}

/** Latin1 in, one byte per character: raw requests may carry any byte. */
export function bytes(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

export function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

export function rawRequest(ctx: FuzzContext, shape: RequestShape): Buffer {
  const body = shape.body === undefined ? undefined : typeof shape.body === 'string' ? utf8(shape.body) : shape.body;
  const lines: string[] = [`${shape.method ?? (body ? 'POST' : 'GET')} ${shape.target} ${shape.version ?? 'HTTP/1.1'}`];
  const given = (shape.headers ?? []).map((line) => (typeof line === 'string' ? line : `${line[0]}: ${line[1]}`));
  const has = (name: string) => given.some((line) => line.toLowerCase().startsWith(`${name}:`));
  if (!shape.noHost && !has('host')) lines.push(`Host: ${ctx.host()}`);
  lines.push(...given);
  if (body && shape.contentLength !== false && !has('content-length') && !has('transfer-encoding')) lines.push(`Content-Length: ${body.length}`);
  const head = bytes(`${lines.join('\r\n')}\r\n\r\n`);
  return body ? Buffer.concat([head, body]) : head;
}

export function single(data: Buffer, extra: Partial<FuzzCase['exchange']> = {}): FuzzCase['exchange'] {
  return { chunks: [{ bytes: data }], ...extra };
}

/** `data` cut into pieces written `delayMs` apart. */
export function trickle(data: Buffer, pieceSize: number, delayMs: number, firstDelayMs = 0): Chunk[] {
  const chunks: Chunk[] = [];
  for (let at = 0; at < data.length; at += pieceSize) chunks.push({ bytes: data.subarray(at, at + pieceSize), delayMs: at === 0 ? firstDelayMs : delayMs });
  return chunks;
}

export const FORM = ['Content-Type', 'application/x-www-form-urlencoded'] as const;

// ---------------------------------------------------------------------------------------------
// Forms

/** Percent-encodes UTF-8 text the way a browser's form does (space as +). */
export function encodeComponent(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Surrogate halves cannot go through encodeURIComponent; they are sent as the bytes Node would write (EF BF BD) or as CESU escapes by the generators. */
export function safeEncode(text: string): string {
  try {
    return encodeComponent(text);
  } catch {
    return encodeComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

export function formText(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([name, value]) => `${safeEncode(name)}=${safeEncode(value)}`).join('&');
}

/** A multipart body; `file` parts carry a filename. */
export function multipartBody(boundary: string, parts: ReadonlyArray<{ name: string; value: Buffer | string; filename?: string; type?: string }>): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    head += '\r\n';
    if (part.type) head += `Content-Type: ${part.type}\r\n`;
    pieces.push(utf8(`${head}\r\n`), typeof part.value === 'string' ? utf8(part.value) : part.value, bytes('\r\n'));
  }
  pieces.push(bytes(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

export function boundaryOf(rng: Random): string {
  return rng.pick(['----hearthfuzz', 'X', `----WebKitFormBoundary${rng.text(16)}`, 'a'.repeat(70), 'b-o-u-n-d']);
}

// ---------------------------------------------------------------------------------------------
// Signed API calls

/** A call the demo web app signs correctly; `session` adds session_key and a call_id. */
export function signedPairs(
  ctx: FuzzContext,
  method: string,
  extra: ReadonlyArray<readonly [string, string]>,
  options: { session?: Session; callId?: string } = {},
): Array<[string, string]> {
  const pairs: Array<[string, string]> = [
    ['method', method],
    ['api_key', ctx.web.apiKey],
    ['v', '1.0'],
  ];
  if (options.session) pairs.push(['session_key', options.session.sessionKey], ['call_id', options.callId ?? ctx.nextCallId()]);
  pairs.push(...extra.map(([name, value]): [string, string] => [name, value]));
  pairs.push(['sig', computeSignature(pairs, ctx.web.secret)]);
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// Hostile text

/** Percent-escapes and raw text that must be refused or read, never crash anything. */
export const BAD_ESCAPES = ['%C3%28', '%FF', '%FE%FF', '%C0%AF', '%E0%80%AF', '%ED%A0%80', '%ED%BF%BF', '%F4%90%80%80', '%F8%88%80%80%80', '%', '%%', '%z', '%zz', '%4', '%G0', '%00', '%0B', '%1F', '%7F', '%C2%85', '%EF%BB%BF', '%EF%BF%BE', '%EF%BF%BF', '%E2%80%AE', '%F0%9F%92%A9', '%2525', '%u0041', '%C3'];
/** Raw bytes (latin1 characters) to put unescaped in a URL or body. */
export const RAW_BYTES = ['\x80', '\xff', '\xc3\x28', '\xc0\xaf', '\xef\xbb\xbf', '\xed\xa0\x80', '\x00', '\x01', '\x7f', '\x1b[31m', '\t', '\x0b', '\x0c', '\r', '\n', ' '];
/** UTF-8 text that is valid but unusual. */
export const ODD_TEXT = ['\u202e', '\ufeff', '\u2028', '\u0085', '\ufffd', '\u{1f4a9}', 'e\u0301', '\u0000', '\u00a0', 'ǅ', '\uffff', '\ufffe', '𝕳𝖊𝖆𝖗𝖙𝖍', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'", '\\', '../../etc/passwd', '${7*7}', '{{7*7}}', '%s%n', 'null', 'undefined', '[]', '{}', '__proto__', 'constructor', 'toString'];

export function hostileValue(rng: Random): string {
  switch (rng.int(0, 5)) {
    case 0:
      return rng.pick(BAD_ESCAPES);
    case 1:
      return `x${rng.pick(BAD_ESCAPES)}y`;
    case 2:
      return safeEncode(rng.pick(ODD_TEXT));
    case 3:
      return rng.text(rng.int(0, 40), 'abc%2B+=&;#?/\\"\'<>');
    case 4:
      return String(rng.pick([0, -1, 1e21, 2 ** 53, Number.NaN, 'Infinity', '0x1f', '1e999', '-0', '9'.repeat(400)]));
    default:
      return safeEncode(rng.text(rng.int(1, 20)));
  }
}

/** Names the server reads, to make hostile values reach real code. */
export const API_NAMES = ['method', 'api_key', 'v', 'sig', 'format', 'callback', 'call_id', 'session_key', 'ss', 'uid', 'uids', 'fields', 'auth_token', 'generate_session_secret', 'profile', 'markup', 'type', 'ext_perm', 'uids1', 'uids2', 'flid'];
export const PAGE_NAMES = [
  'api_key',
  'app_key',
  'v',
  'next',
  'cancel_url',
  'next_cancel',
  'cancel',
  'auth_token',
  'canvas',
  'popup',
  'display',
  'skipcookie',
  'hide_checkbox',
  'req_perms',
  'fbconnect',
  'return_session',
  'session_key_only',
  'connect_next',
  'session_key',
  'confirm',
  'ext_perm',
  'perms',
  'step',
  'grant',
  'csrf_token',
  'email',
  'pass',
  'persistent',
  'remove',
  'removed',
  'save',
  'saved',
  'name',
  'picture_url',
  'sex',
  'birthday',
  'locale',
  'timezone',
  'friend',
  'request',
  'accept',
  'decline',
  'done',
  'who',
  'id',
];

export const HOSTILE_URLS = [
  'javascript:alert(1)',
  '//evil.example/',
  '\\\\evil.example',
  '/\\evil.example',
  'http://evil.example/',
  'http://127.0.0.1@evil.example/',
  'https://evil.example%2F@127.0.0.1/',
  'data:text/html,<script>alert(1)</script>',
  'http://[::1',
  'http://%zz/',
  'http:',
  '\r\nLocation: http://evil.example/',
  '%0d%0aSet-Cookie:%20x=1',
  'http://app.example.org/callback/../../x',
  '/connect/login_success.html?x=1#frag',
  ' http://evil.example',
  '\u3002evil.example',
];

/** Whether Node's parser may refuse the request head: over ~16 KiB, or bytes outside printable ASCII. */
export function mayBeUnreadable(request: Buffer): boolean {
  const end = request.indexOf('\r\n\r\n');
  const head = request.subarray(0, end === -1 ? request.length : end);
  return head.length > 15_000 || /[^\x20-\x7e\r\n\t]/.test(head.toString('latin1'));
}

export function abbreviate(data: Buffer, head = 300, tail = 80): string {
  const text = (buffer: Buffer) => JSON.stringify(buffer.toString('latin1')).slice(1, -1);
  if (data.length <= head + tail + 20) return text(data);
  return `${text(data.subarray(0, head))} …[${data.length - head - tail} more bytes]… ${text(data.subarray(data.length - tail))}`;
}

/** Pairs already in wire form (escapes and raw bytes as the case wants them), joined unencoded. */
export function joinRaw(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** Wire pairs that get a request some way into the API or a page before the hostile part. */
export function basePairs(rng: Random, ctx: FuzzContext, target: string): Array<[string, string]> {
  if (answerFor(target) === 'api') {
    if (rng.chance(0.5)) return signedPairs(ctx, rng.pick(SAFE_METHODS), [['format', rng.pick(['xml', 'json'])]]).map(([n, v]): [string, string] => [safeEncode(n), safeEncode(v)]);
    return [
      ['method', rng.pick(SAFE_METHODS)],
      ['api_key', rng.chance(0.8) ? ctx.web.apiKey : rng.text(32, '0123456789abcdef')],
      ['v', '1.0'],
      ['sig', rng.text(32, '0123456789abcdef')],
    ];
  }
  const pairs: Array<[string, string]> = [];
  if (rng.chance(0.7)) pairs.push(['api_key', rng.chance(0.7) ? ctx.web.apiKey : ctx.desktop.apiKey], ['v', '1.0']);
  if (target.startsWith('/profile.php')) pairs.push(['id', String(rng.pick([ctx.demoUid, ctx.fuzzUid]))]);
  return pairs;
}

/** Methods that a fuzz case may call with a valid signature without ending the run's sessions or grants. */
export const SAFE_METHODS = [
  'users.getLoggedInUser',
  'users.isAppUser',
  'users.getInfo',
  'users.hasAppPermission',
  'friends.get',
  'friends.areFriends',
  'friends.getAppUsers',
  'profile.getFBML',
  'profile.setFBML',
  'auth.createToken',
  'auth.getSession',
  'facebook.users.isAppUser',
  'USERS.GETINFO',
];
