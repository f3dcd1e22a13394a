import { describe, expect, it } from 'vitest';
import { DEMO_EMAIL, seedDemoIfEmpty } from '../../src/cli/demo-seed.js';
import { createServices } from '../../src/platform.js';
import { SqliteStore } from '../../src/platform.js';

describe('demo seed', () => {
  it('seeds once when several instances find the same empty database at the same moment', async () => {
    const store = SqliteStore.open(':memory:');
    try {
      const services = createServices(store);
      const seeded = await Promise.all([0, 1, 2].map(() => seedDemoIfEmpty(store, services, 'http://demo.test/')));
      expect(seeded.filter((demo) => demo !== undefined)).toHaveLength(1);
      expect((await store.apps.list()).map((app) => app.name)).toEqual(['Demo App']);
      expect((await store.people.list()).map((person) => person.email)).toEqual([DEMO_EMAIL]);
      expect(await seedDemoIfEmpty(store, services, 'http://demo.test/')).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
