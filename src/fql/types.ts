/**
 * Column types of FQL tables and the values rows hold. A type says how a value is written: a `bool`
 * is `1`/`0` in XML and `true`/`false` in JSON, a `flag` is `1`/`0` in both (the permissions table),
 * and arrays name their items as the platform's schema did.
 */

export type FqlType =
  | { readonly kind: 'int' | 'float' | 'string' | 'bool' | 'flag' | 'time' }
  | { readonly kind: 'struct'; readonly fields: ReadonlyArray<readonly [string, FqlType]> }
  | { readonly kind: 'array'; readonly item: FqlType; readonly itemName: string | undefined };

export const int: FqlType = { kind: 'int' };
export const float: FqlType = { kind: 'float' };
export const string: FqlType = { kind: 'string' };
export const bool: FqlType = { kind: 'bool' };
export const flag: FqlType = { kind: 'flag' };
export const time: FqlType = { kind: 'time' };

/** Sub-fields in the order they are written. */
export function struct(fields: Record<string, FqlType>): FqlType {
  return { kind: 'struct', fields: Object.entries(fields) };
}

/** `itemName`: the element each item is written as in XML; without one, `<column>_elt`. */
export function array(item: FqlType, itemName?: string): FqlType {
  return { kind: 'array', item, itemName };
}

/** What the viewer may not see: written nil, and a condition that touches it drops the row. */
export const HIDDEN: unique symbol = Symbol('hidden');
export type Hidden = typeof HIDDEN;

export type FqlScalar = string | number | boolean | null;
export type FqlValue = FqlScalar | readonly FqlValue[] | { readonly [field: string]: FqlValue };
/** A value as expressions see it: data, or data the viewer may not see. */
export type Seen = FqlValue | Hidden;

export function isStruct(value: FqlValue): value is { readonly [field: string]: FqlValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The type at `path` inside `type` (through arrays of structs), or undefined if there is no such field. */
export function typeAtPath(type: FqlType, path: readonly string[]): FqlType | undefined {
  let current: FqlType = type;
  for (const name of path) {
    while (current.kind === 'array') current = current.item;
    if (current.kind !== 'struct') return undefined;
    const field = current.fields.find(([fieldName]) => fieldName === name);
    if (!field) return undefined;
    current = field[1];
  }
  return current;
}

/** A short name of the type for the table catalogue. */
export function describeType(type: FqlType): string {
  switch (type.kind) {
    case 'struct':
      return `struct {${type.fields.map(([name]) => name).join(', ')}}`;
    case 'array':
      return `array of ${type.item.kind === 'struct' ? (type.itemName ?? 'struct') : describeType(type.item)}`;
    case 'flag':
      return 'bool (1/0)';
    default:
      return type.kind;
  }
}

/** The value of a column Hearth keeps no data for: an empty list for arrays, nil otherwise. */
export function emptyValue(type: FqlType): FqlValue {
  return type.kind === 'array' ? [] : null;
}
