/**
 * 1. Truncated bodies: a body cut short of its Content-Length and the connection half-closed, or
 * a body complete for HTTP whose form inside is cut (multipart inside a field, inside a file
 * part, inside the boundary, before the first boundary); chunked bodies cut mid-chunk; content
 * types the server does not read. To the API and to the pages.
 */
import type { Random } from '../random.js';
import {
  answerFor,
  anyTarget,
  basePairs,
  boundaryOf,
  bytes,
  FORM,
  joinRaw,
  multipartBody,
  PAGE_PATHS,
  rawRequest,
  type FuzzCase,
  type FuzzContext,
  type GeneratorEntry,
  type HeaderLine,
} from './kit.js';

/** How the cut is delivered: short of Content-Length with EOF, or Content-Length of exactly the cut bytes. */
type Framing = 'short-of-length' | 'length-of-cut';

function cutCase(
  rng: Random,
  ctx: FuzzContext,
  generator: string,
  what: string,
  target: string,
  contentType: string,
  body: Buffer,
  cutAt: number,
): FuzzCase {
  const framing: Framing = rng.chance(0.6) ? 'short-of-length' : 'length-of-cut';
  const sent = body.subarray(0, cutAt);
  const declared = framing === 'short-of-length' ? Math.max(body.length + rng.pick([0, 1, 100, 65_536]), sent.length + 1) : sent.length;
  const headers: HeaderLine[] = [['Content-Type', contentType], ['Content-Length', String(declared)]];
  const request = rawRequest(ctx, { method: 'POST', target, headers, body: sent });
  return {
    category: 'truncated',
    generator,
    description: `POST ${target.split('?')[0]}: ${what}, ${framing === 'short-of-length' ? `${sent.length} of ${declared} declared bytes, then half-close` : `Content-Length of the ${sent.length} bytes sent`}`,
    exchange: { chunks: [{ bytes: request }], halfClose: framing === 'short-of-length' || rng.chance(0.3) },
    answers: [answerFor(target)],
    unreadable: true,
  };
}

function urlencoded(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, true);
  const body = bytes(joinRaw([...basePairs(rng, ctx, target), ['x', rng.text(rng.int(0, 300))]]));
  return cutCase(rng, ctx, 'truncated-urlencoded', 'urlencoded body cut', target, FORM[1], body, rng.int(0, body.length));
}

function fields(rng: Random, ctx: FuzzContext, target: string) {
  return basePairs(rng, ctx, target).map(([name, value]) => ({ name: decodeURIComponent(name), value: decodeURIComponent(value.replace(/\+/g, ' ')) }));
}

function multipartTarget(rng: Random): string {
  return rng.chance(0.6) ? '/restserver.php' : rng.pick(PAGE_PATHS);
}

/** Cut inside the value of a field part. */
function multipartField(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = multipartTarget(rng);
  const boundary = boundaryOf(rng);
  const head = multipartBody(boundary, fields(rng, ctx, target)).subarray(0, -(boundary.length + 6));
  const field = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${rng.text(rng.int(2, 400))}`);
  const body = Buffer.concat([head, field]);
  const cut = rng.int(head.length + 1, body.length);
  return cutCase(rng, ctx, 'truncated-multipart-field', 'multipart cut inside a field part', target, `multipart/form-data; boundary=${boundary}`, body, cut);
}

/** Cut inside the content of a file part (`filename="a"`): the part's stream must fail quietly. */
function multipartFile(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = multipartTarget(rng);
  const boundary = boundaryOf(rng);
  const before = rng.chance(0.5) ? multipartBody(boundary, fields(rng, ctx, target)).subarray(0, -(boundary.length + 6)) : Buffer.alloc(0);
  const type = rng.chance(0.5) ? 'Content-Type: application/octet-stream\r\n' : '';
  const filePart = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n${type}\r\n`), rng.bytes(rng.int(1, 3000))]);
  const body = Buffer.concat([before, filePart]);
  const cut = rng.int(body.length - filePart.length + filePart.indexOf('\r\n\r\n') + 5, body.length);
  return cutCase(rng, ctx, 'truncated-multipart-file', 'multipart cut inside a file part (filename="a")', target, `multipart/form-data; boundary=${boundary}`, body, cut);
}

/** Cut inside a boundary line (the closing one or one between parts). */
function multipartBoundary(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = multipartTarget(rng);
  const boundary = boundaryOf(rng);
  const body = multipartBody(boundary, [...fields(rng, ctx, target), { name: 'tail', value: rng.text(10) }]);
  const boundaries = [...body.toString('latin1').matchAll(new RegExp(`--${boundary.replace(/[-]/g, '\\-')}`, 'g'))].map((match) => match.index!);
  const at = rng.pick(boundaries.slice(1));
  const cut = at + rng.int(1, boundary.length + 1);
  return cutCase(rng, ctx, 'truncated-multipart-boundary', 'multipart cut inside a boundary', target, `multipart/form-data; boundary=${boundary}`, body, cut);
}

/** Cut before the first boundary: nothing, a preamble, or part of the first `--boundary`. */
function multipartPreamble(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = multipartTarget(rng);
  const boundary = boundaryOf(rng);
  const preamble = rng.pick(['', 'This is a preamble.\r\n', '\r\n', '-', '--', `--${boundary.slice(0, 3)}`, rng.text(50)]);
  const body = Buffer.concat([Buffer.from(preamble), multipartBody(boundary, fields(rng, ctx, target))]);
  return cutCase(rng, ctx, 'truncated-multipart-preamble', 'multipart cut before the first boundary', target, `multipart/form-data; boundary=${boundary}`, body, preamble.length);
}

/** Chunked transfer-encoding cut inside a chunk's data or size line, then half-closed. */
function chunked(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, true);
  const form = bytes(joinRaw([...basePairs(rng, ctx, target), ['pad', rng.text(rng.int(10, 500))]]));
  const chunkSize = rng.int(1, form.length);
  const pieces: Buffer[] = [];
  for (let at = 0; at < form.length; at += chunkSize) {
    const piece = form.subarray(at, at + chunkSize);
    pieces.push(bytes(`${piece.length.toString(16)}\r\n`), piece, bytes('\r\n'));
  }
  const body = Buffer.concat(pieces);
  const cut = rng.int(1, body.length - 1);
  const contentType = rng.chance(0.8) ? FORM[1] : 'text/plain';
  const request = rawRequest(ctx, { method: 'POST', target, headers: [['Content-Type', contentType], ['Transfer-Encoding', 'chunked']], body: body.subarray(0, cut) });
  return {
    category: 'truncated',
    generator: 'truncated-chunked',
    description: `POST ${target}: chunked ${contentType} body cut after ${cut} of ${body.length} bytes (chunks of ${chunkSize}), then half-close`,
    exchange: { chunks: [{ bytes: request }], halfClose: true },
    answers: [answerFor(target)],
    unreadable: true,
  };
}

const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/xml',
  'application/octet-stream',
  'multipart/mixed; boundary=x',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary="unterminated',
  'multipart/form-data; boundary=' + 'x'.repeat(200),
  'application/x-www-form-urlencoded; charset=latin1',
  'application/x-www-form-urlencoded; charset=utf-16',
  'APPLICATION/X-WWW-FORM-URLENCODED',
  'application/x-www-form-urlencoded;;;',
  '',
  ';;;',
  '*/*',
  'text/html; boundary=x',
  'application/x-www-form-urlencoded\u0000',
  'a'.repeat(4000),
  'image/png',
  'application/grpc',
];

function unknownType(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, true);
  const contentType = rng.pick(CONTENT_TYPES);
  const body = rng.chance(0.5) ? bytes(joinRaw(basePairs(rng, ctx, target))) : rng.bytes(rng.int(0, 2000));
  if (rng.chance(0.3)) return cutCase(rng, ctx, 'unknown-content-type', `Content-Type ${JSON.stringify(contentType.slice(0, 60))}`, target, contentType, body, rng.int(0, body.length));
  const request = rawRequest(ctx, { method: 'POST', target, headers: [['Content-Type', contentType]], body });
  return {
    category: 'truncated',
    generator: 'unknown-content-type',
    description: `POST ${target}: complete ${body.length}-byte body with Content-Type ${JSON.stringify(contentType.slice(0, 60))}`,
    exchange: { chunks: [{ bytes: request }] },
    answers: [answerFor(target)],
    unreadable: true,
  };
}

export const TRUNCATED: GeneratorEntry[] = [
  { name: 'truncated-urlencoded', category: 'truncated', weight: 3, make: urlencoded },
  { name: 'truncated-multipart-field', category: 'truncated', weight: 2, make: multipartField },
  { name: 'truncated-multipart-file', category: 'truncated', weight: 2, make: multipartFile },
  { name: 'truncated-multipart-boundary', category: 'truncated', weight: 2, make: multipartBoundary },
  { name: 'truncated-multipart-preamble', category: 'truncated', weight: 1, make: multipartPreamble },
  { name: 'truncated-chunked', category: 'truncated', weight: 2, make: chunked },
  { name: 'unknown-content-type', category: 'truncated', weight: 2, make: unknownType },
];
