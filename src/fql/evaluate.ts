/**
 * Evaluates expressions against one row. Data the viewer may not see is `HIDDEN`, and anything
 * computed from it is `HIDDEN` too: a WHERE that comes out hidden drops the row, a selected value
 * that comes out hidden is written nil — the two effects of the platform's privacy checks.
 */
import type { Expr, Select } from './ast.js';
import { functionNamed, type FunctionCall } from './functions.js';
import { HIDDEN, isStruct, type FqlScalar, type FqlValue, type Seen } from './types.js';
import { asNumber, compareValues, isTruthy, valuesEqual } from './values.js';

/** How values meet in a set: numbers and numeric strings as numbers, other strings as themselves. */
export type ValueKey = number | string;

/** The values a subquery gave, for `IN (SELECT …)`: numbers and numeric strings meet as numbers. */
export class ValueSet {
  readonly #keys = new Set<ValueKey>();
  readonly values: FqlScalar[] = [];

  /** A number for a value that is or spells one, else the string itself; undefined for nil, lists and structs. */
  static keyOf(value: FqlValue): ValueKey | undefined {
    if (value === null || typeof value === 'object') return undefined;
    return asNumber(value) ?? String(value);
  }

  add(value: Seen): void {
    if (value === HIDDEN) return;
    if (Array.isArray(value)) {
      for (const item of value) this.add(item);
      return;
    }
    const key = ValueSet.keyOf(value as FqlValue);
    if (key === undefined || this.#keys.has(key)) return;
    this.#keys.add(key);
    this.values.push(value as FqlScalar);
  }

  has(value: FqlValue): boolean {
    const key = ValueSet.keyOf(value);
    return key !== undefined && this.#keys.has(key);
  }

  get size(): number {
    return this.values.length;
  }
}

export interface Scope {
  /** A column of the current row; absent while evaluating constants. */
  readonly column?: (name: string) => Seen;
  readonly subqueries: ReadonlyMap<Select, ValueSet>;
  readonly call: FunctionCall;
}

/** The value at a dotted path: through structs by name, through arrays element by element (flattened). */
export function followPath(value: Seen, path: readonly string[]): Seen {
  let current: Seen = value;
  for (const name of path) {
    if (current === HIDDEN || current === null) return current;
    if (Array.isArray(current)) {
      const items: FqlValue[] = [];
      for (const item of current as FqlValue[]) {
        const inner = followPath(item, [name]);
        if (inner === HIDDEN) return HIDDEN;
        if (Array.isArray(inner)) items.push(...(inner as FqlValue[]));
        else items.push(inner);
      }
      current = items;
    } else if (isStruct(current as FqlValue)) {
      current = (current as Record<string, FqlValue>)[name] ?? null;
    } else {
      return null;
    }
  }
  return current;
}

function arithmetic(op: '+' | '-' | '*' | '/', left: FqlValue, right: FqlValue): FqlValue {
  const a = asNumber(left);
  const b = asNumber(right);
  if (a === undefined || b === undefined) return null;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? null : a / b;
  }
}

function compare(op: '=' | '!=' | '<' | '>' | '<=' | '>=', left: FqlValue, right: FqlValue): boolean {
  if (op === '=') return valuesEqual(left, right);
  if (op === '!=') return left !== null && right !== null && !valuesEqual(left, right);
  const order = compareValues(left, right);
  if (order === undefined) return false;
  switch (op) {
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
  }
}

/**
 * The items of an IN list written as literals, for a lookup instead of a comparison with each: a
 * list of thousands over as many rows would otherwise cost millions of comparisons. It answers as
 * valuesEqual would: a string meets a string only as itself, a number meets the number a string spells.
 */
class LiteralSet {
  readonly #strings = new Set<string>();
  /** The number items, and the numbers the string items spell. */
  readonly #numbers = new Set<number>();
  /** The number items alone: what a string needle may meet as a number. */
  readonly #numberItems = new Set<number>();

  constructor(values: readonly FqlScalar[]) {
    for (const value of values) {
      if (typeof value === 'string') {
        this.#strings.add(value);
        const number = asNumber(value);
        if (number !== undefined) this.#numbers.add(number);
      } else if (typeof value === 'number') {
        this.#numbers.add(value);
        this.#numberItems.add(value);
      }
    }
  }

  has(needle: FqlValue): boolean {
    if (typeof needle === 'string') {
      if (this.#strings.has(needle)) return true;
      const number = asNumber(needle);
      return number !== undefined && this.#numberItems.has(number);
    }
    if (typeof needle === 'number' || typeof needle === 'boolean') return this.#numbers.has(asNumber(needle)!);
    return false;
  }
}

const literalSets = new WeakMap<Expr, LiteralSet | null>();

function literalValue(expr: Expr): FqlScalar | undefined {
  if (expr.kind === 'number' || expr.kind === 'string') return expr.value;
  if (expr.kind === 'negate' && expr.operand.kind === 'number') return -expr.operand.value;
  return undefined;
}

function literalsOf(expr: Extract<Expr, { kind: 'in-list' }>): LiteralSet | undefined {
  let set = literalSets.get(expr);
  if (set === undefined) {
    const values = expr.items.map(literalValue);
    set = values.every((value) => value !== undefined) ? new LiteralSet(values as FqlScalar[]) : null;
    literalSets.set(expr, set);
  }
  return set ?? undefined;
}

export function evaluate(expr: Expr, scope: Scope): Seen {
  switch (expr.kind) {
    case 'number':
    case 'string':
      return expr.value;
    case 'path': {
      const [head, ...rest] = expr.names;
      const value = scope.column ? scope.column(head!) : null;
      return rest.length === 0 ? value : followPath(value, rest);
    }
    case 'call': {
      const args: FqlValue[] = [];
      for (const arg of expr.args) {
        const value = evaluate(arg, scope);
        if (value === HIDDEN) return HIDDEN;
        args.push(value);
      }
      return functionNamed(expr.name)!.run(args, scope.call);
    }
    case 'negate': {
      const value = evaluate(expr.operand, scope);
      if (value === HIDDEN) return HIDDEN;
      const number = asNumber(value);
      return number === undefined ? null : -number;
    }
    case 'not': {
      const value = evaluate(expr.operand, scope);
      return value === HIDDEN ? HIDDEN : !isTruthy(value);
    }
    case 'binary': {
      const left = evaluate(expr.left, scope);
      const right = evaluate(expr.right, scope);
      if (left === HIDDEN || right === HIDDEN) return HIDDEN;
      switch (expr.op) {
        case 'and':
          return isTruthy(left) && isTruthy(right);
        case 'or':
          return isTruthy(left) || isTruthy(right);
        case '+':
        case '-':
        case '*':
        case '/':
          return arithmetic(expr.op, left, right);
        default:
          return compare(expr.op, left, right);
      }
    }
    case 'in-list': {
      const needle = evaluate(expr.needle, scope);
      if (needle === HIDDEN) return HIDDEN;
      const literals = literalsOf(expr);
      if (literals !== undefined) return literals.has(needle);
      let found = false;
      for (const item of expr.items) {
        const value = evaluate(item, scope);
        if (value === HIDDEN) return HIDDEN;
        if (valuesEqual(needle, value)) found = true;
      }
      return found;
    }
    case 'in-query': {
      const needle = evaluate(expr.needle, scope);
      if (needle === HIDDEN) return HIDDEN;
      return scope.subqueries.get(expr.query)!.has(needle);
    }
    case 'in-array': {
      const needle = evaluate(expr.needle, scope);
      const array = evaluate(expr.array, scope);
      if (needle === HIDDEN || array === HIDDEN) return HIDDEN;
      return Array.isArray(array) && (array as FqlValue[]).some((item) => valuesEqual(needle, item));
    }
  }
}
