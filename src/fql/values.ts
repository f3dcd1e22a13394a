/** How FQL compares, adds and tests values: numbers in strings count as numbers, strings compare by code point. */
import { HIDDEN, isStruct, type FqlValue, type Seen } from './types.js';

/** A number, or a string that spells one (`'500000001'`); undefined otherwise. */
export function asNumber(value: FqlValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** Text of a scalar as concat and friends write it. */
export function asText(value: FqlValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return '';
}

function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * Order of two values, or undefined when they cannot be ordered (a list, a struct, nil against a
 * value). Numbers and numeric strings compare as numbers; two strings by code point (UTF-8 byte order).
 */
export function compareValues(a: FqlValue, b: FqlValue): number | undefined {
  if (a === null || b === null) return undefined;
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  if (typeof a === 'object' || typeof b === 'object') return undefined;
  return compareCodePoints(asText(a), asText(b));
}

export function valuesEqual(a: FqlValue, b: FqlValue): boolean {
  if (a === null || b === null) return a === b;
  return compareValues(a, b) === 0;
}

/** A bare expression as a condition: non-zero, non-empty. */
export function isTruthy(value: Seen): boolean {
  if (value === HIDDEN || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value !== '';
  if (Array.isArray(value)) return value.length > 0;
  return isStruct(value as FqlValue);
}

/** ORDER BY: nil first, then values in compareValues order; unorderable values as nil. */
export function sortOrder(a: Seen, b: Seen): number {
  const x = a === HIDDEN ? null : a;
  const y = b === HIDDEN ? null : b;
  if (x === null || typeof x === 'object') return y === null || typeof y === 'object' ? 0 : -1;
  if (y === null || typeof y === 'object') return 1;
  return compareValues(x, y) ?? 0;
}
