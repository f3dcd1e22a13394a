import { describe, expect, it } from 'vitest';
import { describePostgresUrl, splitSearchPath } from '../../src/db/postgres/postgres-connection.js';
import { PostgresStore } from '../../src/platform.js';
import { StoreUnavailableError } from '../../src/db/store-errors.js';
import { hasPostgres, testSchema } from '../support/postgres.js';

describe('postgres: failures in store terms', () => {
  it('reports a server that does not answer as unavailable, in one sentence an operator can act on', async () => {
    const opening = PostgresStore.open('postgres://postgres:secret@127.0.0.1:1/test', { connectTimeoutMs: 1_000 });
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(opening).rejects.toThrow(
      'cannot open PostgreSQL database postgres://postgres:***@127.0.0.1:1/test: connection refused at 127.0.0.1:1 (is PostgreSQL running and listening there?)',
    );
  });

  it('never shows a password', () => {
    expect(describePostgresUrl('postgresql://app:p%40ss@db.internal:5433/hearth?password=x&sslmode=require&sslpassword=y')).toBe(
      'postgresql://app:***@db.internal:5433/hearth?password=***&sslmode=require&sslpassword=***',
    );
    expect(describePostgresUrl('postgres://app@db/hearth?options=-c%20search_path%3Dhearth')).toBe('postgres://app@db/hearth?options=-c%20search_path%3Dhearth');
  });

  it('reads a search_path as PostgreSQL does: unquoted names fold to lower case, quoted ones stay as written', () => {
    expect(splitSearchPath('Hearth')).toEqual(['hearth']);
    expect(splitSearchPath('"$user", public')).toEqual(['$user', 'public']);
    expect(splitSearchPath(' "My ""Odd"" Schema" ,other')).toEqual(['My "Odd" Schema', 'other']);
  });

  it.skipIf(!hasPostgres)('without migrating, refuses a schema that is behind and names hearth migrate; migrating creates the search_path schema', async () => {
    const schema = testSchema();
    try {
      // `schema.url` names the schema only through the URL's search_path; it does not exist yet.
      await expect(PostgresStore.open(schema.url, { migrate: false })).rejects.toThrow(/: its schema is not up to date \(pending migrations: 1, .*\): run `hearth migrate` with the same --db first$/);
      await (await PostgresStore.open(schema.url)).close();
      const store = await PostgresStore.open(schema.url, { migrate: false });
      expect(await store.apps.list()).toEqual([]);
      await store.close();
    } finally {
      await schema.drop();
    }
  });

  it.skipIf(!hasPostgres)('reports a closed pool as unavailable, and several stores migrate one schema once', async () => {
    const schema = testSchema();
    try {
      const [first, second] = await Promise.all([schema.open(), schema.open()]);
      await first.apps.create({ apiKey: 'a'.repeat(32), secret: 'b'.repeat(32), name: 'Shared', type: 'web', callbackUrl: null });
      expect((await second.apps.list()).map((app) => app.name)).toEqual(['Shared']);
      await first.close();
      await expect(first.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      await second.close();
    } finally {
      await schema.drop();
    }
  });
});
