import type { ChangeWatch } from './change-watch.js';

interface Entry<V> {
  readonly value: V;
  readonly version: number;
  readonly generation: number;
  readonly loadedAt: number;
}

/**
 * Read-through memory for rows a ChangeWatch covers. An entry is served only while the watch's
 * version is the one read before the entry was loaded, no write went through this process since,
 * and it is younger than the watch's `maxAgeMs`; otherwise the read goes to the database.
 */
export class WatchedCache<K, V> {
  readonly #watch: ChangeWatch;
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;
  readonly #entries = new Map<K, Entry<V>>();
  /** Moves on every write made through this process, so a read in flight during one is not kept. */
  #generation = 0;

  /** `maxAgeMs` caps how long an entry is served even where the watch would allow longer. */
  constructor(watch: ChangeWatch, maxEntries: number, maxAgeMs: number = Number.POSITIVE_INFINITY) {
    this.#watch = watch;
    this.#maxEntries = maxEntries;
    this.#maxAgeMs = maxAgeMs;
  }

  /** The value for `key`, from memory when still valid, else from `load`; values `keep` refuses are never remembered. */
  async read(key: K, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    // Read before loading: a change committed while the load runs moves the version past this one.
    const version = this.#watch.version();
    if (version === undefined) return load();
    const now = Date.now();
    const entry = this.#entries.get(key);
    if (entry && entry.version === version && entry.generation === this.#generation && now - entry.loadedAt < Math.min(this.#watch.maxAgeMs, this.#maxAgeMs)) {
      return entry.value;
    }
    const generation = this.#generation;
    const value = await load();
    if (keep(value) && generation === this.#generation) {
      // Bounded by clearing rather than evicting one by one: the rows cached here (apps, settings) are few.
      if (this.#entries.size >= this.#maxEntries && !this.#entries.has(key)) this.#entries.clear();
      this.#entries.set(key, { value, version, generation, loadedAt: now });
    }
    return value;
  }

  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

/** A write through this process: the caches forget before it (reads in flight are not kept) and after it. */
export async function writeThrough<T>(caches: ReadonlyArray<WatchedCache<unknown, unknown>>, write: () => Promise<T>): Promise<T> {
  for (const cache of caches) cache.invalidate();
  try {
    return await write();
  } finally {
    for (const cache of caches) cache.invalidate();
  }
}
