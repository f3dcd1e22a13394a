/**
 * 3. Bad encodings: UTF-8 that is not (`%C3%28`, `%FF`, overlong `%C0%AF`, CESU surrogates),
 * broken escapes (`%`, `%zz`), raw bytes from 0x80 up, NUL and control characters, BOMs, in
 * names and values, in the query and the body (urlencoded and multipart), for the API and pages;
 * and the same bytes where HTTP itself carries them (the request target, header values).
 */
import type { Random } from '../random.js';
import {
  answerFor,
  anyTarget,
  BAD_ESCAPES,
  basePairs,
  boundaryOf,
  bytes,
  FORM,
  joinRaw,
  ODD_TEXT,
  RAW_BYTES,
  rawRequest,
  safeEncode,
  type FuzzCase,
  type FuzzContext,
  type GeneratorEntry,
} from './kit.js';

const SURROGATES = ['%ED%A0%BD%ED%B2%A9', '%ED%A0%80', '%ED%B0%80', '%ED%BF%BF%ED%A0%80', '\xed\xa0\xbd\xed\xb2\xa9'];
const BOMS = ['%EF%BB%BF', '\xef\xbb\xbf', '%FE%FF', '%FF%FE', '\xfe\xff', '\xff\xfe\x00\x00'];

/** One hostile piece of wire text: an escape, raw bytes, a BOM, a surrogate or odd (valid) text. */
function badPiece(rng: Random, raw: boolean): string {
  switch (rng.int(0, raw ? 5 : 4)) {
    case 0:
      return rng.pick(BAD_ESCAPES);
    case 1:
      return rng.pick(SURROGATES.filter((s) => raw || s.startsWith('%')));
    case 2:
      return rng.pick(BOMS.filter((s) => raw || s.startsWith('%')));
    case 3:
      return safeEncode(rng.pick(ODD_TEXT));
    case 4:
      return rng.pick(['%00', '%01', '%08', '%0B', '%1B', '%7F', '%C2%80', '%C2%9F', '%0D%0A', '%09']);
    default:
      return rng.pick(RAW_BYTES);
  }
}

/** Base pairs with hostile pieces spliced into some names and values, or added as pairs. */
function spoiled(rng: Random, ctx: FuzzContext, target: string, raw: boolean): { pairs: Array<[string, string]>; where: string } {
  const pairs = basePairs(rng, ctx, target);
  const piece = badPiece(rng, raw);
  const inName = rng.chance(0.35);
  const at = rng.int(0, pairs.length);
  if (at === pairs.length || rng.chance(0.3)) {
    pairs.splice(at, 0, inName ? [`n${piece}m`, 'v'] : [rng.pick(['x', 'uid', 'next', 'callback', 'format', 'name', 'email']), `a${piece}b`]);
  } else {
    const [name, value] = pairs[at]!;
    pairs[at] = inName ? [`${name}${piece}`, value] : [name, rng.chance(0.5) ? `${value}${piece}` : `${piece}${value}`];
  }
  if (rng.chance(0.15)) pairs.unshift([rng.pick(BOMS.filter((s) => raw || s.startsWith('%'))) + 'a', '1']);
  return { pairs, where: `${JSON.stringify(piece)} in a ${inName ? 'name' : 'value'}` };
}

function inQuery(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, false);
  const { pairs, where } = spoiled(rng, ctx, target, false);
  const method = rng.chance(0.8) ? 'GET' : 'HEAD';
  const request = rawRequest(ctx, { method, target: `${target}?${joinRaw(pairs)}` });
  return {
    category: 'encoding',
    generator: 'bad-escape-query',
    description: `${method} ${target} with ${where} of the query`,
    exchange: { chunks: [{ bytes: request }], head: [method === 'HEAD'] },
    answers: [answerFor(target)],
  };
}

function inBody(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, true);
  const raw = rng.chance(0.4);
  const { pairs, where } = spoiled(rng, ctx, target, raw);
  const request = rawRequest(ctx, { method: 'POST', target, headers: [FORM], body: bytes(joinRaw(pairs)) });
  return {
    category: 'encoding',
    generator: 'bad-escape-body',
    description: `POST ${target} with ${where} of the urlencoded body${raw ? ' (raw bytes allowed)' : ''}`,
    exchange: { chunks: [{ bytes: request }] },
    answers: [answerFor(target)],
  };
}

/** Names and values of multipart parts are raw bytes: nothing decodes escapes there. */
function inMultipart(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, true);
  const boundary = boundaryOf(rng);
  const piece = rng.pick([...RAW_BYTES, '\xc3\x28', '\xed\xa0\x80', '\xef\xbb\xbf', '\xf8\x88\x80\x80\x80', '"', '\\"', '%FF', '\r\n']);
  const inName = rng.chance(0.4);
  const fields = basePairs(rng, ctx, target).map(([n, v]) => [decodeURIComponent(n), decodeURIComponent(v.replace(/\+/g, ' '))] as const);
  const extra = inName ? `--${boundary}\r\nContent-Disposition: form-data; name="x${piece}y"\r\n\r\nv\r\n` : `--${boundary}\r\nContent-Disposition: form-data; name="${rng.pick(['x', 'uid', 'next', 'format'])}"\r\n\r\na${piece}b\r\n`;
  const charset = rng.chance(0.2) ? `--${boundary}\r\nContent-Disposition: form-data; name="_charset_"\r\n\r\n${rng.pick(['utf-8', 'latin1', 'utf-16', 'x'])}\r\n` : '';
  const encodedName = rng.chance(0.2) ? `--${boundary}\r\nContent-Disposition: form-data; name*=UTF-8''%FF%C3%28\r\n\r\nv\r\n` : '';
  const body = Buffer.concat([
    ...fields.map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, 'utf8')),
    bytes(extra + charset + encodedName + `--${boundary}--\r\n`),
  ]);
  const request = rawRequest(ctx, { method: 'POST', target, headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]], body });
  return {
    category: 'encoding',
    generator: 'bad-bytes-multipart',
    description: `POST ${target}: multipart with ${JSON.stringify(piece)} in a part's ${inName ? 'name' : 'value'}`,
    exchange: { chunks: [{ bytes: request }] },
    answers: [answerFor(target)],
  };
}

/** Raw bytes in the request target itself (Node's parser refuses some: then the path is unknown). */
function rawInUrl(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, false);
  const piece = rng.pick([...RAW_BYTES.filter((b) => b !== ' ' && b !== '\r' && b !== '\n'), '\xc3\xa9', '\xe2\x80\xae', '\xf0\x9f\x92\xa9', '#frag', '%', '\\']);
  const place = rng.int(0, 2);
  const query = joinRaw(basePairs(rng, ctx, target));
  const url = place === 0 ? `${target}?${query}&x=${piece}` : place === 1 ? `${target}?${piece}${query}` : `${target}${piece}?${query}`;
  const request = rawRequest(ctx, { method: 'GET', target: url });
  return {
    category: 'encoding',
    generator: 'raw-bytes-url',
    description: `GET ${target} with raw ${JSON.stringify(piece)} in the ${place === 2 ? 'path' : 'query'}`,
    exchange: { chunks: [{ bytes: request }] },
    // A byte in the path makes it another path, which nobody serves.
    answers: [place === 2 ? 'unknown-path' : answerFor(target)],
    unreadable: true,
  };
}

/** The same bytes in header values the server reads: Cookie, Origin, Content-Type, Host. */
function rawInHeaders(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, false);
  const piece = rng.pick(['\x80', '\xff', '\xc3\x28', '\xef\xbb\xbf', '\x00', '\x7f', '\x01', '\xe2\x80\xae', '%FF']);
  const name = rng.pick(['Cookie', 'Origin', 'Referer', 'User-Agent', 'Accept-Language', 'X-Forwarded-For', 'If-None-Match', 'Content-Type']);
  const value = name === 'Cookie' ? `hearth_login=a${piece}b; hearth_csrf=${piece}` : `x${piece}y`;
  const request = rawRequest(ctx, { method: 'GET', target: `${target}?${joinRaw(basePairs(rng, ctx, target))}`, headers: [[name, value]] });
  return {
    category: 'encoding',
    generator: 'raw-bytes-header',
    description: `GET ${target} with ${JSON.stringify(piece)} in ${name}`,
    exchange: { chunks: [{ bytes: request }] },
    answers: [answerFor(target)],
    unreadable: true,
  };
}

export const ENCODINGS: GeneratorEntry[] = [
  { name: 'bad-escape-query', category: 'encoding', weight: 5, make: inQuery },
  { name: 'bad-escape-body', category: 'encoding', weight: 5, make: inBody },
  { name: 'bad-bytes-multipart', category: 'encoding', weight: 3, make: inMultipart },
  { name: 'raw-bytes-url', category: 'encoding', weight: 3, make: rawInUrl },
  { name: 'raw-bytes-header', category: 'encoding', weight: 2, make: rawInHeaders },
];
