/**
 * The request signature (`sig`), shared by the server and the bundled client so the
 * algorithm exists once: every parameter but `sig` (empty values included), sorted by key in
 * byte order, written as `key=value` with no separator, followed by the secret, MD5 in lower-case hex.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type SignableParams = Iterable<readonly [string, string]> | Readonly<Record<string, string>>;

function entriesOf(params: SignableParams): Array<readonly [string, string]> {
  const entries = Symbol.iterator in params ? [...(params as Iterable<readonly [string, string]>)] : Object.entries(params);
  return entries.filter(([key]) => key !== 'sig');
}

/** Keys without surrogates: JavaScript's own order of them is their UTF-8 byte order. */
const NO_SURROGATES = /^[^\ud800-\udfff]*$/;

/**
 * Byte order of the UTF-8 keys, as PHP's ksort and Java's TreeMap see them. UTF-8 orders by code
 * point, and so does comparing UTF-16 units while no surrogate is involved: only keys with
 * characters beyond U+FFFF need their bytes compared.
 */
function compareKeys(a: string, b: string): number {
  if (NO_SURROGATES.test(a) && NO_SURROGATES.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The text that is hashed, without the secret: what `--dev` shows a developer after error 104. */
export function signatureBaseString(params: SignableParams): string {
  return entriesOf(params)
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([key, value]) => `${key}=${value}`)
    .join('');
}

export function computeSignature(params: SignableParams, secret: string): string {
  return signBaseString(signatureBaseString(params), secret);
}

/** The signature of an already built base string: the server tries several secrets on one string. */
export function signBaseString(base: string, secret: string): string {
  return createHash('md5').update(base + secret, 'utf8').digest('hex');
}

/** Constant-time comparison of a received `sig` with the expected one (case-sensitive, as the doc requires). */
export function signatureMatches(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
