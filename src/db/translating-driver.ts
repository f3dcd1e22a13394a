/**
 * Wraps a Kysely driver so that every failure reaches the repositories in the store's own terms
 * (`StoreUnavailableError`, `DuplicateError`, store-errors.ts) whichever dialect raised it.
 */
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from 'kysely';

export type ErrorTranslation = (error: unknown) => unknown;

async function translated<T>(translate: ErrorTranslation, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translate(error);
  }
}

class TranslatingConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    readonly translate: ErrorTranslation,
  ) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return translated(this.translate, () => this.inner.executeQuery<R>(compiled));
  }

  streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiled, chunkSize);
  }
}

export class TranslatingDriver implements Driver {
  readonly #inner: Driver;
  readonly #translate: ErrorTranslation;
  readonly #wrapped = new WeakMap<DatabaseConnection, TranslatingConnection>();

  constructor(inner: Driver, translate: ErrorTranslation) {
    this.#inner = inner;
    this.#translate = translate;
  }

  init(): Promise<void> {
    return translated(this.#translate, () => this.#inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await translated(this.#translate, () => this.#inner.acquireConnection());
    let wrapped = this.#wrapped.get(inner);
    if (wrapped === undefined) {
      wrapped = new TranslatingConnection(inner, this.#translate);
      this.#wrapped.set(inner, wrapped);
    }
    return wrapped;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return translated(this.#translate, () => this.#inner.beginTransaction(unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return translated(this.#translate, () => this.#inner.commitTransaction(unwrap(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return translated(this.#translate, () => this.#inner.rollbackTransaction(unwrap(connection)));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

function unwrap(connection: DatabaseConnection): DatabaseConnection {
  return connection instanceof TranslatingConnection ? connection.inner : connection;
}
