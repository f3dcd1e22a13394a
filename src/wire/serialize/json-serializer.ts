/**
 * JSON as Facebook's PHP servers wrote it (docs/protocol-choices.md, "Responses"): `json_encode`
 * escapes `/` as `\/` and every non-ASCII character as `\uXXXX`. Any JSON parser reads it; PHP-era
 * clients saw these bytes. An FQL row may repeat a key (`anon`, a column selected twice), as the
 * platform's did, so the text is written directly rather than through JSON.stringify of an object.
 */
import { ApiList, childrenOf, type ApiValue } from '../values.js';

export interface JsonOptions {
  /** `format=json-strings`: every number written as a string (the 2010 JS SDK, for 64-bit ids). */
  readonly numbersAsStrings?: boolean;
}

const NEEDS_PHP_ESCAPE = /[\/\u0080-\uffff]/;

/** json_encode's escapes applied to JSON text. */
function phpEscapes(json: string): string {
  if (!NEEDS_PHP_ESCAPE.test(json)) return json;
  return json.replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function phpString(text: string): string {
  return phpEscapes(JSON.stringify(text));
}

/** Keys repeat in every row of an answer: each is escaped once (a bounded cache, as keys come from code and FQL). */
const KEY_TEXT = new Map<string, string>();
const KEY_CACHE_SIZE = 4096;

function keyText(key: string): string {
  let text = KEY_TEXT.get(key);
  if (text === undefined) {
    text = `${phpString(key)}:`;
    if (KEY_TEXT.size < KEY_CACHE_SIZE) KEY_TEXT.set(key, text);
  }
  return text;
}

/** Appends the text of `value` to `out`: one array for the whole answer, joined once. */
function write(value: ApiValue, options: JsonOptions, out: string[]): void {
  if (value === null) out.push('null');
  else if (typeof value === 'string') out.push(phpString(value));
  else if (typeof value === 'boolean') out.push(value ? 'true' : 'false');
  else if (typeof value === 'number') {
    const text = Number.isFinite(value) ? JSON.stringify(value) : 'null';
    out.push(options.numbersAsStrings && text !== 'null' ? `"${text}"` : text);
  } else if (value instanceof ApiList) {
    out.push('[');
    value.items.forEach((item, index) => {
      if (index > 0) out.push(',');
      write(item, options, out);
    });
    out.push(']');
  } else {
    out.push('{');
    childrenOf(value).forEach(([key, child], index) => {
      out.push(index > 0 ? `,${keyText(key)}` : keyText(key));
      write(child, options, out);
    });
    out.push('}');
  }
}

/** PHP-style JSON of plain data (a string, say, for a JSONP argument). */
export function phpStyleJson(plain: unknown): string {
  return phpEscapes(JSON.stringify(plain));
}

export function serializeJson(value: ApiValue, options: JsonOptions = {}): string {
  const out: string[] = [];
  write(value, options, out);
  return out.join('');
}
