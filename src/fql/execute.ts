/**
 * Runs one analysed statement: its subqueries first (each once, concurrently), then one batched
 * fetch per index column for the candidate rows, the table's privacy, the WHERE on each row, the
 * order, the limit, and the projection of the SELECT list.
 */
import { statementExprs, type Expr, type Select } from './ast.js';
import type { Analysis, IndexPlan, Lookup, LookupValues, SourceInfo } from './analyze.js';
import { fqlError } from './errors.js';
import { evaluate, ValueSet, type Scope, type ValueKey } from './evaluate.js';
import type { FunctionCall } from './functions.js';
import type { FqlContext, FqlTable, IndexLookup } from './table.js';
import { emptyValue, HIDDEN, isStruct, type FqlScalar, type FqlType, type FqlValue, type Seen } from './types.js';
import { asNumber, isTruthy, sortOrder } from './values.js';

/** How many index values one statement may look up in a table: more would read without bound. */
export const MAX_LOOKUP_VALUES = 10_000;

/** One item of the SELECT list as it is written out. */
export type Output =
  | { readonly kind: 'column'; readonly name: string; readonly type: FqlType | undefined }
  /** Dotted paths into one column, merged into one partly filled element. */
  | { readonly kind: 'paths'; readonly name: string; readonly type: FqlType | undefined; readonly paths: string[][] }
  | { readonly kind: 'anon'; readonly expr: Expr };

export interface StatementResult {
  readonly tableName: string;
  readonly outputs: readonly Output[];
  /** Each row's output values, in output order; hidden values are `HIDDEN`. */
  readonly rows: ReadonlyArray<readonly Seen[]>;
}

/** The rows an earlier query of a multiquery gave, by output name. */
export interface NamedResult {
  readonly tableName: string;
  readonly rows: ReadonlyArray<ReadonlyMap<string, Seen>>;
}

export interface Execution {
  readonly analysis: Analysis;
  readonly context: FqlContext;
  readonly call: FunctionCall;
  readonly results: ReadonlyMap<string, NamedResult>;
}

type Row = (column: string) => Seen;

export function outputsOf(select: Select, columnType: (name: string) => FqlType | undefined): Output[] {
  const outputs: Output[] = [];
  for (const item of select.items) {
    if (item.kind !== 'path') {
      outputs.push({ kind: 'anon', expr: item });
    } else if (item.names.length === 1) {
      outputs.push({ kind: 'column', name: item.names[0]!, type: columnType(item.names[0]!) });
    } else {
      const [head, ...rest] = item.names as [string, ...string[]];
      const earlier = outputs.find((output): output is Extract<Output, { kind: 'paths' }> => output.kind === 'paths' && output.name === head);
      if (earlier) earlier.paths.push(rest);
      else outputs.push({ kind: 'paths', name: head, type: columnType(head), paths: [rest] });
    }
  }
  return outputs;
}

/** Only the fields on `paths` of `value` (through arrays element by element), in the value's own order. */
export function projectPaths(value: Seen, paths: readonly (readonly string[])[]): Seen {
  if (value === HIDDEN || value === null) return value;
  if (paths.some((path) => path.length === 0)) return value;
  if (Array.isArray(value)) return (value as FqlValue[]).map((item) => projectPaths(item, paths) as FqlValue);
  if (!isStruct(value as FqlValue)) return null;
  const struct = value as Record<string, FqlValue>;
  const out: Record<string, FqlValue> = {};
  const heads = new Set(paths.map((path) => path[0]!));
  for (const field of Object.keys(struct)) {
    if (!heads.has(field)) continue;
    out[field] = projectPaths(struct[field]!, paths.filter((path) => path[0] === field).map((path) => path.slice(1))) as FqlValue;
  }
  return out;
}

function normalise(value: FqlScalar, type: FqlType): FqlScalar | undefined {
  if (value === null) return undefined;
  switch (type.kind) {
    case 'int':
    case 'time':
    case 'float':
    case 'flag':
      return asNumber(value);
    case 'string':
      return typeof value === 'boolean' ? undefined : String(value);
    default:
      return undefined;
  }
}

async function runSubqueries(select: Select, execution: Execution): Promise<Map<Select, ValueSet>> {
  const subqueries = statementExprs(select).flatMap((expr) => (expr.kind === 'in-query' ? [expr.query] : []));
  const sets = await Promise.all(subqueries.map((query) => subqueryValues(query, execution)));
  return new Map(subqueries.map((query, index) => [query, sets[index]!]));
}

/** Every value every selected item of the subquery's rows holds (arrays contribute their elements). */
async function subqueryValues(query: Select, execution: Execution): Promise<ValueSet> {
  const { rows, scopes } = await selectedRows(query, execution);
  const set = new ValueSet();
  for (const [index] of rows.entries()) for (const item of query.items) set.add(evaluate(item, scopes[index]!));
  return set;
}

function constantValues(values: LookupValues, subqueries: ReadonlyMap<Select, ValueSet>, call: FunctionCall): FqlScalar[] {
  if (values.kind === 'subquery') return subqueries.get(values.query)!.values;
  const set = new ValueSet();
  for (const expr of values.exprs) set.add(evaluate(expr, { subqueries, call }));
  return set.values;
}

interface ResolvedLookup {
  readonly column: string;
  readonly values: readonly FqlScalar[];
}

function resolvePlan(plan: IndexPlan, table: FqlTable, subqueries: ReadonlyMap<Select, ValueSet>, execution: Execution): ResolvedLookup[] {
  if (plan.kind === 'union') return plan.parts.flatMap((part) => resolvePlan(part, table, subqueries, execution));
  if (plan.kind === 'viewer') return [{ column: plan.column, values: [execution.context.viewer!] }];
  const typed = (lookup: Lookup): FqlScalar[] => {
    const type = table.columns[lookup.column]!.type;
    return constantValues(lookup.values, subqueries, execution.call).flatMap((value) => {
      const normal = normalise(value, type);
      return normal === undefined ? [] : [normal];
    });
  };
  const values = typed(plan);
  const lookup: IndexLookup = {
    column: plan.column,
    values,
    alongside: new Map(plan.alongside.map((other) => [other.column, typed(other)])),
  };
  const refusal = table.refuse?.(lookup, execution.context);
  if (refusal !== undefined) throw fqlError(604, refusal);
  return [{ column: plan.column, values }];
}

/** The visible rows of a table for the lookups, each once, in the order of the lookups' values. */
async function tableRows(table: FqlTable, lookups: readonly ResolvedLookup[], context: FqlContext, columnsRead: ReadonlySet<string>): Promise<Row[]> {
  const byColumn = new Map<string, ValueSet>();
  for (const lookup of lookups) {
    const set = byColumn.get(lookup.column) ?? new ValueSet();
    for (const value of lookup.values) set.add(value);
    byColumn.set(lookup.column, set);
  }
  for (const [column, set] of byColumn) {
    if (set.size > MAX_LOOKUP_VALUES) {
      throw fqlError(604, `${table.name}.${column} may be looked up for at most ${MAX_LOOKUP_VALUES} values at once, not ${set.size}`);
    }
  }
  const columns = [...byColumn.keys()];
  const fetched = await Promise.all(columns.map((column) => (byColumn.get(column)!.size === 0 ? [] : table.fetch(column, byColumn.get(column)!.values, context))));
  const facts = await table.facts(fetched.flat(), context, columnsRead);
  const keyColumns = table.key ?? Object.keys(table.columns).filter((name) => table.columns[name]!.index);
  const reading = new RecordReading(table, facts, context, [...columnsRead, ...keyColumns, ...columns]);
  const identityOf = (row: TableRow): ValueKey =>
    (keyColumns.length === 1 ? ValueSet.keyOf(row.raw(keyColumns[0]!)) : undefined) ?? JSON.stringify(keyColumns.map((column) => row.raw(column)));
  const seen = new Set<ValueKey>();
  const ordered: TableRow[] = [];
  for (const lookup of lookups) {
    const records = fetched[columns.indexOf(lookup.column)]!;
    const byValue = new Map<ValueKey, TableRow[]>();
    for (const record of records) {
      const row = new TableRow(record, reading);
      const key = ValueSet.keyOf(row.raw(lookup.column));
      if (key === undefined) continue;
      const matching = byValue.get(key);
      if (matching === undefined) byValue.set(key, [row]);
      else matching.push(row);
    }
    for (const value of lookup.values) {
      for (const row of byValue.get(ValueSet.keyOf(value)!) ?? []) {
        const identity = identityOf(row);
        if (seen.has(identity)) continue;
        seen.add(identity);
        if (table.visible && !table.visible(row.record, facts, context)) continue;
        ordered.push(row);
      }
    }
  }
  return ordered.map((row) => (column: string) => row.seen(column));
}

/** How the records of one table access are read: the columns the statement uses each get a slot. */
class RecordReading {
  readonly slots = new Map<string, number>();

  constructor(
    readonly table: FqlTable,
    readonly facts: unknown,
    readonly context: FqlContext,
    columns: readonly string[],
  ) {
    for (const column of columns) if (!this.slots.has(column)) this.slots.set(column, this.slots.size);
  }

  read(record: unknown, column: string): FqlValue {
    const spec = this.table.columns[column]!;
    return spec.read ? spec.read(record, this.facts, this.context) : emptyValue(spec.type);
  }
}

/**
 * One fetched record and the values read from it so far: a value is read once however often the
 * lookup, the de-duplication, the WHERE and the SELECT list ask for it.
 */
class TableRow {
  readonly #values: Array<FqlValue | undefined>;

  constructor(
    readonly record: unknown,
    private readonly reading: RecordReading,
  ) {
    this.#values = new Array<FqlValue | undefined>(reading.slots.size);
  }

  /** The stored value, privacy aside: what lookups match on. */
  raw(column: string): FqlValue {
    const slot = this.reading.slots.get(column);
    if (slot === undefined) return this.reading.read(this.record, column);
    let value = this.#values[slot];
    if (value === undefined) this.#values[slot] = value = this.reading.read(this.record, column);
    return value;
  }

  /** The value as the viewer sees it: HIDDEN where the table's privacy says so. */
  seen(column: string): Seen {
    const { table, facts, context } = this.reading;
    if (table.canSee && !table.canSee(this.record, column, facts, context)) return HIDDEN;
    return this.raw(column);
  }
}

async function candidateRows(select: Select, source: SourceInfo, subqueries: ReadonlyMap<Select, ValueSet>, execution: Execution): Promise<Row[]> {
  if (source.kind === 'result') {
    const result = execution.results.get(source.name)!;
    return result.rows.map((row) => (column: string) => row.get(column) ?? null);
  }
  const columnsRead = new Set(statementExprs(select).flatMap((expr) => (expr.kind === 'path' ? [expr.names[0]!] : [])));
  return tableRows(source.table, resolvePlan(source.plan, source.table, subqueries, execution), execution.context, columnsRead);
}

/** The rows that pass the WHERE, sorted and limited, with the scope each was evaluated in. */
async function selectedRows(select: Select, execution: Execution): Promise<{ rows: Row[]; scopes: Scope[] }> {
  const source = execution.analysis.sources.get(select)!;
  const subqueries = await runSubqueries(select, execution);
  const candidates = await candidateRows(select, source, subqueries, execution);
  let entries = candidates
    .map((row) => ({ row, scope: { column: row, subqueries, call: execution.call } as Scope }))
    .filter(({ scope }) => {
      if (!select.where) return true;
      const verdict = evaluate(select.where, scope);
      return verdict !== HIDDEN && isTruthy(verdict);
    });
  if (select.orderBy.length > 0) {
    const keyed = entries.map((entry) => ({ entry, keys: select.orderBy.map((key) => evaluate(key.expr, entry.scope)) }));
    keyed.sort((a, b) => {
      for (const [index, key] of select.orderBy.entries()) {
        const order = sortOrder(a.keys[index]!, b.keys[index]!);
        if (order !== 0) return key.descending ? -order : order;
      }
      return 0;
    });
    entries = keyed.map(({ entry }) => entry);
  }
  entries = entries.slice(select.offset, select.limit === undefined ? undefined : select.offset + select.limit);
  return { rows: entries.map((entry) => entry.row), scopes: entries.map((entry) => entry.scope) };
}

function sourceTableName(source: SourceInfo, execution: Execution): string {
  return source.kind === 'table' ? source.table.name : execution.results.get(source.name)!.tableName;
}

export async function executeStatement(select: Select, execution: Execution, columnType: (name: string) => FqlType | undefined): Promise<StatementResult> {
  const source = execution.analysis.sources.get(select)!;
  const outputs = outputsOf(select, columnType);
  const { rows, scopes } = await selectedRows(select, execution);
  const projected = rows.map((row, index) =>
    outputs.map((output) => {
      switch (output.kind) {
        case 'column':
          return row(output.name);
        case 'paths':
          return projectPaths(row(output.name), output.paths);
        case 'anon':
          return evaluate(output.expr, scopes[index]!);
      }
    }),
  );
  return { tableName: sourceTableName(source, execution), outputs, rows: projected };
}

