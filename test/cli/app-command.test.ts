/** `hearth app create|list|show|update`, run as the built binary against a temporary database. */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSuccess, hearth, tempDatabase, tempDir, type CliResult, type TempDatabase } from '../support/cli.js';

const HEX32 = /^[0-9a-f]{32}$/;

interface AppJson {
  app_id: number;
  api_key: string;
  secret: string;
  name: string;
  type: 'web' | 'desktop';
  callback_url: string | null;
  allowed_addresses: string[];
  rate_limit: { requests: number; window_seconds: number } | null;
  post_authorize_url: string | null;
  post_remove_url: string | null;
  canvas_name: string | null;
  canvas_type: 'fbml' | 'iframe';
  created_at: string;
}

/** The `label  value` lines of the readable output, as a map. */
function fields(stdout: string): Map<string, string> {
  return new Map(
    stdout
      .trimEnd()
      .split('\n')
      .map((line) => {
        const match = /^(\S+) +(.*)$/.exec(line);
        expect(match, `a "label  value" line: ${JSON.stringify(line)}`).not.toBeNull();
        return [match![1]!, match![2]!] as const;
      }),
  );
}

describe.concurrent('hearth app', () => {
  let db: TempDatabase;
  let emptyList: CliResult;
  let webCreated: CliResult;
  let desktopCreated: CliResult;
  let createdAround: [number, number];
  beforeAll(async () => {
    db = await tempDatabase();
    // The first command creates the database; later ones share it side by side.
    emptyList = await db.run('app', 'list');
    const before = Date.now();
    [webCreated, desktopCreated] = await Promise.all([
      db.run('app', 'create', '--name', 'Web App', '--type', 'web', '--callback-url', 'https://example.test/cb', '--json'),
      db.run('app', 'create', '--name', 'Desk Top', '--type', 'desktop'),
    ]);
    createdAround = [before, Date.now()];
  });
  afterAll(() => db.remove());

  const create = (...args: string[]) => db.json<AppJson>('app', 'create', ...args);
  const update = (app: string | number, ...args: string[]) => db.json<AppJson>('app', 'update', String(app), ...args);
  const webApp = () => JSON.parse(webCreated.stdout) as AppJson;

  it('app list on an empty database says there are no apps yet', () => {
    expectSuccess(emptyList);
    expect(emptyList.stdout).toBe('No apps yet. Create one with: hearth app create --name NAME --type web\n');
  });

  it('app create --json prints app_id, a 32-hex api_key and secret, name, type and callback URL', () => {
    expectSuccess(webCreated);
    const app = webApp();
    expect(app).toEqual({
      app_id: expect.any(Number),
      api_key: expect.stringMatching(HEX32),
      secret: expect.stringMatching(HEX32),
      name: 'Web App',
      type: 'web',
      callback_url: 'https://example.test/cb',
      allowed_addresses: [],
      rate_limit: null,
      post_authorize_url: null,
      post_remove_url: null,
      canvas_name: null,
      canvas_type: 'fbml',
      created_at: expect.any(String),
    });
    expect(Number.isSafeInteger(app.app_id) && app.app_id > 0).toBe(true);
    expect(app.secret).not.toBe(app.api_key);
    // created_at is an ISO timestamp of (about) now.
    expect(new Date(app.created_at).toISOString()).toBe(app.created_at);
    expect(Date.parse(app.created_at)).toBeGreaterThanOrEqual(createdAround[0] - 2_000);
    expect(Date.parse(app.created_at)).toBeLessThanOrEqual(createdAround[1] + 2_000);
  });

  it('app create without --json shows the api_key and secret for people to copy (desktop app)', () => {
    expectSuccess(desktopCreated);
    const shown = fields(desktopCreated.stdout);
    expect([...shown.keys()]).toEqual([
      'app_id',
      'name',
      'type',
      'api_key',
      'secret',
      'callback_url',
      'allowed_addresses',
      'rate_limit',
      'post_authorize_url',
      'post_remove_url',
      'canvas_name',
      'canvas_type',
    ]);
    expect(shown.get('app_id')).toMatch(/^\d+$/);
    expect(shown.get('name')).toBe('Desk Top');
    expect(shown.get('type')).toBe('desktop');
    expect(shown.get('api_key')).toMatch(HEX32);
    expect(shown.get('secret')).toMatch(HEX32);
    expect(shown.get('callback_url')).toBe('(none)');
    expect(shown.get('allowed_addresses')).toBe('(any)');
    expect(shown.get('rate_limit')).toBe('(none)');
    // Every app has its own identity and keys.
    const web = webApp();
    expect(shown.get('app_id')).not.toBe(String(web.app_id));
    expect(new Set([shown.get('api_key'), shown.get('secret'), web.api_key, web.secret]).size).toBe(4);
  });

  it('app show finds an app by app_id and by api_key (in either case), as JSON and readable', async () => {
    const desktop = fields(desktopCreated.stdout);
    const [byId, byKey] = await Promise.all([
      db.json<AppJson>('app', 'show', desktop.get('app_id')!),
      db.run('app', 'show', desktop.get('api_key')!.toUpperCase()),
    ]);
    expect(byId).toEqual({
      app_id: Number(desktop.get('app_id')),
      api_key: desktop.get('api_key'),
      secret: desktop.get('secret'),
      name: 'Desk Top',
      type: 'desktop',
      callback_url: null,
      allowed_addresses: [],
      rate_limit: null,
      post_authorize_url: null,
      post_remove_url: null,
      canvas_name: null,
      canvas_type: 'fbml',
      created_at: expect.any(String),
    });
    expectSuccess(byKey);
    expect(byKey.stdout).toBe(desktopCreated.stdout);
  });

  it('app list shows every app as a table (without secrets) and as JSON', async () => {
    const web = webApp();
    const desktop = fields(desktopCreated.stdout);
    const [readable, json] = await Promise.all([db.run('app', 'list'), db.json<AppJson[]>('app', 'list')]);

    expectSuccess(readable);
    const lines = readable.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^APP_ID +TYPE +API_KEY +CANVAS +NAME$/);
    const rows = lines.slice(1).map((line) => line.split(/ {2,}/));
    expect(rows).toContainEqual([String(web.app_id), 'web', web.api_key, '-', 'Web App']);
    expect(rows).toContainEqual([desktop.get('app_id'), 'desktop', desktop.get('api_key'), '-', 'Desk Top']);
    expect(readable.stdout).not.toContain(web.secret);
    expect(readable.stdout).not.toContain(desktop.get('secret'));

    expect(json).toContainEqual(web);
    expect(json.map((app) => app.api_key)).toContain(desktop.get('api_key'));
    const ids = json.map((app) => app.app_id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('app create and update take the type, name, callback URL, allowed IPs (normalised to CIDR) and rate limit', async () => {
    const app = await create('--name', 'Changing', '--type', 'web', '--callback-url', 'http://old.test/', '--allowed-ips', '192.168.1.0/24, ::1,2001:db8::/32', '--rate-limit', '1000/3600');
    expect(app).toMatchObject({ allowed_addresses: ['192.168.1.0/24', '::1/128', '2001:db8::/32'], rate_limit: { requests: 1000, window_seconds: 3600 } });

    const readable = await db.run(
      'app', 'update', String(app.app_id),
      '--type', 'desktop', '--name', 'Changed', '--callback-url', 'https://new.test/back', '--allowed-ips', '10.0.0.0/8,127.0.0.1', '--rate-limit', '100/60',
    );
    expectSuccess(readable);
    expect(fields(readable.stdout)).toEqual(
      new Map([
        ['app_id', String(app.app_id)],
        ['name', 'Changed'],
        ['type', 'desktop'],
        ['api_key', app.api_key],
        ['secret', app.secret],
        ['callback_url', 'https://new.test/back'],
        ['allowed_addresses', '10.0.0.0/8, 127.0.0.1/32'],
        ['rate_limit', '100 requests per 60 s'],
        ['post_authorize_url', '(none)'],
        ['post_remove_url', '(none)'],
        ['canvas_name', '(none)'],
        ['canvas_type', 'fbml'],
      ]),
    );
  });

  it('app update --no-callback-url, --allowed-ips none and --rate-limit none remove them', async () => {
    const app = await create('--name', 'Fenced', '--type', 'web', '--callback-url', 'http://fenced.test/', '--allowed-ips', '127.0.0.1', '--rate-limit', '5/1');
    const opened = await update(app.api_key, '--no-callback-url', '--allowed-ips', 'none', '--rate-limit', 'none');
    expect(opened).toEqual({ ...app, callback_url: null, allowed_addresses: [], rate_limit: null });
  });

  it('app create and update set and remove the post-authorize and post-remove URLs', async () => {
    const app = await create('--name', 'Hooked', '--type', 'web', '--post-authorize-url', 'https://hooked.test/authorized');
    expect(app.post_authorize_url).toBe('https://hooked.test/authorized');
    const both = await update(app.app_id, '--post-remove-url', 'http://hooked.test/removed');
    expect(both).toEqual({ ...app, post_remove_url: 'http://hooked.test/removed' });
    const none = await update(app.app_id, '--no-post-authorize-url', '--no-post-remove-url');
    expect(none).toEqual({ ...app, post_authorize_url: null, post_remove_url: null });
    const refused = await db.run('app', 'update', String(app.app_id), '--post-remove-url', 'ftp://x');
    expect(refused.stderr).toBe('hearth: post-remove URL must start with http:// or https://, not "ftp://x"\n');
    expect(refused.code).toBe(1);
  });

  it('app update --new-secret replaces the secret and keeps the api_key and everything else', async () => {
    const app = await create('--name', 'Rotated', '--type', 'desktop', '--allowed-ips', '10.1.0.0/16');
    const rotated = await update(app.api_key, '--new-secret');
    expect(rotated.secret).toMatch(HEX32);
    expect(rotated.secret).not.toBe(app.secret);
    expect(rotated).toEqual({ ...app, secret: rotated.secret });
  });
});

describe.concurrent('HEARTH_DB', () => {
  let dir: string;
  let other: string;
  beforeAll(async () => {
    [dir, other] = await Promise.all([tempDir(), tempDir()]);
  });
  afterAll(async () => {
    await Promise.all([rm(dir, { recursive: true, force: true }), rm(other, { recursive: true, force: true })]);
  });

  it('names the database when --db is not given, and --db wins over it', async () => {
    const location = `sqlite:${dir}/env.db`;
    const env = { HEARTH_DB: location };
    const created = await hearth(['app', 'create', '--name', 'From Env', '--type', 'web', '--json'], { cwd: other, env });
    expectSuccess(created);
    const app = JSON.parse(created.stdout) as AppJson;

    const [viaEnv, overridden] = await Promise.all([
      hearth(['app', 'show', app.api_key, '--json'], { cwd: other, env }),
      hearth(['app', 'list', '--db', `sqlite:${other}/other.db`], { cwd: other, env }),
    ]);
    expectSuccess(viaEnv);
    expect(JSON.parse(viaEnv.stdout)).toEqual(app);
    expectSuccess(overridden);
    expect(overridden.stdout).toMatch(/^No apps yet/);
    // Neither fell back to the default ./data/hearth.db.
    expect(existsSync(join(other, 'data'))).toBe(false);
    expect(existsSync(join(dir, 'env.db'))).toBe(true);
  });
});
