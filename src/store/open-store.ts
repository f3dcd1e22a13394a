/**
 * Turns a `--db` / `HEARTH_DB` location into a Store. `sqlite:PATH` (or a bare path) is the
 * embedded default; `postgres://…` (or `postgresql://…`) is the shared database for several instances.
 */
import { PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB = 'sqlite:./data/hearth.db';

export class StoreLocationError extends Error {}

export async function openStore(location: string): Promise<Store> {
  if (location.startsWith('sqlite:')) {
    const path = location.slice('sqlite:'.length);
    if (path === '') throw new StoreLocationError('--db sqlite: needs a file path, e.g. sqlite:./data/hearth.db');
    return SqliteStore.open(path);
  }
  if (/^postgres(ql)?:\/\//i.test(location)) return PostgresStore.open(location);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new StoreLocationError(`unsupported database location ${JSON.stringify(location)}: use sqlite:PATH or postgres://USER@HOST/DB`);
  }
  return SqliteStore.open(location);
}
