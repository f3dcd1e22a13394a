/**
 * Any number of values as one bound parameter, so one prepared statement serves every list: a
 * JSON array read with json_each on SQLite, an array on PostgreSQL — the one place the dialects
 * bind lists differently.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Database } from './database.js';

export interface ValueList<T> {
  /** `expression IN (the list bound as param)`. */
  readonly contains: (expression: Expression<unknown> | RawBuilder<unknown>, param: unknown) => RawBuilder<boolean>;
  /** The parameter value for `values`. */
  readonly bind: (values: readonly T[]) => unknown;
  /** The list as a table of one column, `value`: `FROM ${rows(param)} AS s` (a correlated read per item). */
  readonly rows: (param: unknown) => RawBuilder<unknown>;
}

export function valueList<T extends number | string>(database: Database, type: T extends number ? 'bigint' : 'text'): ValueList<T> {
  if (database.dialect === 'sqlite') {
    return {
      contains: (expression, param) => sql<boolean>`${expression} IN (SELECT value FROM json_each(${param}))`,
      bind: (values) => JSON.stringify(values),
      rows: (param) => sql`(SELECT value FROM json_each(${param}))`,
    };
  }
  return {
    contains: (expression, param) => sql<boolean>`${expression} = ANY(${param}::${sql.raw(type)}[])`,
    bind: (values) => values,
    rows: (param) => sql`(SELECT unnest(${param}::${sql.raw(type)}[]) AS value)`,
  };
}
