/**
 * Parameter types of method definitions: how a wire string becomes a typed argument, and what error
 * a bad one earns. An empty value is "absent" for every type (docs/protocol-choices.md,
 * "Requests"), because the PHP client sends every optional argument, empty when unused.
 */
import { ApiError, invalidParameter, type ErrorCode } from '../wire/errors.js';

export interface ParamType<T> {
  /** Shown in the coverage table, e.g. `int`, `string`, `one of …`. */
  readonly description: string;
  /** The argument's type in the typed client (sdk/api-methods.ts), e.g. `number`, `readonly number[]`. */
  readonly clientType: string;
  /** `raw` is never empty. Throws `ApiError` for a value of the wrong shape. */
  parse(raw: string, name: string): T;
}

export interface ParamSpec<T = unknown> {
  readonly type: ParamType<T>;
  readonly required: boolean;
  /** One line for the coverage table. */
  readonly doc: string;
}

export function required<T>(type: ParamType<T>, doc: string): ParamSpec<T> & { readonly required: true } {
  return { type, required: true, doc };
}

export function optional<T>(type: ParamType<T>, doc: string): ParamSpec<T> & { readonly required: false } {
  return { type, required: false, doc };
}

/** Handler arguments derived from a params declaration. */
export type ParamValues<P extends Record<string, ParamSpec>> = {
  readonly [K in keyof P]: P[K] extends ParamSpec<infer T> ? (P[K]['required'] extends true ? T : T | undefined) : never;
};

export const MAX_TEXT_LENGTH = 64 * 1024;

export function text(maxLength = MAX_TEXT_LENGTH): ParamType<string> {
  return {
    description: 'string',
    clientType: 'string',
    parse(raw, name) {
      if (raw.length > maxLength) throw invalidParameter(name, `longer than ${maxLength} characters`);
      return raw;
    },
  };
}

/** A positive integer id. Bad ones earn `code` (110 for uids: docs/protocol-choices.md, "Errors"). */
export function positiveId(code: ErrorCode = 100): ParamType<number> {
  return {
    description: 'int',
    clientType: 'number',
    parse(raw, name) {
      const value = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isSafeInteger(value)) {
        throw code === 100 ? invalidParameter(name, 'not a positive integer') : new ApiError(code, `${name}: not a positive integer`);
      }
      return value;
    },
  };
}

export const uid = positiveId(110);

export function oneOf<const T extends string>(values: readonly T[], what: string): ParamType<T> {
  const allowed = new Set<string>(values);
  return {
    description: `one of ${values.join(', ')}`,
    // Numeric choices (profile box types) are numbers to the client; names stay strings.
    clientType: values.every((value) => /^\d+$/.test(value)) ? values.join(' | ') : 'string',
    parse(raw, name) {
      if (!allowed.has(raw)) throw invalidParameter(name, `unknown ${what}`);
      return raw as T;
    },
  };
}

/** Truthy: `1`, `true` (any case); falsy: `0`, `false`; empty is absent. */
export const bool: ParamType<boolean> = {
  description: 'bool',
  clientType: 'boolean',
  parse(raw, name) {
    const value = raw.toLowerCase();
    if (value === '1' || value === 'true') return true;
    if (value === '0' || value === 'false') return false;
    throw invalidParameter(name, 'not a boolean (1, 0, true or false)');
  },
};

/**
 * A list as clients send one: JSON array text (the PHP client json_encodes arrays) or a
 * comma-separated list (pyfacebook, the Java client, the wiki). Returns the items as text.
 */
export function listItems(raw: string): string[] | undefined {
  const text = raw.trim();
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string' || typeof item === 'number')) return undefined;
    return parsed.map((item) => String(item).trim());
  }
  return text.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** A list of uids; anything that is not one is `code` (114 for users.getInfo and friends.areFriends). */
export function uidList(code: ErrorCode, maxItems = 1000): ParamType<number[]> {
  return {
    description: 'list of int',
    clientType: 'readonly number[]',
    parse(raw, name) {
      const items = listItems(raw);
      if (items === undefined) throw new ApiError(code, `${name}: not a JSON array or a comma-separated list`);
      if (items.length > maxItems) throw new ApiError(code, `${name}: more than ${maxItems} uids`);
      return items.map((item) => {
        const value = /^[1-9]\d{0,15}$/.test(item) ? Number(item) : NaN;
        if (!Number.isSafeInteger(value)) throw new ApiError(code, `${name}: ${JSON.stringify(item)} is not a uid`);
        return value;
      });
    },
  };
}

/** A list of names (fields); empty items are dropped. */
export function nameList(maxItems = 100): ParamType<string[]> {
  return {
    description: 'list of string',
    clientType: 'readonly string[]',
    parse(raw, name) {
      const items = listItems(raw);
      if (items === undefined) throw invalidParameter(name, 'not a JSON array or a comma-separated list');
      if (items.length > maxItems) throw invalidParameter(name, `more than ${maxItems} items`);
      return items.filter((item) => item !== '');
    },
  };
}
