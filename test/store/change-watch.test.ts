/**
 * How each backend learns that another process changed apps or settings: SQLite at once, through
 * data_version; PostgreSQL through a listening connection, which may be lost and comes back.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PostgresChangeWatch, CHANGE_LISTENER_NAME } from '../../src/db/postgres/postgres-change-watch.js';
import type { PostgresStore } from '../../src/platform.js';
import { SqliteStore } from '../../src/platform.js';
import type { NewApp } from '../../src/features/apps/records.js';
import type { Store } from '../../src/features/feature.js';
import { hasPostgres, POSTGRES_URL, testSchema, type TestSchema } from '../support/postgres.js';

const newApp = (apiKey: string): NewApp => ({ apiKey, secret: 'a'.repeat(32), name: 'Clock', type: 'web', callbackUrl: null });

describe('SQLite: a change committed by another connection', () => {
  let dir: string;
  const open: Store[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hearth-watch-'));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is seen by the next read of the server, which had the app and the switch in memory', async () => {
    const server = SqliteStore.open(join(dir, 'shared.db'));
    const cli = SqliteStore.open(join(dir, 'shared.db'));
    open.push(server, cli);
    const created = await cli.apps.create(newApp('1'.repeat(32)));
    expect((await server.apps.findByApiKey(created.apiKey))?.secret).toBe('a'.repeat(32));
    expect(await server.settings.get('maintenance')).toBeUndefined();

    await cli.apps.update(created.appId, { secret: 'b'.repeat(32) });
    await cli.settings.set('maintenance', 'moving racks');
    // The server reads data_version once per turn of its event loop; its next call comes in a later one.
    await new Promise(setImmediate);
    expect((await server.apps.findByApiKey(created.apiKey))?.secret).toBe('b'.repeat(32));
    expect((await server.apps.findById(created.appId))?.secret).toBe('b'.repeat(32));
    expect(await server.settings.get('maintenance')).toBe('moving racks');
  });
});

describe.skipIf(!hasPostgres)('PostgreSQL: the change listener', () => {
  let schema: TestSchema;
  let writer: PostgresStore;
  let watch: PostgresChangeWatch | undefined;
  let served: PostgresStore | undefined;

  beforeAll(async () => {
    schema = testSchema();
    writer = await schema.open();
  });
  afterEach(async () => {
    await watch?.close();
    await served?.close();
    watch = served = undefined;
  });
  afterAll(async () => {
    await writer?.close();
    await schema?.drop();
  });

  // Named after this suite's schema, so that cutting it leaves other suites' listeners alone.
  const listenerName = () => `${CHANGE_LISTENER_NAME} ${schema.name}`;
  const listen = () => new PostgresChangeWatch(() => new pg.Client({ connectionString: POSTGRES_URL, application_name: listenerName(), options: `-c search_path=${schema.name}` }));

  it('moves its version when another connection changes an app or a setting', async () => {
    watch = listen();
    await expect.poll(() => watch!.version()).toBeDefined();
    const before = watch.version()!;
    const created = await writer.apps.create(newApp('2'.repeat(32)));
    await expect.poll(() => watch!.version()).toBeGreaterThan(before);
    const afterApp = watch.version()!;
    await writer.settings.set('maintenance', 'on');
    await writer.settings.set('maintenance', undefined);
    await expect.poll(() => watch!.version()).toBeGreaterThan(afterApp);
    expect(created.appId).toBeGreaterThan(0);
  });

  it('vouches for nothing while its connection is gone, and listens again by itself', async () => {
    watch = listen();
    await expect.poll(() => watch!.version()).toBeDefined();
    const before = watch.version()!;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()', [listenerName()]);
    } finally {
      await admin.end();
    }
    await expect.poll(() => watch!.version()).toBeUndefined();
    // Back within its retry delays, with a version that cannot match anything remembered before.
    await expect.poll(() => watch!.version(), { timeout: 5_000 }).toBeGreaterThan(before);
  });

  it('lets a serving store see a new secret set by another instance', async () => {
    served = await schema.open({ watchChanges: true });
    const created = await writer.apps.create(newApp('3'.repeat(32)));
    await expect.poll(() => served!.watchingChanges).toBe(true);
    expect((await served.apps.findByApiKey(created.apiKey))?.secret).toBe('a'.repeat(32));
    await writer.apps.update(created.appId, { secret: 'c'.repeat(32) });
    await expect.poll(async () => (await served!.apps.findByApiKey(created.apiKey))?.secret).toBe('c'.repeat(32));
  });
});
