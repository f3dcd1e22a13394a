/** Statement results as wire values: one element per row named after the table, items in SELECT order. */
import { ApiEntries, ApiList, type ApiObject, type ApiValue } from '../wire/values.js';
import type { Output, StatementResult } from './execute.js';
import { HIDDEN, isStruct, type FqlType, type FqlValue, type Seen } from './types.js';
import { asNumber } from './values.js';

function untyped(value: FqlValue): ApiValue {
  if (Array.isArray(value)) return new ApiList(undefined, (value as FqlValue[]).map(untyped), 'self-closing');
  if (isStruct(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, untyped(child)]));
  return value as ApiValue;
}

/** A value of `type`; a partly selected struct (a dotted path) has only some of its fields, in the type's order. */
export function renderValue(value: Seen, type: FqlType | undefined): ApiValue {
  if (value === HIDDEN || value === null) return null;
  if (type === undefined) return untyped(value);
  switch (type.kind) {
    case 'int':
    case 'float':
    case 'time':
      return asNumber(value) ?? null;
    case 'flag':
      return asNumber(value) ? 1 : 0;
    case 'bool':
      return typeof value === 'boolean' ? value : Boolean(asNumber(value));
    case 'string':
      return typeof value === 'string' ? value : String(value);
    case 'array':
      return Array.isArray(value) ? new ApiList(type.itemName, (value as FqlValue[]).map((item) => renderValue(item, type.item)), 'self-closing') : null;
    case 'struct': {
      if (!isStruct(value)) return null;
      const out: Record<string, ApiValue> = {};
      for (const [field, fieldType] of type.fields) if (field in value) out[field] = renderValue(value[field]!, fieldType);
      return out as ApiObject;
    }
  }
}

function keyOf(output: Output): string {
  return output.kind === 'anon' ? 'anon' : output.name;
}

function typeOf(output: Output): FqlType | undefined {
  return output.kind === 'anon' ? undefined : output.type;
}

export function renderRows(result: StatementResult, emptyXml: 'open-close' | 'self-closing'): ApiList {
  const rows = result.rows.map(
    (row) => new ApiEntries(result.outputs.map((output, index) => [keyOf(output), renderValue(row[index]!, typeOf(output))] as const)),
  );
  return new ApiList(result.tableName, rows, emptyXml);
}

export { keyOf as outputKey };
