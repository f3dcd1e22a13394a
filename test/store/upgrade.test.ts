/**
 * Databases made by the release before feature folders and the query layer (a SQLite file and a
 * PostgreSQL dump, written by test/fixtures/upgrade/make-fixtures.mjs with that release) open
 * in place: nothing is lost, everything reads as it was written, they take new writes, and their
 * schema ends up the same as a new database's.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/features/feature.js';
import { MIGRATIONS, SqliteStore } from '../../src/platform.js';
import { hasPostgres, POSTGRES_URL, testSchema, type TestSchema } from '../support/postgres.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'upgrade');
const NOW = new Date('2026-12-01T12:00:00Z');

/** What the fixture script stored, read back through today's repositories. */
async function expectEverythingKept(store: Store): Promise<void> {
  const app = (await store.apps.findByApiKey('a'.repeat(32)))!;
  expect(app).toMatchObject({
    name: 'Upgrade App',
    type: 'web',
    secret: 'b'.repeat(32),
    callbackUrl: 'http://apps.example/callback',
    allowedAddresses: ['10.0.0.0/8'],
    rateLimit: { requests: 100, windowSeconds: 60 },
    postAuthorizeUrl: 'http://apps.example/added',
    postRemoveUrl: null,
  });
  expect(app.appId).toBe(100001);
  const ada = (await store.people.findByEmail('ada@example.org'))!;
  expect(ada).toMatchObject({ uid: 500000001, firstName: 'Ada', lastName: 'Lovelace', sex: 'female', birthday: 'December 10, 1815', locale: 'en_GB', timezone: 0 });
  expect(ada.profileUpdatedAt).toEqual(NOW);
  const [bob, cy] = [(await store.people.findByEmail('bob@example.org'))!, (await store.people.findByEmail('cy@example.org'))!];
  expect(bob.pictureUrl).toBe('http://pics.example/bob.jpg');

  expect(await store.authorizations.listApps(ada.uid)).toEqual([app.appId]);
  expect(await store.permissions.list(ada.uid, app.appId)).toEqual(['email', 'offline_access']);
  expect(await store.profiles.get(ada.uid, app.appId)).toEqual({ profile: '<fb:name uid="profileowner"/>', profileMain: 'main box', mobileProfile: null, profileAction: null });
  expect(await store.sessions.find('upgrade-session')).toMatchObject({ appId: app.appId, uid: ada.uid, secret: 'c'.repeat(32), expiresAt: null });
  // The stored call_id still counts: an equal one is refused, a greater one taken.
  expect(await store.sessions.advanceCallId('upgrade-session', 1259178232.8811, NOW)).toBeUndefined();
  expect(await store.sessions.advanceCallId('upgrade-session', 1259178232.8812, NOW)).toEqual({ personUsesApp: true });
  expect(await store.authTokens.find('d'.repeat(32))).toMatchObject({ appId: app.appId, uid: ada.uid });
  expect(await store.browserSignIns.find('e'.repeat(64), NOW)).toMatchObject({ uid: ada.uid });
  expect(await store.knownBrowsers.isKnown('f'.repeat(64), ada.uid, NOW)).toBe(true);
  expect(await store.friendships.friendsOf(ada.uid)).toEqual([bob.uid]);
  expect((await store.friendships.requestsTo(ada.uid)).map((request) => request.fromUid)).toEqual([cy.uid]);
  expect((await store.friendships.invitationsFrom(bob.uid)).map((invitation) => invitation.email)).toEqual(['someone@example.org']);
  expect(await store.rateLimits.hit(app.appId, NOW)).toBe(2);
  expect(await store.settings.get('maintenance')).toBe('off');

  // New rows continue the old numbering.
  const dora = await store.people.create({ email: 'dora@example.org', passwordHash: 'x', firstName: 'Dora', lastName: 'D' });
  expect(dora.uid).toBe(500000004);
  // Removing the app still takes everything the app's access kept.
  expect(await store.authorizations.revoke(ada.uid, app.appId)).toBe(true);
  expect(await store.permissions.list(ada.uid, app.appId)).toEqual([]);
  expect(await store.profiles.get(ada.uid, app.appId)).toBeUndefined();
  expect(await store.sessions.find('upgrade-session')).toBeUndefined();
}

describe('a SQLite file made by the previous release', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function copyOf(name: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-upgrade-'));
    dirs.push(dir);
    const path = join(dir, 'hearth.db');
    copyFileSync(join(FIXTURES, name), path);
    return path;
  }

  /** Tables, columns, indexes and triggers as SQLite describes them. */
  function schemaOf(path: string): unknown {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
    } finally {
      db.close();
    }
  }

  it('opens in place with everything it held', async () => {
    const store = SqliteStore.open(copyOf('release-sqlite.db'));
    try {
      await expectEverythingKept(store);
    } finally {
      await store.close();
    }
  });

  it('ends with the schema of a new database and every migration recorded', async () => {
    const upgraded = copyOf('release-sqlite.db');
    await SqliteStore.open(upgraded).close();
    const fresh = join(dirs[0]!, 'fresh.db');
    await SqliteStore.open(fresh).close();
    expect(schemaOf(upgraded)).toEqual(schemaOf(fresh));
    const db = new Database(upgraded, { readonly: true });
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((migration) => migration.version));
    db.close();
  });
});

describe.runIf(hasPostgres)('a PostgreSQL schema made by the previous release', () => {
  const schemas: TestSchema[] = [];
  afterAll(async () => {
    for (const schema of schemas) await schema.drop();
  });

  /** The dump restored into a new schema of its own. */
  async function restored(): Promise<TestSchema> {
    const schema = testSchema();
    schemas.push(schema);
    const dump = readFileSync(join(FIXTURES, 'release-postgres.sql'), 'utf8').replaceAll('hearth_upgrade_fixture', schema.name);
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      // psql's meta-commands (\restrict in newer pg_dump) are not SQL.
      await client.query(dump.replace(/^\\.*$/gm, ''));
    } finally {
      await client.end();
    }
    return schema;
  }

  async function columnsOf(schema: string): Promise<unknown> {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT table_name, column_name, data_type, is_nullable, column_default IS NOT NULL AS has_default
         FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, column_name`,
        [schema],
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  it('opens in place with everything it held', async () => {
    const store = await (await restored()).open();
    try {
      await expectEverythingKept(store);
    } finally {
      await store.close();
    }
  });

  it('ends with the columns of a new schema', async () => {
    const upgraded = await restored();
    await (await upgraded.open()).close();
    const fresh = testSchema();
    schemas.push(fresh);
    await (await fresh.open()).close();
    expect(await columnsOf(upgraded.name)).toEqual(await columnsOf(fresh.name));
  });
});
