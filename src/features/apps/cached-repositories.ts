/**
 * The app and setting repositories with the memory a ChangeWatch allows, wrapped around any
 * backend's own. Unknown api_keys are never remembered: an app created from the CLI works at once.
 */
import type { ChangeWatch } from '../../db/change-watch.js';
import type { App, AppChanges, AppRepository, NewApp, SettingRepository } from '../store.js';
import { WatchedCache, writeThrough } from '../../db/watched-cache.js';

const MAX_APPS = 10_000;
const MAX_SETTINGS = 100;

const found = (app: App | undefined) => app !== undefined;

export class CachedAppRepository implements AppRepository {
  readonly #inner: AppRepository;
  readonly #byApiKey: WatchedCache<string, App | undefined>;
  readonly #byId: WatchedCache<number, App | undefined>;

  constructor(inner: AppRepository, watch: ChangeWatch) {
    this.#inner = inner;
    this.#byApiKey = new WatchedCache(watch, MAX_APPS);
    this.#byId = new WatchedCache(watch, MAX_APPS);
  }

  findByApiKey(apiKey: string): Promise<App | undefined> {
    return this.#byApiKey.read(apiKey, () => this.#inner.findByApiKey(apiKey), found);
  }

  findById(appId: number): Promise<App | undefined> {
    return this.#byId.read(appId, () => this.#inner.findById(appId), found);
  }

  list(): Promise<App[]> {
    return this.#inner.list();
  }

  create(app: NewApp): Promise<App> {
    return writeThrough([this.#byApiKey, this.#byId], () => this.#inner.create(app));
  }

  update(appId: number, changes: AppChanges): Promise<App | undefined> {
    return writeThrough([this.#byApiKey, this.#byId], () => this.#inner.update(appId, changes));
  }
}

export class CachedSettingRepository implements SettingRepository {
  readonly #inner: SettingRepository;
  readonly #values: WatchedCache<string, string | undefined>;

  constructor(inner: SettingRepository, watch: ChangeWatch) {
    this.#inner = inner;
    this.#values = new WatchedCache(watch, MAX_SETTINGS);
  }

  get(name: string): Promise<string | undefined> {
    return this.#values.read(name, () => this.#inner.get(name));
  }

  set(name: string, value: string | undefined): Promise<void> {
    return writeThrough([this.#values], () => this.#inner.set(name, value));
  }
}
