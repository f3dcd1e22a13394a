/**
 * The CLI over PostgreSQL as an operator deploys it: `hearth migrate` as a release step,
 * `hearth serve --no-migrate` refusing a schema that is behind, one clear line for a database
 * that cannot be opened, and the health probes of a running server.
 */
import { rm } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/platform.js';
import { expectOperatorError, expectSuccess, hearth, startServer, tempDir, type RunningServer } from '../support/cli.js';
import { hasPostgres, POSTGRES_URL, testSchema, withSearchPath, type TestSchema } from '../support/postgres.js';

/** The tables of `schema` and the migration versions recorded there. */
async function inspect(schema: string): Promise<{ tables: string[]; versions: number[] }> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [schema]);
    const names = tables.rows.map((row) => row.name);
    const versions = names.includes('schema_migrations')
      ? (await client.query<{ version: number }>(`SELECT version FROM ${pg.escapeIdentifier(schema)}.schema_migrations ORDER BY 1`)).rows.map((row) => row.version)
      : [];
    return { tables: names, versions };
  } finally {
    await client.end();
  }
}

async function createEmptySchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  } finally {
    await client.end();
  }
}

const POSTGRES_VERSIONS = MIGRATIONS.map((migration) => migration.version);

/** A PostgreSQL URL for a port where nothing listens (on this machine). */
const NOBODY_THERE = 'postgres://postgres@127.0.0.1:1/test';

describe.concurrent('hearth with a postgres:// database that cannot be opened: one line, exit 1', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => hearth(args, { cwd: dir });

  it('nothing listening: serve and migrate name the database and the refusal', async () => {
    const [served, migrated] = await Promise.all([
      run('serve', '--port', '0', '--no-demo', '--db', NOBODY_THERE),
      run('migrate', '--db', NOBODY_THERE),
    ]);
    const line = `hearth: cannot open PostgreSQL database ${NOBODY_THERE}: connection refused at 127.0.0.1:1 (is PostgreSQL running and listening there?)`;
    expectOperatorError(served, line);
    expectOperatorError(migrated, line);
  });

  it('a password in the URL is never printed', async () => {
    const result = await run('app', 'list', '--db', 'postgres://hearth:hunter2@127.0.0.1:1/test?sslpassword=swordfish');
    expectOperatorError(result, 'cannot open PostgreSQL database postgres://hearth:***@127.0.0.1:1/test?sslpassword=***: connection refused');
    expect(result.stderr).not.toMatch(/hunter2|swordfish/);
  });

  it('a URL that cannot be read', async () => {
    expectOperatorError(
      await run('migrate', '--db', 'postgres://postgres@127.0.0.1:notaport/test'),
      'cannot open PostgreSQL database postgres://postgres@127.0.0.1:notaport/test: the URL cannot be read (expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)',
    );
  });

  it('a bad HEARTH_PG_POOL_SIZE', async () => {
    expectOperatorError(
      await hearth(['migrate', '--db', NOBODY_THERE], { cwd: dir, env: { HEARTH_PG_POOL_SIZE: 'lots' } }),
      'hearth: HEARTH_PG_POOL_SIZE must be a number from 1 to 1000, not "lots"',
    );
  });

  it.skipIf(!hasPostgres)('a database that does not exist, and a role that does not exist: the server says which', async () => {
    const server = new URL(POSTGRES_URL);
    const noDatabase = new URL(POSTGRES_URL);
    noDatabase.pathname = '/hearth_no_such_database';
    const noRole = new URL(POSTGRES_URL);
    noRole.username = 'hearth_no_such_role';
    const [database, role] = await Promise.all([run('migrate', '--db', noDatabase.href), run('migrate', '--db', noRole.href)]);
    expectOperatorError(database, `cannot open PostgreSQL database ${noDatabase.href}: database "hearth_no_such_database" does not exist`);
    // Under trust authentication an unknown role is refused as such; under passwords, as a failed login.
    expectOperatorError(role, new RegExp(`^hearth: cannot open PostgreSQL database postgres://hearth_no_such_role(:\\*\\*\\*)?@${server.host}/.*: (role "hearth_no_such_role" does not exist|password authentication failed)`));
  });
});

describe.skipIf(!hasPostgres)('hearth migrate and serve --no-migrate', () => {
  let dir: string;
  const schemas: TestSchema[] = [];
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all(schemas.map((schema) => schema.drop()));
    await rm(dir, { recursive: true, force: true });
  });

  const fresh = () => {
    const schema = testSchema();
    schemas.push(schema);
    return schema;
  };

  it('migrate on a fresh schema creates it and its tables and says it is up to date; a second run also succeeds', async () => {
    const schema = fresh();
    expect(schema.url).toBe(withSearchPath(POSTGRES_URL, schema.name));
    expect(schema.url).toContain(`?options=-c%20search_path%3D${schema.name}`);
    for (let run = 0; run < 2; run++) {
      const result = await hearth(['migrate', '--db', schema.url], { cwd: dir });
      expectSuccess(result);
      expect(result.stdout).toBe(`database ${schema.url} is up to date\n`);
    }
    const { tables, versions } = await inspect(schema.name);
    expect(tables).toEqual(expect.arrayContaining(['apps', 'people', 'api_sessions', 'auth_tokens', 'profile_fbml', 'rate_limit_windows', 'schema_migrations', 'settings']));
    expect(versions).toEqual(POSTGRES_VERSIONS);
  });

  it('serve --no-migrate on an unmigrated schema refuses to start, with one line naming hearth migrate', async () => {
    const schema = fresh();
    await createEmptySchema(schema.name);
    const result = await hearth(['serve', '--no-migrate', '--port', '0', '--no-demo', '--db', schema.url], { cwd: dir });
    expectOperatorError(
      result,
      `hearth: cannot open PostgreSQL database ${schema.url}: its schema is not up to date (pending migrations: ${POSTGRES_VERSIONS.join(', ')}): run \`hearth migrate\` with the same --db first`,
    );
    // It looked and touched nothing.
    expect(await inspect(schema.name)).toEqual({ tables: [], versions: [] });
  });

  it('after hearth migrate, two instances started at once with --no-migrate both serve, the demo is seeded once, /healthz and /readyz answer 200', async () => {
    const schema = fresh();
    expectSuccess(await hearth(['migrate', '--db', schema.url], { cwd: dir }));
    // Without --no-demo: both find the database empty, and exactly one of them seeds it.
    const started = await Promise.allSettled([0, 1].map(() => startServer(['--no-migrate', '--port', '0', '--log-level', 'warn', '--db', schema.url], { cwd: dir })));
    servers.push(...started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])));
    expect(started.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'serving'))).toEqual(['serving', 'serving']);
    // The banner follows the address lines; it may arrive a moment after them.
    await Promise.any(servers.map((server) => server.waitForStdout(/\(the sig is \w+;.*\n/, 5_000)));
    expect(servers.filter((server) => server.stdout().includes('created a demo app'))).toHaveLength(1);
    const apps = await hearth(['app', 'list', '--json', '--db', schema.url], { cwd: dir });
    expect((JSON.parse(apps.stdout) as Array<{ name: string }>).map((app) => app.name)).toEqual(['Demo App']);

    for (const server of servers) {
      expect(server.stdout()).toContain(`(database ${schema.url})`);
      const [healthy, ready] = await Promise.all([fetch(`${server.baseUrl}/healthz`), fetch(`${server.baseUrl}/readyz`)]);
      expect([healthy.status, await healthy.text(), healthy.headers.get('cache-control')]).toEqual([200, 'ok\n', 'no-store']);
      expect([ready.status, await ready.text(), ready.headers.get('cache-control')]).toEqual([200, 'ready\n', 'no-store']);
      expect(server.stderr()).toBe('');
    }
  });
});

describe('hearth serve --no-migrate over SQLite', () => {
  it('refuses a database whose schema is behind, the same way', async () => {
    const dir = await tempDir();
    try {
      const result = await hearth(['serve', '--no-migrate', '--port', '0', '--db', `sqlite:${dir}/new.db`], { cwd: dir });
      expectOperatorError(result, `hearth: cannot open SQLite database ${dir}/new.db: its schema is not up to date (pending migrations: ${MIGRATIONS.map((migration) => migration.version).join(', ')}): run \`hearth migrate\` with the same --db first`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
