/**
 * App properties with the memory a ChangeWatch allows: every canvas page and Connect check reads an
 * app's properties (its render method, its Connect URL), which change only when the app or its
 * developer sets them. An entry is also never served past a few seconds, as the platform promised
 * settings would take effect (and as a write rolled back can leave nothing stale for longer).
 */
import type { ChangeWatch } from '../../db/change-watch.js';
import type { Tx } from '../../db/database.js';
import { WatchedCache, writeThrough } from '../../db/watched-cache.js';
import type { AppPropertyRepository } from './records.js';

const MAX_ENTRIES = 1_000;
const MAX_AGE_MS = 5_000;

export class CachedAppPropertyRepository implements AppPropertyRepository {
  readonly #inner: AppPropertyRepository;
  readonly #values: WatchedCache<string, ReadonlyMap<string, string>>;

  constructor(inner: AppPropertyRepository, watch: ChangeWatch) {
    this.#inner = inner;
    this.#values = new WatchedCache(watch, MAX_ENTRIES, MAX_AGE_MS);
  }

  async read(appId: number, names: readonly string[]): Promise<Map<string, string>> {
    // A copy: callers may change what they get.
    return new Map(await this.#values.read(`${appId}\u0000${names.join('\u0000')}`, () => this.#inner.read(appId, names)));
  }

  write(appId: number, values: ReadonlyMap<string, string>, trx: Tx): Promise<void> {
    return writeThrough([this.#values], () => this.#inner.write(appId, values, trx));
  }
}
