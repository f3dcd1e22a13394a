/**
 * The checks a statement passes before any row is read, in the platform's order (docs/fql.md,
 * "Errors"): it parses (601), its tables exist (603), its columns and paths exist (602), its
 * functions exist and get the right number of arguments (605, 606), and its WHERE can be answered
 * from an index (604); then the session it needs (102). What comes out is the plan: which index
 * lookups find the candidate rows.
 */
import { allSelects, statementExprs, walkExpr, type Expr, type PathExpr, type Select } from './ast.js';
import { fqlError } from './errors.js';
import { functionNamed } from './functions.js';
import type { FqlTable } from './table.js';
import { typeAtPath, type FqlType } from './types.js';

/** How deeply subqueries may nest. */
export const MAX_SUBQUERY_DEPTH = 8;

/** Tables the platform had retired by 2009: answered 611, not 603. */
const DEPRECATED_TABLES = new Set(['listing', 'daily_metrics']);

/** What an earlier query of a multiquery offers to a later one: its rows' element name and its columns. */
export interface ResultShape {
  readonly tableName: string;
  /** Output names with their types; `anon` and computed values have none. */
  readonly columns: ReadonlyMap<string, FqlType | undefined>;
}

export interface Environment {
  readonly tables: ReadonlyMap<string, FqlTable>;
  readonly results: ReadonlyMap<string, ResultShape>;
  readonly hasSession: boolean;
}

/** Where the candidate rows of a table statement come from. */
export type IndexPlan =
  | { readonly kind: 'lookup'; readonly column: string; readonly values: LookupValues; readonly alongside: readonly Lookup[] }
  | { readonly kind: 'union'; readonly parts: readonly IndexPlan[] }
  /** `WHERE 1` on a table whose rows are the viewer's own. */
  | { readonly kind: 'viewer'; readonly column: string };

export type LookupValues = { readonly kind: 'constants'; readonly exprs: readonly Expr[] } | { readonly kind: 'subquery'; readonly query: Select };

export interface Lookup {
  readonly column: string;
  readonly values: LookupValues;
}

export type SourceInfo =
  | { readonly kind: 'table'; readonly table: FqlTable; readonly plan: IndexPlan }
  | { readonly kind: 'result'; readonly name: string; readonly shape: ResultShape };

export interface Analysis {
  /** The source of every statement in the tree (the outer one and each subquery). */
  readonly sources: ReadonlyMap<Select, SourceInfo>;
}

function columnTypes(select: Select, environment: Environment): ReadonlyMap<string, FqlType | undefined> {
  if (select.from.kind === 'result') return environment.results.get(select.from.name)!.columns;
  const table = environment.tables.get(select.from.name)!;
  return new Map(Object.entries(table.columns).map(([name, spec]) => [name, spec.type]));
}

function checkPath(path: PathExpr, columns: ReadonlyMap<string, FqlType | undefined>, from: string): void {
  const [head, ...rest] = path.names;
  if (!columns.has(head!)) throw fqlError(602, `${from} has no column ${JSON.stringify(head)} at position ${path.at}`);
  const type = columns.get(head!);
  if (rest.length > 0 && type !== undefined && typeAtPath(type, rest) === undefined) {
    throw fqlError(602, `${from}.${head} has no field ${JSON.stringify(rest.join('.'))} at position ${path.at}`);
  }
}

/** No column, no subquery, no rand(): the same value for every row. */
function isConstant(expr: Expr): boolean {
  let constant = true;
  walkExpr(expr, (node) => {
    if (node.kind === 'path' || node.kind === 'in-query' || node.kind === 'in-array' || (node.kind === 'call' && node.name === 'rand')) constant = false;
  });
  return constant;
}

function indexColumn(expr: Expr, table: FqlTable): string | undefined {
  if (expr.kind !== 'path' || expr.names.length !== 1) return undefined;
  return table.columns[expr.names[0]!]?.index ? expr.names[0] : undefined;
}

function conjuncts(expr: Expr): Expr[] {
  return expr.kind === 'binary' && expr.op === 'and' ? [...conjuncts(expr.left), ...conjuncts(expr.right)] : [expr];
}

function leafLookup(expr: Expr, table: FqlTable): Lookup | undefined {
  if (expr.kind === 'binary' && expr.op === '=') {
    const left = indexColumn(expr.left, table);
    if (left && isConstant(expr.right)) return { column: left, values: { kind: 'constants', exprs: [expr.right] } };
    const right = indexColumn(expr.right, table);
    if (right && isConstant(expr.left)) return { column: right, values: { kind: 'constants', exprs: [expr.left] } };
    return undefined;
  }
  if (expr.kind === 'in-list') {
    const column = indexColumn(expr.needle, table);
    return column && expr.items.every(isConstant) ? { column, values: { kind: 'constants', exprs: expr.items } } : undefined;
  }
  if (expr.kind === 'in-query') {
    const column = indexColumn(expr.needle, table);
    return column ? { column, values: { kind: 'subquery', query: expr.query } } : undefined;
  }
  return undefined;
}

/** The index plan of a WHERE: an index predicate; an AND with one; an OR of indexable branches. */
export function indexPlan(where: Expr, table: FqlTable): IndexPlan | undefined {
  if (where.kind === 'binary' && where.op === 'or') {
    const left = indexPlan(where.left, table);
    const right = left && indexPlan(where.right, table);
    return left && right ? { kind: 'union', parts: [left, right] } : undefined;
  }
  const parts = conjuncts(where);
  if (parts.length === 1) {
    const lookup = leafLookup(where, table);
    return lookup ? { kind: 'lookup', ...lookup, alongside: [] } : undefined;
  }
  const leaves = parts.map((part) => leafLookup(part, table));
  const chosen = leaves.findIndex((leaf) => leaf !== undefined);
  if (chosen >= 0) {
    const alongside = leaves.filter((leaf, index): leaf is Lookup => leaf !== undefined && index !== chosen);
    return { kind: 'lookup', ...leaves[chosen]!, alongside };
  }
  // An AND of ORs: any operand that is indexable on its own will do.
  for (const part of parts) {
    const plan = indexPlan(part, table);
    if (plan) return plan;
  }
  return undefined;
}

function depthOf(select: Select): number {
  let deepest = 0;
  for (const expr of statementExprs(select)) if (expr.kind === 'in-query') deepest = Math.max(deepest, depthOf(expr.query));
  return deepest + 1;
}

export function analyze(statement: Select, environment: Environment): Analysis {
  if (depthOf(statement) > MAX_SUBQUERY_DEPTH + 1) throw fqlError(601, `subqueries nest deeper than ${MAX_SUBQUERY_DEPTH}`);
  const selects = allSelects(statement);
  for (const select of selects) {
    if (select.from.kind === 'table' && select.where === undefined) {
      throw fqlError(601, `a query of a table needs a WHERE clause at position ${select.from.at}`);
    }
  }
  for (const select of selects) {
    const from = select.from;
    if (from.kind === 'result') {
      if (!environment.results.has(from.name)) throw fqlError(614, `#${from.name} is not an earlier query of this multiquery`);
    } else if (DEPRECATED_TABLES.has(from.name)) {
      throw fqlError(611, `the ${from.name} table is no longer available`);
    } else if (!environment.tables.has(from.name)) {
      throw fqlError(603, `${JSON.stringify(from.name)} at position ${from.at}`);
    }
  }
  for (const select of selects) {
    const columns = columnTypes(select, environment);
    const from = select.from.kind === 'result' ? `#${select.from.name}` : select.from.name;
    for (const expr of statementExprs(select)) if (expr.kind === 'path') checkPath(expr, columns, from);
  }
  let usesMe = false;
  for (const select of selects) {
    for (const expr of statementExprs(select)) {
      if (expr.kind !== 'call') continue;
      const fn = functionNamed(expr.name);
      if (!fn) throw fqlError(605, `${JSON.stringify(expr.name)} is not a function at position ${expr.at}`);
      const [min, max] = fn.arity;
      if (expr.args.length < min || expr.args.length > max) {
        const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
        throw fqlError(606, `${expr.name} takes ${expected} argument${min === 1 && max === 1 ? '' : 's'}, ${expr.args.length} given at position ${expr.at}`);
      }
      if (expr.name === 'me') usesMe = true;
    }
  }
  const sources = new Map<Select, SourceInfo>();
  for (const select of selects) {
    if (select.from.kind === 'result') {
      sources.set(select, { kind: 'result', name: select.from.name, shape: environment.results.get(select.from.name)! });
      continue;
    }
    const table = environment.tables.get(select.from.name)!;
    let plan = indexPlan(select.where!, table);
    if (!plan && table.viewerColumn && isConstant(select.where!)) plan = { kind: 'viewer', column: table.viewerColumn };
    if (!plan) {
      const indexed = Object.entries(table.columns).filter(([, spec]) => spec.index).map(([name]) => name);
      throw fqlError(604, `the WHERE of ${table.name} must test ${indexed.join(' or ')} with = or IN at position ${select.at}`);
    }
    sources.set(select, { kind: 'table', table, plan });
  }
  for (const select of selects) {
    const source = sources.get(select)!;
    const needsSession = source.kind === 'table' && (source.table.session === 'required' || source.plan.kind === 'viewer');
    if (!environment.hasSession && needsSession) throw fqlError(102, `the ${select.from.name} table needs a session_key`);
  }
  if (usesMe && !environment.hasSession) throw fqlError(102, 'me() needs a session_key');
  return { sources };
}
