/**
 * The photos methods' own parameter types: aids and pids (decimal strings past 2^53, alone or in a
 * list — a JSON array of numbers included, read digit by digit so that none is rounded) and
 * positions in percent.
 */
import type { ParamType } from '../../../dispatch/params.js';
import { ApiError, invalidParameter, type ErrorCode } from '../../../wire/errors.js';
import { parseWireId } from '../photo-ids.js';

export type WireRef = { readonly owner: number; readonly local: number };

/** One aid or pid; anything else is `code` (120 for albums, 121 for photos). */
export function wireIdParam(code: ErrorCode, what: string): ParamType<WireRef> {
  return {
    description: `${what} id (string)`,
    clientType: 'string',
    parse(raw, name) {
      const ref = parseWireId(raw.trim());
      if (ref === undefined) throw new ApiError(code, `${name}: ${JSON.stringify(raw.slice(0, 40))} is not ${what === 'album' ? 'an aid' : 'a pid'}`);
      return ref;
    },
  };
}

/** A JSON array (of strings or numbers) or a comma-separated list of aids or pids. */
export function wireIdList(code: ErrorCode, what: string, maxItems = 1000): ParamType<WireRef[]> {
  return {
    description: `list of ${what} id`,
    clientType: 'readonly string[]',
    parse(raw, name) {
      let text = raw.trim();
      if (text.startsWith('[')) {
        try {
          JSON.parse(text);
        } catch {
          throw new ApiError(code, `${name}: not a JSON array or a comma-separated list`);
        }
        text = text.slice(1, -1);
      }
      const items = text.split(',').map((item) => item.trim().replace(/^"(.*)"$/, '$1')).filter((item) => item !== '');
      if (items.length > maxItems) throw new ApiError(code, `${name}: more than ${maxItems} ids`);
      return items.map((item) => {
        const ref = parseWireId(item);
        if (ref === undefined) throw new ApiError(code, `${name}: ${JSON.stringify(item.slice(0, 40))} is not ${what === 'album' ? 'an aid' : 'a pid'}`);
        return ref;
      });
    },
  };
}

/** A position in percent, 0 to 100. */
export const percentParam: ParamType<number> = {
  description: 'float (percent, 0–100)',
  clientType: 'number',
  parse(raw, name) {
    const value = /^[+]?(\d+(\.\d*)?|\.\d+)$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isFinite(value) || value < 0 || value > 100) throw invalidParameter(name, 'not a number from 0 to 100 (percent)');
    return value;
  },
};
