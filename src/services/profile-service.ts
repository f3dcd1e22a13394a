/** Profile FBML per person per app, with the slot rules of methods.md (profile.setFBML). */
import type { ProfileFbml, Store } from '../store/store.js';

export type ProfileBox = 'profile' | 'profileMain';

export class ProfileService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /**
   * Stores the non-empty slots and leaves empty ones as they were, because the PHP client sends
   * all of them on every call. The 2007 `markup` parameter fills `profile` when that is empty.
   * Returns false when there was nothing to store.
   */
  async setFbml(uid: number, appId: number, slots: Partial<ProfileFbml> & { readonly markup?: string | undefined }): Promise<boolean> {
    const { markup, ...named } = slots;
    const given: Partial<Record<keyof ProfileFbml, string>> = {};
    for (const [slot, value] of Object.entries(named) as Array<[keyof ProfileFbml, string | null | undefined]>) {
      if (value) given[slot] = value;
    }
    if (!given.profile && markup) given.profile = markup;
    if (Object.keys(given).length === 0) return false;
    await this.#store.profiles.update(uid, appId, given);
    return true;
  }

  /** The stored text of one box, or '' when the app never set it. */
  async getFbml(uid: number, appId: number, box: ProfileBox): Promise<string> {
    const stored = await this.#store.profiles.get(uid, appId);
    return stored?.[box] ?? '';
  }
}
