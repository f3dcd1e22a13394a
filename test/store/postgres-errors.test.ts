import { describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { StoreUnavailableError } from '../../src/store/store-errors.js';
import { hasPostgres, testSchema } from '../support/postgres.js';

describe('postgres: failures in store terms', () => {
  it('reports a server that does not answer as unavailable', async () => {
    await expect(PostgresStore.open('postgres://postgres@127.0.0.1:1/test', { connectTimeoutMs: 1_000 })).rejects.toBeInstanceOf(StoreUnavailableError);
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
