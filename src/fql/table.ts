/**
 * How a feature declares an FQL table: its columns (in the order the platform's schema gave them),
 * which of them are indexable, how rows are fetched for a set of index values (one batched query per
 * table access), and the privacy rule — which fetched rows the viewer may see, and which columns of
 * them. The engine knows no table; the catalogue in docs/FQL.md is generated from these declarations.
 */
import type { MethodApp } from '../dispatch/ports.js';
import type { FqlScalar, FqlType, FqlValue } from './types.js';

/**
 * The services a table's fetch may use. The FQL engine knows none of them: features add theirs to
 * this interface (features/feature.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface FqlServices {}

/** Who asks, through which app: the same for every table a call reads. */
export interface FqlContext {
  /** The session user; undefined for a call without a session. */
  readonly viewer: number | undefined;
  readonly app: MethodApp;
  readonly services: FqlServices;
  /** This server as the caller reached it, for URLs in answers. */
  readonly origin: string;
  readonly now: Date;
  readonly signedWithSessionSecret: boolean;
  /** One value per call for `key` (the viewer's friends, say), however many tables ask for it. */
  memo<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** The value `memo` holds for `key`, if a table of this call has made it. */
  recall<T>(key: string): Promise<T> | undefined;
}

export interface FqlColumn<R, F> {
  readonly type: FqlType;
  readonly doc: string;
  /** Usable as the index predicate (`col = v`, `col IN (…)`). */
  readonly index?: boolean;
  /** The value; a column without a reader is one Hearth keeps no data for (nil, or an empty list). */
  readonly read?: (record: R, facts: F, context: FqlContext) => FqlValue;
}

/** An index predicate with its values known, and the other index predicates ANDed with it. */
export interface IndexLookup {
  readonly column: string;
  readonly values: readonly FqlScalar[];
  readonly alongside: ReadonlyMap<string, readonly FqlScalar[]>;
}

export interface FqlTableDefinition<R, F> {
  readonly name: string;
  readonly summary: string;
  /** Who sees which rows and columns, in words, for the catalogue. */
  readonly privacyDoc: string;
  /** `required`: the table holds rows only relative to a person, so a call without a session gets 102. */
  readonly session: 'required' | 'optional';
  readonly columns: Readonly<Record<string, FqlColumn<R, F>>>;
  /** Columns that identify a row, so a row matched by several OR branches appears once; the index columns if not given. */
  readonly key?: readonly string[];
  /**
   * A lookup the table refuses (error 604) even though it is on an index column, with the reason:
   * the friend table, say, answers only for the session user or for a given pair.
   */
  readonly refuse?: (lookup: IndexLookup, context: FqlContext) => string | undefined;
  /** When the WHERE has no index predicate but names no column either (`WHERE 1`): the column the viewer's own rows are found by. */
  readonly viewerColumn?: string;
  /** Records whose `column` equals one of `values` (already of the column's type). One batched query. */
  readonly fetch: (column: string, values: readonly FqlScalar[], context: FqlContext) => Promise<readonly R[]>;
  /**
   * What privacy and the readers need about the fetched records, gathered in a few batched queries.
   * `columns`: the columns the statement reads, so that facts no column needs are not gathered.
   */
  readonly facts: (records: readonly R[], context: FqlContext, columns: ReadonlySet<string>) => Promise<F>;
  /** Whether the viewer may see the record at all; rows that fail are left out. */
  readonly visible?: (record: R, facts: F, context: FqlContext) => boolean;
  /** Whether the viewer may see this column of a visible record; an unseen value is written nil. */
  readonly canSee?: (record: R, column: string, facts: F, context: FqlContext) => boolean;
}

/** A table with its record types erased, as the catalogue holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FqlTable = FqlTableDefinition<any, any>;

export function defineFqlTable<R, F>(definition: FqlTableDefinition<R, F>): FqlTableDefinition<R, F> {
  return definition;
}

export function column<R, F>(type: FqlType, doc: string, read?: (record: R, facts: F, context: FqlContext) => FqlValue, options: { index?: boolean } = {}): FqlColumn<R, F> {
  return { type, doc, read, index: options.index };
}

export function indexColumns(table: FqlTable): string[] {
  return Object.entries(table.columns).filter(([, spec]) => spec.index).map(([name]) => name);
}
