/** Settings with the memory a ChangeWatch allows: every API call reads the maintenance switch. */
import type { ChangeWatch } from '../../db/change-watch.js';
import { WatchedCache, writeThrough } from '../../db/watched-cache.js';
import type { SettingRepository } from './records.js';

const MAX_SETTINGS = 100;

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
