/** Parameter types of the admin and data store methods that the shared kit (dispatch/params.ts) has no word for. */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import type { ParamType } from '../../../dispatch/params.js';
import { MAX_PREF_ID } from '../preference-service.js';

/** JSON text; text that does not parse is 144, as the platform answered it. */
function parseJson(raw: string, name: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError(144, `${name} is not JSON`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const prefIdParam: ParamType<number> = {
  description: `int 0–${MAX_PREF_ID}`,
  clientType: 'number',
  parse(raw, name) {
    const value = /^\d{1,3}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!(value >= 0 && value <= MAX_PREF_ID)) throw invalidParameter(name, `not a preference id from 0 to ${MAX_PREF_ID}`);
    return value;
  },
};

/** A slot's value as clients send one: text, or a number or null where PHP's json_encode wrote one. */
function slotText(value: unknown, name: string): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value === null) return undefined;
  throw invalidParameter(name, 'a preference value must be a string');
}

function prefIdOf(key: unknown, name: string): number {
  return prefIdParam.parse(String(key), name);
}

/**
 * data.setUserPreferences `values`, in each encoding clients sent: an object of id → value
 * (`{"161":"Pink"}`), an array meaning ids 0, 1, … (PHP's json_encode of a 0-based array), or a
 * list of `{"pref_id":…,"value":…}`. A value of undefined removes the slot.
 */
export const preferenceValuesParam: ParamType<Map<number, string | undefined>> = {
  description: 'JSON object of pref_id → value (or an array of values, or of {pref_id, value})',
  clientType: 'Readonly<Record<string, string>> | readonly string[]',
  parse(raw, name) {
    const parsed = parseJson(raw, name);
    const values = new Map<number, string | undefined>();
    if (isObject(parsed)) {
      for (const [key, value] of Object.entries(parsed)) values.set(prefIdOf(key, name), slotText(value, name));
    } else if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((item) => isObject(item) && 'pref_id' in item)) {
      for (const item of parsed as Array<Record<string, unknown>>) values.set(prefIdOf(item.pref_id, name), slotText(item.value, name));
    } else if (Array.isArray(parsed)) {
      parsed.forEach((value, index) => values.set(prefIdOf(index, name), slotText(value, name)));
    } else {
      throw invalidParameter(name, 'not an object of pref_id to value');
    }
    return values;
  },
};

/**
 * admin.setAppProperties `properties`: an object of name → value, or a list of one-key objects
 * (the Java client's second try). Names are checked by the service.
 */
export const propertyValuesParam: ParamType<Array<[string, unknown]>> = {
  description: 'JSON object of property → value',
  clientType: 'Readonly<Record<string, string | number | readonly string[]>>',
  parse(raw, name) {
    const parsed = parseJson(raw, name);
    if (isObject(parsed)) return Object.entries(parsed);
    if (Array.isArray(parsed) && parsed.every(isObject)) return parsed.flatMap((item) => Object.entries(item));
    throw invalidParameter(name, 'not an object of property names to values');
  },
};
