/**
 * Decoding of `application/x-www-form-urlencoded` text (query strings and bodies) into ordered
 * key/value pairs.
 *
 * URLSearchParams would do the splitting, but it silently turns bytes that are not UTF-8 into
 * U+FFFD; a request signed over those bytes would then fail with a confusing "Incorrect
 * signature". Decoding with a fatal UTF-8 decoder lets us answer "Invalid parameter" instead.
 */
import { invalidParameter } from './errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Characters XML 1.0 cannot carry at all: C0 controls other than tab, LF, CR, and U+FFFE/U+FFFF. */
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** `text` holds one byte per character (latin1), as the raw query string and body arrive. */
function percentDecode(text: string, name: string): string {
  // '+' is a space (PHP urlencode); a '%' not followed by two hex digits stays literal, as PHP's urldecode leaves it.
  const plain = text.replace(/\+/g, ' ');
  if (/^[\x00-\x24\x26-\x7f]*$/.test(plain)) return plain;
  const bytes = new Uint8Array(plain.length);
  let length = 0;
  for (let i = 0; i < plain.length; i++) {
    const ch = plain.charCodeAt(i);
    if (ch === 0x25 && /^[0-9A-Fa-f]{2}$/.test(plain.slice(i + 1, i + 3))) {
      bytes[length++] = parseInt(plain.slice(i + 1, i + 3), 16);
      i += 2;
    } else {
      bytes[length++] = ch & 0xff;
    }
  }
  try {
    return utf8.decode(bytes.subarray(0, length));
  } catch {
    throw invalidParameter(name, 'not valid UTF-8');
  }
}

/** Decodes text that holds one byte per character (latin1) as strict UTF-8. */
export function decodeUtf8(bytes: string, name: string): string {
  if (/^[\x00-\x7f]*$/.test(bytes)) return bytes;
  try {
    return utf8.decode(Buffer.from(bytes, 'latin1'));
  } catch {
    throw invalidParameter(name, 'not valid UTF-8');
  }
}

/** Rejects values no response format could echo back faithfully. */
export function checkParameterText(name: string, value: string): void {
  if (NOT_XML_CHARACTER.test(value)) throw invalidParameter(name, 'contains control characters');
}

/**
 * Splits and decodes form bytes. Keys with no `=` get an empty value (`login.php?popup&v=1.0`).
 */
export function decodeForm(raw: Buffer | string): Array<[string, string]> {
  const text = typeof raw === 'string' ? raw : raw.toString('latin1');
  const pairs: Array<[string, string]> = [];
  if (text === '') return pairs;
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawKey = eq === -1 ? piece : piece.slice(0, eq);
    const rawValue = eq === -1 ? '' : piece.slice(eq + 1);
    const key = percentDecode(rawKey, 'parameter name');
    if (key === '') continue;
    const value = percentDecode(rawValue, key);
    checkParameterText('parameter name', key);
    checkParameterText(key, value);
    pairs.push([key, value]);
  }
  return pairs;
}
