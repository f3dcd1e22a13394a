/**
 * PostgreSQL for tests: each suite gets a schema of its own on the server named by
 * HEARTH_TEST_POSTGRES (default: the local trust-auth server, database `test`), dropped afterwards.
 * Where no server answers, PostgreSQL suites skip with a clear message — except in CI, where they
 * must run and a missing server fails them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../../src/platform.js';
import { type PostgresStoreOptions } from '../../src/platform.js';

export const POSTGRES_URL = process.env.HEARTH_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const hasPostgres = process.env.CI ? true : await reachable();
if (!hasPostgres) console.warn(`PostgreSQL suites skipped: nothing answers at ${POSTGRES_URL} (set HEARTH_TEST_POSTGRES)`);

/** `base` naming `schema` the way a deployment's `--db` does: `?options=-c%20search_path%3DNAME`. */
export function withSearchPath(base: string, schema: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

export interface TestSchema {
  readonly name: string;
  /** A `--db` URL for this schema, for `hearth` child processes. */
  readonly url: string;
  open(options?: PostgresStoreOptions): Promise<PostgresStore>;
  drop(): Promise<void>;
}

/** A fresh schema; stores opened on it see only each other. */
export function testSchema(): TestSchema {
  const name = `hearth_test_${randomBytes(6).toString('hex')}`;
  return {
    name,
    url: withSearchPath(POSTGRES_URL, name),
    open: (options = {}) => PostgresStore.open(POSTGRES_URL, { schema: name, poolSize: 4, ...options }),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(name)} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
