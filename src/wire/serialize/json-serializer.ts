/**
 * JSON as Facebook's PHP servers wrote it (docs/protocol-choices.md, "Responses"): `json_encode`
 * escapes `/` as `\/` and every non-ASCII character as `\uXXXX`. Any JSON parser reads it; PHP-era
 * clients saw these bytes.
 */
import { ApiList, isApiObject, type ApiValue } from '../values.js';

export interface JsonOptions {
  /** `format=json-strings`: every number written as a string (the 2010 JS SDK, for 64-bit ids). */
  readonly numbersAsStrings?: boolean;
}

function toPlain(value: ApiValue, options: JsonOptions): unknown {
  if (value instanceof ApiList) return value.items.map((item) => toPlain(item, options));
  if (isApiObject(value)) {
    // fromEntries defines own properties, so even a key named __proto__ survives.
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, toPlain(child, options)]));
  }
  if (typeof value === 'number' && options.numbersAsStrings) return String(value);
  return value;
}

export function phpStyleJson(plain: unknown): string {
  return JSON.stringify(plain)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function serializeJson(value: ApiValue, options: JsonOptions = {}): string {
  return phpStyleJson(toPlain(value, options));
}
