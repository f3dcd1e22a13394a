/**
 * The request signature (`sig`), shared by the server and the bundled client so the
 * algorithm exists once: every parameter but `sig` (empty values included), sorted by key in
 * byte order, written as `key=value` with no separator, followed by the secret, MD5 in lower-case hex.
 */
import * as crypto from 'node:crypto';

export type SignableParams = Iterable<readonly [string, string]> | Readonly<Record<string, string>>;

function entriesOf(params: SignableParams): Array<readonly [string, string]> {
  const entries = Symbol.iterator in params ? [...(params as Iterable<readonly [string, string]>)] : Object.entries(params);
  return entries.filter(([key]) => key !== 'sig');
}

/** A key without surrogates: JavaScript's own order of such keys is their UTF-8 byte order. */
const NO_SURROGATES = /^[^\ud800-\udfff]*$/;

const byUnits = ([a]: readonly [string, string], [b]: readonly [string, string]) => (a < b ? -1 : a > b ? 1 : 0);
const byUtf8Bytes = ([a]: readonly [string, string], [b]: readonly [string, string]) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * The text that is hashed, without the secret: what `--dev` shows a developer after error 104.
 * Keys go in byte order of their UTF-8, as PHP's ksort and Java's TreeMap see them. UTF-8 orders
 * by code point, and so do UTF-16 units while no surrogate is involved: only a set with a key
 * beyond U+FFFF has its keys' bytes compared.
 */
export function signatureBaseString(params: SignableParams): string {
  const entries = entriesOf(params);
  entries.sort(entries.every(([key]) => NO_SURROGATES.test(key)) ? byUnits : byUtf8Bytes);
  let base = '';
  for (const [key, value] of entries) base += `${key}=${value}`;
  return base;
}

export function computeSignature(params: SignableParams, secret: string): string {
  return signBaseString(signatureBaseString(params), secret);
}

/** One-shot hashing where Node has it (20.12 on), a Hash object before. */
const oneShot = (crypto as Partial<Pick<typeof crypto, 'hash'>>).hash;
const md5Hex: (text: string) => string = oneShot ? (text) => oneShot('md5', text, 'hex') : (text) => crypto.createHash('md5').update(text, 'utf8').digest('hex');

/** The signature of an already built base string: the server tries several secrets on one string. */
export function signBaseString(base: string, secret: string): string {
  return md5Hex(base + secret);
}

/** Constant-time comparison of a received `sig` with the expected one (case-sensitive, as the doc requires). */
export function signatureMatches(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
