/**
 * Apps and settings served from memory only while the backend's ChangeWatch vouches for them.
 * The inner repositories here count their reads, so "from memory" and "from the database" are
 * both observable.
 */
import { describe, expect, it, vi } from 'vitest';
import { CachedAppRepository } from '../../src/features/apps/cached-app-repository.js';
import { CachedSettingRepository } from '../../src/features/maintenance/cached-setting-repository.js';
import type { ChangeWatch } from '../../src/db/change-watch.js';
import type { Tx } from '../../src/db/database.js';
import { CachedAppPropertyRepository } from '../../src/features/app-admin/cached-app-property-repository.js';
import type { AppPropertyRepository } from '../../src/features/app-admin/records.js';
import type { App, AppChanges, AppRepository, NewApp } from '../../src/features/apps/records.js';
import type { SettingRepository } from '../../src/features/maintenance/records.js';

class FakeWatch implements ChangeWatch {
  current: number | undefined = 1;
  maxAgeMs = 60_000;
  version(): number | undefined {
    return this.current;
  }
  async close(): Promise<void> {}
}

function app(apiKey: string, secret: string, appId = 1): App {
  return { appId, apiKey, secret, name: 'Clock', type: 'web', callbackUrl: null, allowedAddresses: [], rateLimit: null, postAuthorizeUrl: null, postRemoveUrl: null, canvasName: null, createdAt: new Date(0) };
}

class CountingApps implements AppRepository {
  readonly rows = new Map<string, App>();
  reads = 0;
  /** Runs while a read is in flight, to change the rows under it. */
  duringRead: (() => Promise<void>) | undefined;

  async findByApiKey(apiKey: string): Promise<App | undefined> {
    this.reads++;
    const found = this.rows.get(apiKey);
    const during = this.duringRead;
    this.duringRead = undefined;
    await during?.();
    return found;
  }
  async findById(appId: number): Promise<App | undefined> {
    this.reads++;
    return [...this.rows.values()].find((row) => row.appId === appId);
  }
  async findByCanvasName(canvasName: string): Promise<App | undefined> {
    this.reads++;
    return [...this.rows.values()].find((row) => row.canvasName === canvasName);
  }
  async list(): Promise<App[]> {
    return [...this.rows.values()];
  }
  async withCallbackContaining(fragment: string): Promise<App[]> {
    return [...this.rows.values()].filter((row) => row.callbackUrl?.includes(fragment));
  }
  async create(created: NewApp): Promise<App> {
    const row = app(created.apiKey, created.secret, this.rows.size + 1);
    this.rows.set(row.apiKey, row);
    return row;
  }
  async update(appId: number, changes: AppChanges): Promise<App | undefined> {
    const row = [...this.rows.values()].find((candidate) => candidate.appId === appId);
    if (!row) return undefined;
    const updated = { ...row, ...changes } as App;
    this.rows.set(row.apiKey, updated);
    return updated;
  }
}

function setup() {
  const watch = new FakeWatch();
  const inner = new CountingApps();
  inner.rows.set('k1', app('k1', 'secret-1'));
  return { watch, inner, apps: new CachedAppRepository(inner, watch) };
}

describe('CachedAppRepository', () => {
  it('serves an app from memory while the watch version stays, and reads again when it moves', async () => {
    const { watch, inner, apps } = setup();
    expect((await apps.findByApiKey('k1'))?.secret).toBe('secret-1');
    expect((await apps.findByApiKey('k1'))?.secret).toBe('secret-1');
    expect(inner.reads).toBe(1);
    inner.rows.set('k1', app('k1', 'secret-2'));
    watch.current = 2;
    expect((await apps.findByApiKey('k1'))?.secret).toBe('secret-2');
    expect(inner.reads).toBe(2);
  });

  it('never remembers an unknown api_key: an app created elsewhere works on the next call', async () => {
    const { inner, apps } = setup();
    expect(await apps.findByApiKey('new')).toBeUndefined();
    inner.rows.set('new', app('new', 'fresh', 2));
    expect((await apps.findByApiKey('new'))?.secret).toBe('fresh');
  });

  it('serves a canvas name from memory like an api_key, never remembers an unknown one, and forgets on a rename', async () => {
    const { watch, inner, apps } = setup();
    expect(await apps.findByCanvasName('hearthdemo')).toBeUndefined();
    inner.rows.set('k1', { ...app('k1', 'secret-1'), canvasName: 'hearthdemo' });
    expect((await apps.findByCanvasName('hearthdemo'))?.apiKey).toBe('k1');
    expect((await apps.findByCanvasName('hearthdemo'))?.apiKey).toBe('k1');
    expect(inner.reads).toBe(2);
    await apps.update(1, { canvasName: 'renamed' });
    expect(await apps.findByCanvasName('hearthdemo')).toBeUndefined();
    watch.current = 2;
    expect((await apps.findByCanvasName('renamed'))?.apiKey).toBe('k1');
  });

  it('goes to the database on every read while the watch cannot tell', async () => {
    const { watch, inner, apps } = setup();
    watch.current = undefined;
    await apps.findByApiKey('k1');
    await apps.findByApiKey('k1');
    expect(inner.reads).toBe(2);
  });

  it('reads again once an entry is older than the watch allows', async () => {
    const { watch, inner, apps } = setup();
    watch.maxAgeMs = 0;
    await apps.findByApiKey('k1');
    await apps.findByApiKey('k1');
    expect(inner.reads).toBe(2);
  });

  it('forgets on a write through this process, even a read that was in flight during it', async () => {
    const { inner, apps } = setup();
    // A read that started before the update and returns the old row must not be kept.
    inner.duringRead = async () => void (await apps.update(1, { secret: 'rotated' }));
    expect((await apps.findByApiKey('k1'))?.secret).toBe('secret-1');
    expect((await apps.findByApiKey('k1'))?.secret).toBe('rotated');
    expect((await apps.findById(1))?.secret).toBe('rotated');
  });
});

describe('CachedSettingRepository', () => {
  class CountingSettings implements SettingRepository {
    readonly values = new Map<string, string>();
    reads = 0;
    async get(name: string): Promise<string | undefined> {
      this.reads++;
      return this.values.get(name);
    }
    async set(name: string, value: string | undefined): Promise<void> {
      if (value === undefined) this.values.delete(name);
      else this.values.set(name, value);
    }
  }

  it('remembers an absent setting too, until the watch moves or this process writes', async () => {
    const watch = new FakeWatch();
    const inner = new CountingSettings();
    const settings = new CachedSettingRepository(inner, watch);
    expect(await settings.get('maintenance')).toBeUndefined();
    expect(await settings.get('maintenance')).toBeUndefined();
    expect(inner.reads).toBe(1);
    inner.values.set('maintenance', 'elsewhere');
    watch.current = 2;
    expect(await settings.get('maintenance')).toBe('elsewhere');
    await settings.set('maintenance', undefined);
    expect(await settings.get('maintenance')).toBeUndefined();
    expect(inner.reads).toBe(3);
  });
});

describe('CachedAppPropertyRepository', () => {
  class CountingProperties implements AppPropertyRepository {
    readonly values = new Map<string, string>();
    reads = 0;
    async read(_appId: number, names: readonly string[]): Promise<Map<string, string>> {
      this.reads++;
      return new Map(names.flatMap((name) => (this.values.has(name) ? [[name, this.values.get(name)!] as const] : [])));
    }
    async write(_appId: number, values: ReadonlyMap<string, string>): Promise<void> {
      for (const [name, value] of values) this.values.set(name, value);
    }
  }
  const trx = {} as Tx;

  it('serves a read from memory, forgets on a write, and never serves an entry older than five seconds', async () => {
    vi.useFakeTimers();
    try {
      const inner = new CountingProperties();
      const properties = new CachedAppPropertyRepository(inner, new FakeWatch());
      inner.values.set('use_iframe', '0');
      expect((await properties.read(1, ['use_iframe'])).get('use_iframe')).toBe('0');
      expect((await properties.read(1, ['use_iframe'])).get('use_iframe')).toBe('0');
      expect(inner.reads).toBe(1);
      await properties.write(1, new Map([['use_iframe', '1']]), trx);
      expect((await properties.read(1, ['use_iframe'])).get('use_iframe')).toBe('1');
      expect(inner.reads).toBe(2);
      // Another process's write the watch missed is seen within five seconds.
      inner.values.set('use_iframe', '0');
      vi.advanceTimersByTime(5_001);
      expect((await properties.read(1, ['use_iframe'])).get('use_iframe')).toBe('0');
      expect(inner.reads).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
