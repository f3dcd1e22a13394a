/**
 * Template bundles of an app: registration (with the 100-active limit and identical content
 * answering the same id), listing, lookup and deactivation (docs/feed-stories.md, "Bundles").
 */
import { ApiError } from '../../wire/errors.js';
import type { Store } from '../feature.js';
import { contentHash } from './bundle-content.js';
import type { BundleContent, TemplateBundle } from './records.js';

/** The platform's limit of active bundles per application. */
export const MAX_ACTIVE_BUNDLES = 100;

export class TemplateBundleService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /**
   * The id of an active bundle with this content: the one already registered, if the app has
   * one (facebooker hashes bundles and registers them again after a restart), else a new one.
   * Throws 810 when the app already has MAX_ACTIVE_BUNDLES active bundles.
   */
  register(appId: number, content: BundleContent, now = new Date()): Promise<TemplateBundle> {
    const hash = contentHash(content);
    const db = this.#store.database;
    return db.transaction(async (trx) => {
      // One registration per app at a time, so that two instances cannot both add the 100th.
      await db.lockPair(trx, 0, appId);
      const existing = await this.#store.templateBundles.activeWithHash(appId, hash, trx);
      if (existing) return existing;
      if ((await this.#store.templateBundles.countActive(appId, trx)) >= MAX_ACTIVE_BUNDLES) {
        throw new ApiError(810, `the application has ${MAX_ACTIVE_BUNDLES} active bundles`);
      }
      return this.#store.templateBundles.add(appId, content, hash, now, trx);
    });
  }

  activeOf(appId: number): Promise<TemplateBundle[]> {
    return this.#store.templateBundles.activeOf(appId);
  }

  /** The app's bundle, active or not; undefined for an unknown id or another app's. */
  find(appId: number, bundleId: number): Promise<TemplateBundle | undefined> {
    return this.#store.templateBundles.find(appId, bundleId);
  }

  /** Whether the app's bundle was active and is now deactivated. */
  deactivate(appId: number, bundleId: number): Promise<boolean> {
    return this.#store.templateBundles.deactivate(appId, bundleId);
  }
}
