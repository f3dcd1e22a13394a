/**
 * Wire-level helpers for the protocol conformance tests (error codes, transport, malformed
 * requests). Unlike `RestClient`, these send exactly the pairs a test lists — in the query string,
 * the body, or raw bytes over a socket — and build the expected `error_response` bodies from the
 * layout of protocol.md §8.6 independently of the server's serialisers.
 */
import { createHash } from 'node:crypto';
import net from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { ArgumentValue, RestClient } from '../../sdk/index.js';
import type { TestServer } from '../support/test-server.js';

export type Pair = [string, string];
export type Pairs = Pair[];
export type Format = 'xml' | 'json';

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** Query first, then body; a later value replaces an earlier one but keeps its first position (§2.1). */
export function merged(...sources: Pairs[]): Pairs {
  const map = new Map<string, string>();
  for (const source of sources) for (const [key, value] of source) map.set(key, value);
  return [...map];
}

/** protocol.md §3, written out again here so the tests do not trust the server's own code. */
export function baseString(pairs: Pairs): string {
  return pairs
    .filter(([key]) => key !== 'sig')
    .sort(([a], [b]) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')))
    .map(([key, value]) => `${key}=${value}`)
    .join('');
}

/** The signature over the merged parameters of all sources. */
export function sign(secret: string, ...sources: Pairs[]): string {
  return createHash('md5').update(baseString(merged(...sources)) + secret, 'utf8').digest('hex');
}

/** Appends a correct `sig` to `into` (which must be one of `sources` or a later source). */
export function addSig(secret: string, into: Pairs, ...sources: Pairs[]): Pairs {
  into.push(['sig', sign(secret, ...sources)]);
  return into;
}

/** The format parameter a format-parametrised test sends: none for XML (the default), `JSON` for JSON. */
export function formatArg(format: Format): Pairs {
  return format === 'json' ? [['format', 'JSON']] : [];
}

export function encode(pairs: Pairs): string {
  return new URLSearchParams(pairs).toString();
}

async function answerOf(response: Response): Promise<Answer> {
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

/** POST with `query` in the URL and `body` form-encoded. */
export async function post(server: TestServer, query: Pairs, body: Pairs | string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  const url = query.length ? `${server.endpoint}?${encode(query)}` : server.endpoint;
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : encode(body);
  return answerOf(
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: typeof payload === 'string' ? payload : new Uint8Array(payload),
    }),
  );
}

/** GET with everything in the query string. `rawQuery` is appended after `?` untouched. */
export async function get(server: TestServer, query: Pairs | string, headers: Record<string, string> = {}): Promise<Answer> {
  const text = typeof query === 'string' ? query : encode(query);
  return answerOf(await fetch(text === '' ? server.endpoint : `${server.endpoint}?${text}`, { headers }));
}

/**
 * Sends raw bytes over a fresh socket and reads the answer until the server closes. `endAfterWrite`
 * half-closes the socket after writing (the client "goes away" while the server may still answer).
 */
export function rawHttp(server: TestServer, request: Buffer | string, options: { endAfterWrite?: boolean; timeoutMs?: number } = {}): Promise<Answer | undefined> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), options.timeoutMs ?? 2000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks);
      if (raw.length === 0) return resolve(undefined);
      try {
        resolve(parseHttpResponse(raw));
      } catch (error) {
        reject(error as Error);
      }
    });
    socket.write(request, () => {
      if (options.endAfterWrite) socket.end();
    });
  });
}

function parseHttpResponse(raw: Buffer): Answer {
  const split = raw.indexOf('\r\n\r\n');
  if (split === -1) throw new Error(`incomplete HTTP response: ${JSON.stringify(raw.toString('latin1'))}`);
  const head = raw.subarray(0, split).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1]);
  const headers = new Map<string, string>();
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = raw.subarray(split + 4);
  if (headers.get('transfer-encoding') === 'chunked') {
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const eol = body.indexOf('\r\n', at);
      const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
      if (!size) break;
      parts.push(body.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  } else if (headers.has('content-length')) {
    body = body.subarray(0, Number(headers.get('content-length')));
  }
  return { status, contentType: headers.get('content-type') ?? '', body: body.toString('utf8') };
}

/** An HTTP/1.1 request as bytes; `Content-Length` is computed unless given in `headers`. */
export function httpRequest(method: string, target: string, headers: Record<string, string>, body: Buffer | string = ''): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
  const all: Record<string, string> = { host: '127.0.0.1', connection: 'close', ...headers };
  if (method === 'POST' && !Object.keys(all).some((name) => name.toLowerCase() === 'content-length' || name.toLowerCase() === 'transfer-encoding')) {
    all['content-length'] = String(bytes.length);
  }
  const head = `${method} ${target} HTTP/1.1\r\n${Object.entries(all).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}

// ---------------------------------------------------------------------------------------------
// Expected bodies, built from the layout of protocol.md §8.2 / §8.6.

const ROOT_ATTRIBUTES =
  'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** PHP json_encode style (§8.3): `/` as `\/`, every non-ASCII UTF-16 unit as `\uXXXX`. */
export function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function xmlErrorBody(code: number, message: string, args: Pairs): string {
  const list = args.length
    ? `  <request_args list="true">\n${args
        .map(([key, value]) => `    <arg>\n      ${key === '' ? '<key/>' : `<key>${xmlText(key)}</key>`}\n      ${value === '' ? '<value/>' : `<value>${xmlText(value)}</value>`}\n    </arg>\n`)
        .join('')}  </request_args>\n`
    : '  <request_args list="true"></request_args>\n';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<error_response ${ROOT_ATTRIBUTES}>\n` +
    `  <error_code>${code}</error_code>\n` +
    `  <error_msg>${xmlText(message)}</error_msg>\n` +
    list +
    '</error_response>\n'
  );
}

export function jsonErrorBody(code: number, message: string, args: Pairs): string {
  return phpJson({ error_code: code, error_msg: message, request_args: args.map(([key, value]) => ({ key, value })) });
}

export function errorBody(format: Format, code: number, message: string, args: Pairs): string {
  return format === 'xml' ? xmlErrorBody(code, message, args) : jsonErrorBody(code, message, args);
}

export function xmlAnswer(root: string, text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${ROOT_ATTRIBUTES}>${text}</${root}>\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading answers.

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'arg',
});

export interface ParsedError {
  readonly code: number;
  readonly message: string;
  readonly args: Pairs;
}

function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'object') return String((node as Record<string, unknown>)['#text'] ?? '');
  return String(node);
}

/** Parses an error_response in either format, failing the test if it is not one. */
export function parseError(format: Format, body: string): ParsedError {
  if (format === 'json') {
    const value = JSON.parse(body) as { error_code: unknown; error_msg: unknown; request_args: unknown };
    expect(typeof value.error_code, 'error_code is a JSON number').toBe('number');
    expect(typeof value.error_msg).toBe('string');
    expect(Array.isArray(value.request_args)).toBe(true);
    const args = (value.request_args as Array<{ key: unknown; value: unknown }>).map(({ key, value: v }): Pair => {
      expect(typeof key).toBe('string');
      expect(typeof v).toBe('string');
      return [key as string, v as string];
    });
    return { code: value.error_code as number, message: value.error_msg as string, args };
  }
  expect(XMLValidator.validate(body), 'the XML answer is well-formed').toBe(true);
  const doc = parser.parse(body) as Record<string, unknown>;
  const root = Object.keys(doc).filter((key) => key !== '?xml');
  expect(root).toEqual(['error_response']);
  const error = doc.error_response as Record<string, unknown>;
  const list = error.request_args as Record<string, unknown> | string | undefined;
  const items = typeof list === 'object' && list !== null && Array.isArray(list.arg) ? (list.arg as Array<Record<string, unknown>>) : [];
  return {
    code: Number(textOf(error.error_code)),
    message: textOf(error.error_msg),
    args: items.map((item): Pair => [textOf(item.key), textOf(item.value)]),
  };
}

/**
 * The answer is HTTP 200, a well-formed error_response in `format` with this code and message,
 * byte-identical to the §8.6 layout, and carries no stack trace. `args` is the full request_args
 * list expected (omit to skip that check).
 */
export function expectError(answer: Answer, format: Format, code: number, message: string | RegExp, args?: Pairs): ParsedError {
  expect(answer.status).toBe(200);
  expect(answer.contentType).toBe(format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8');
  expect(answer.body).not.toContain('    at ');
  const parsed = parseError(format, answer.body);
  expect(parsed.code).toBe(code);
  if (typeof message === 'string') expect(parsed.message).toBe(message);
  else expect(parsed.message).toMatch(message);
  if (args) {
    expect(parsed.args).toEqual(args);
    expect(answer.body).toBe(errorBody(format, code, parsed.message, args));
  }
  return parsed;
}

/** A successful answer with the canonical root and text (XML) or this JSON text. */
export function expectAnswer(answer: Answer, format: Format, root: string, xmlValue: string, jsonValue: string): void {
  expect(answer.status).toBe(200);
  if (format === 'xml') {
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    expect(answer.body).toBe(xmlAnswer(root, xmlValue));
  } else {
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(answer.body).toBe(jsonValue);
  }
}

/**
 * A call through the typed client with arguments as any client may send them — of the wrong type,
 * or missing — which the typed signature would not let a test write.
 */
export function looseCall(client: RestClient, method: string, params: Readonly<Record<string, ArgumentValue>>): Promise<unknown> {
  return (client.call as (this: RestClient, method: string, params: Readonly<Record<string, ArgumentValue>>) => Promise<unknown>).call(client, method, params);
}
