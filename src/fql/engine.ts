/**
 * fql.query and fql.multiquery over a catalogue of tables. A multiquery's statements are checked
 * in dependency order before any runs; then each runs as soon as the results it reads exist, so
 * independent statements do not wait on each other. One failing statement fails the whole call.
 */
import { ApiError } from '../wire/errors.js';
import { ApiList, type ApiValue } from '../wire/values.js';
import type { Select } from './ast.js';
import { analyze, type Analysis, type Environment, type ResultShape } from './analyze.js';
import { fqlError } from './errors.js';
import { executeStatement, outputsOf, type NamedResult, type StatementResult } from './execute.js';
import { parseStatement, referencedResults } from './parser.js';
import { outputKey, renderRows } from './render.js';
import type { FqlContext, FqlTable } from './table.js';
import type { FqlType } from './types.js';

/** How many statements one multiquery may hold. */
export const MAX_MULTIQUERY_STATEMENTS = 50;
const QUERY_NAME = /^[A-Za-z0-9_]{1,64}$/;

interface Prepared {
  readonly statement: Select;
  readonly analysis: Analysis;
  readonly columnType: (name: string) => FqlType | undefined;
}

export class FqlEngine {
  readonly #tables: ReadonlyMap<string, FqlTable>;

  constructor(tables: readonly FqlTable[]) {
    const byName = new Map<string, FqlTable>();
    for (const table of tables) {
      if (byName.has(table.name)) throw new Error(`FQL table ${table.name} is declared twice`);
      byName.set(table.name, table);
    }
    this.#tables = byName;
  }

  get tables(): readonly FqlTable[] {
    return [...this.#tables.values()];
  }

  #prepare(text: string, results: ReadonlyMap<string, ResultShape>, context: FqlContext): Prepared {
    const statement = parseStatement(text.trim());
    const environment: Environment = { tables: this.#tables, results, hasSession: context.viewer !== undefined };
    const analysis = analyze(statement, environment);
    const from = statement.from;
    const columnType = (name: string): FqlType | undefined =>
      from.kind === 'table' ? this.#tables.get(from.name)!.columns[name]?.type : results.get(from.name)!.columns.get(name);
    return { statement, analysis, columnType };
  }

  #run(prepared: Prepared, context: FqlContext, results: ReadonlyMap<string, NamedResult>): Promise<StatementResult> {
    const call = { now: Math.floor(context.now.getTime() / 1000), viewer: context.viewer };
    return executeStatement(prepared.statement, { analysis: prepared.analysis, context, call, results }, prepared.columnType);
  }

  async query(text: string, context: FqlContext): Promise<ApiValue> {
    const prepared = this.#prepare(text, new Map(), context);
    return renderRows(await this.#run(prepared, context, new Map()), 'open-close');
  }

  /** `queries`: the JSON text of `{"name": "SELECT …", …}`. Results come back in the order the names were given. */
  async multiquery(queries: string, context: FqlContext): Promise<ApiValue> {
    const statements = parseQueries(queries);
    const order = evaluationOrder(statements);
    const shapes = new Map<string, ResultShape>();
    const prepared = new Map<string, Prepared>();
    for (const name of order) {
      const ready = withQueryName(name, () => this.#prepare(statements.get(name)!, shapes, context));
      prepared.set(name, ready);
      const from = ready.statement.from;
      const tableName = from.kind === 'table' ? from.name : shapes.get(from.name)!.tableName;
      const columns = new Map<string, FqlType | undefined>();
      for (const output of outputsOf(ready.statement, ready.columnType)) {
        const key = outputKey(output);
        if (!columns.has(key)) columns.set(key, output.kind === 'anon' ? undefined : output.type);
      }
      shapes.set(name, { tableName, columns });
    }
    const named = new Map<string, NamedResult>();
    const running = new Map<string, Promise<StatementResult>>();
    const start = (name: string): Promise<StatementResult> => {
      let promise = running.get(name);
      if (promise) return promise;
      promise = (async () => {
        const needs = [...new Set(referencedResults(statements.get(name)!))];
        await Promise.all(needs.map(start));
        const result = await this.#run(prepared.get(name)!, context, named);
        named.set(name, toNamed(result));
        return result;
      })();
      running.set(name, promise);
      return promise;
    };
    const settled = await Promise.allSettled(order.map(start));
    // The first failure in evaluation order is the one reported, however the runs interleaved.
    for (const [index, outcome] of settled.entries()) {
      if (outcome.status === 'rejected') throw renamed(outcome.reason, order[index]!);
    }
    return new ApiList(
      'fql_result',
      [...statements.keys()].map((name) => ({
        name,
        fql_result_set: renderRows((settled[order.indexOf(name)] as PromiseFulfilledResult<StatementResult>).value, 'self-closing'),
      })),
    );
  }
}

function toNamed(result: StatementResult): NamedResult {
  return {
    tableName: result.tableName,
    rows: result.rows.map((row) => {
      const values = new Map();
      result.outputs.forEach((output, index) => {
        const key = outputKey(output);
        if (!values.has(key)) values.set(key, row[index]);
      });
      return values;
    }),
  };
}

/** The error of a multiquery's statement, with the statement's name after the message. */
function renamed(error: unknown, name: string): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError(error.code, error.detail === undefined ? name : `${name}: ${error.detail}`);
}

function withQueryName<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw renamed(error, name);
  }
}

function parseQueries(text: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError(144, 'queries: not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ApiError(144, 'queries: must be a JSON object of named queries');
  const entries = Object.entries(parsed);
  if (entries.length > MAX_MULTIQUERY_STATEMENTS) throw new ApiError(100, `queries: at most ${MAX_MULTIQUERY_STATEMENTS} queries at once`);
  const statements = new Map<string, string>();
  for (const [name, statement] of entries) {
    if (typeof statement !== 'string') throw new ApiError(144, `queries: the value of ${JSON.stringify(name)} must be a string`);
    if (!QUERY_NAME.test(name)) throw new ApiError(100, `queries: ${JSON.stringify(name)} is not a query name (letters, digits and _)`);
    statements.set(name, statement);
  }
  return statements;
}

/** Names in an order where every statement comes after those it reads; independent ones as given. 614 for a missing name or a cycle. */
function evaluationOrder(statements: ReadonlyMap<string, string>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, from: string | undefined): void => {
    if (!statements.has(name)) throw fqlError(614, `${from}: #${name} is not a query of this multiquery`);
    const now = state.get(name);
    if (now === 'done') return;
    if (now === 'visiting') throw fqlError(614, `${name}: its references go round in a circle`);
    state.set(name, 'visiting');
    for (const needed of referencedResults(statements.get(name)!)) visit(needed, name);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of statements.keys()) visit(name, undefined);
  return order;
}
