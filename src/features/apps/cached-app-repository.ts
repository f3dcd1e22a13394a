/**
 * The app repository with the memory a ChangeWatch allows: every API call reads its app, and every
 * canvas page the app of its canvas name, and apps change rarely. Unknown api_keys and canvas names
 * are never remembered: an app created from the CLI works at once.
 */
import type { ChangeWatch } from '../../db/change-watch.js';
import type { Tx } from '../../db/database.js';
import type { App, AppChanges, AppRepository, NewApp } from './records.js';
import { WatchedCache, writeThrough } from '../../db/watched-cache.js';

const MAX_APPS = 10_000;

const found = (app: App | undefined) => app !== undefined;

export class CachedAppRepository implements AppRepository {
  readonly #inner: AppRepository;
  readonly #byApiKey: WatchedCache<string, App | undefined>;
  readonly #byId: WatchedCache<number, App | undefined>;
  readonly #byCanvasName: WatchedCache<string, App | undefined>;

  constructor(inner: AppRepository, watch: ChangeWatch) {
    this.#inner = inner;
    this.#byApiKey = new WatchedCache(watch, MAX_APPS);
    this.#byId = new WatchedCache(watch, MAX_APPS);
    this.#byCanvasName = new WatchedCache(watch, MAX_APPS);
  }

  findByApiKey(apiKey: string): Promise<App | undefined> {
    return this.#byApiKey.read(apiKey, () => this.#inner.findByApiKey(apiKey), found);
  }

  findById(appId: number): Promise<App | undefined> {
    return this.#byId.read(appId, () => this.#inner.findById(appId), found);
  }

  findByCanvasName(canvasName: string): Promise<App | undefined> {
    return this.#byCanvasName.read(canvasName, () => this.#inner.findByCanvasName(canvasName), found);
  }

  list(): Promise<App[]> {
    return this.#inner.list();
  }

  withCallbackContaining(fragment: string): Promise<App[]> {
    return this.#inner.withCallbackContaining(fragment);
  }

  create(app: NewApp): Promise<App> {
    return writeThrough([this.#byApiKey, this.#byId, this.#byCanvasName], () => this.#inner.create(app));
  }

  /**
   * In a transaction, another read may load the old row between this update and the commit; on
   * SQLite it waits for the commit (one connection, one lock), on PostgreSQL the commit's change
   * notification moves the watch past what it loaded.
   */
  update(appId: number, changes: AppChanges, trx?: Tx): Promise<App | undefined> {
    return writeThrough([this.#byApiKey, this.#byId, this.#byCanvasName], () => this.#inner.update(appId, changes, trx));
  }
}
