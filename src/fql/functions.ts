/**
 * The functions of FQL (docs/fql.md, "Functions"): names are case-insensitive; an unknown name is
 * 605 and a wrong number of arguments 606. Positions count from 0 and lengths in characters (code
 * points), as the platform's Cookbook examples assume (`substr(last_name, 0, 1)`).
 */
import { asNumber, asText } from './values.js';
import type { FqlValue } from './types.js';

export interface FunctionCall {
  /** Unix seconds, fixed for the whole call. */
  readonly now: number;
  readonly viewer: number | undefined;
}

interface FqlFunction {
  readonly arity: readonly [min: number, max: number];
  readonly run: (args: readonly FqlValue[], call: FunctionCall) => FqlValue;
}

function characters(value: FqlValue): string[] {
  return [...asText(value)];
}

export const FUNCTIONS: Readonly<Record<string, FqlFunction>> = {
  now: { arity: [0, 0], run: (_args, call) => call.now },
  rand: { arity: [0, 0], run: () => Math.random() },
  // me() without a session user is refused before any row is read (102), so viewer is set here.
  me: { arity: [0, 0], run: (_args, call) => call.viewer ?? null },
  strlen: { arity: [1, 1], run: ([text]) => characters(text!).length },
  concat: { arity: [1, Infinity], run: (args) => args.map(asText).join('') },
  substr: {
    arity: [3, 3],
    run: ([text, start, length]) => {
      const chars = characters(text!);
      const from = Math.trunc(asNumber(start!) ?? 0);
      const count = Math.trunc(asNumber(length!) ?? 0);
      if (from < 0 || from >= chars.length || count <= 0) return '';
      return chars.slice(from, from + count).join('');
    },
  },
  strpos: {
    arity: [2, 2],
    run: ([haystack, needle]) => {
      const index = asText(haystack!).indexOf(asText(needle!));
      return index < 0 ? -1 : [...asText(haystack!).slice(0, index)].length;
    },
  },
  lower: { arity: [1, 1], run: ([text]) => asText(text!).toLowerCase() },
  upper: { arity: [1, 1], run: ([text]) => asText(text!).toUpperCase() },
  strtotime: {
    arity: [1, 1],
    run: ([text]) => {
      const millis = Date.parse(asText(text!));
      return Number.isNaN(millis) ? null : Math.floor(millis / 1000);
    },
  },
};

export function functionNamed(name: string): FqlFunction | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}
