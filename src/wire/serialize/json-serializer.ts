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

function write(value: ApiValue, options: JsonOptions): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return phpString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'null';
    const text = JSON.stringify(value);
    return options.numbersAsStrings ? `"${text}"` : text;
  }
  if (value instanceof ApiList) return `[${value.items.map((item) => write(item, options)).join(',')}]`;
  const members = childrenOf(value).map(([key, child]) => `${phpString(key)}:${write(child, options)}`);
  return `{${members.join(',')}}`;
}

/** PHP-style JSON of plain data (a string, say, for a JSONP argument). */
export function phpStyleJson(plain: unknown): string {
  return phpEscapes(JSON.stringify(plain));
}

export function serializeJson(value: ApiValue, options: JsonOptions = {}): string {
  return write(value, options);
}
