/**
 * A query built and compiled once, then run with new values: building a Kysely query and compiling
 * it to SQL costs several microseconds each time, which a repository's fixed statements need not
 * pay on every call. The builder is given named placeholders (`p.uid`) where values go; compiling
 * records which parameter is which, and each run puts the given values in their places.
 *
 *   const byUid = prepareQuery<{ uid: number }, PersonRow>(db, (q, p) => q.selectFrom('people').selectAll().where('uid', '=', p.uid));
 *   const row = await byUid.first({ uid: 500000001 });          // or byUid.first(values, trx)
 *
 * Constants written into the builder (`where('declined', '=', 0)`) stay as they were compiled.
 */
import type { Compilable, CompiledQuery, QueryResult, RawBuilder } from 'kysely';
import type { Executor } from './database.js';

/** A value's place in the compiled statement. */
class Placeholder {
  constructor(readonly name: string) {}
}

/** What the builder sees: one placeholder per named value, typed as the value it stands for. */
export type Placeholders<P> = { readonly [K in keyof P]: P[K] };

function placeholders<P>(): Placeholders<P> {
  const made = new Map<string | symbol, Placeholder>();
  return new Proxy({} as Placeholders<P>, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      let placeholder = made.get(name);
      if (placeholder === undefined) made.set(name, (placeholder = new Placeholder(name)));
      return placeholder;
    },
  });
}

export class PreparedQuery<P, R> {
  readonly #executor: Executor;
  readonly #compiled: CompiledQuery<R>;
  /** For each parameter of the statement: the name of the value to put there, or the constant compiled in. */
  readonly #slots: ReadonlyArray<{ readonly name: string } | { readonly constant: unknown }>;

  constructor(executor: Executor, build: (query: Executor, p: Placeholders<P>) => Compilable<R> | RawBuilder<R>) {
    this.#executor = executor;
    const built = build(executor, placeholders<P>());
    // A raw statement (sql`…`) compiles against an executor; a built query knows its own.
    this.#compiled = 'isRawBuilder' in built ? built.compile(executor) : built.compile();
    this.#slots = this.#compiled.parameters.map((value) => (value instanceof Placeholder ? { name: value.name } : { constant: value }));
  }

  /** Runs the statement on the database, or in the transaction given. */
  run(values: P, on: Executor = this.#executor): Promise<QueryResult<R>> {
    const parameters = this.#slots.map((slot) => ('name' in slot ? (values as Record<string, unknown>)[slot.name] : slot.constant));
    return on.executeQuery<R>({ ...this.#compiled, parameters });
  }

  async all(values: P, on?: Executor): Promise<R[]> {
    return (await this.run(values, on)).rows;
  }

  async first(values: P, on?: Executor): Promise<R | undefined> {
    return (await this.run(values, on)).rows[0];
  }

  /** Rows inserted, updated or deleted. */
  async changed(values: P, on?: Executor): Promise<number> {
    return Number((await this.run(values, on)).numAffectedRows ?? 0n);
  }
}

export function prepareQuery<P, R>(executor: Executor, build: (query: Executor, p: Placeholders<P>) => Compilable<R> | RawBuilder<R>): PreparedQuery<P, R> {
  return new PreparedQuery(executor, build);
}
