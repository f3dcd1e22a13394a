/** Parameter types of the stream methods that the shared kit (dispatch/params.ts) has no word for. */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { MAX_TEXT_LENGTH, type ParamType } from '../../../dispatch/params.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../json-depth.js';

function parseJson(raw: string, name: string, maxLength: number): unknown {
  if (raw.length > maxLength) throw invalidParameter(name, `longer than ${maxLength} characters`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalidParameter(name, 'not valid JSON');
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) throw invalidParameter(name, `nested more than ${MAX_JSON_DEPTH} deep`);
  return value;
}

/**
 * A JSON object as text (the PHP client json_encodes arrays before signing); unparsable → 100.
 * PHP writes an empty array as `[]` whatever it stands for, so `[]` is an empty object.
 */
export function jsonObject(maxLength = MAX_TEXT_LENGTH): ParamType<Record<string, unknown>> {
  return {
    description: 'JSON object',
    clientType: 'string',
    parse(raw, name) {
      const value = parseJson(raw, name, maxLength);
      if (Array.isArray(value) && value.length === 0) return {};
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidParameter(name, 'must be a JSON object');
      return value as Record<string, unknown>;
    },
  };
}

/** A JSON array as text; unparsable → 100. */
export function jsonArray(maxLength = MAX_TEXT_LENGTH): ParamType<unknown[]> {
  return {
    description: 'JSON array',
    clientType: 'string',
    parse(raw, name) {
      const value = parseJson(raw, name, maxLength);
      if (!Array.isArray(value)) throw invalidParameter(name, 'must be a JSON array');
      return value;
    },
  };
}

/** A uid, or 0 for "nobody" (stream.get's public view). Bad ones earn 110. */
export const viewerUid: ParamType<number> = {
  description: 'int (0: nobody)',
  clientType: 'number',
  parse(raw, name) {
    const value = /^(0|[1-9]\d{0,15})$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value)) throw new ApiError(110, `${name}: not a user id`);
    return value;
  },
};

/** A count or a Unix time: a non-negative integer, where 0 stands for "not given" (the PHP client's default). */
export const wholeNumber: ParamType<number> = {
  description: 'int (0: not given)',
  clientType: 'number',
  parse(raw, name) {
    const value = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value)) throw invalidParameter(name, 'not a non-negative integer');
    return value;
  },
};
