/**
 * People's preference slots with apps (data.*UserPreference): 201 slots numbered 0–200, each at
 * most 128 characters (longer values are cut, as the platform did); "" and "0" remove a slot.
 */
import type { Store } from '../feature.js';
import type { Preference } from './records.js';

export const MAX_PREF_ID = 200;
export const MAX_PREFERENCE_LENGTH = 128;

/** The value a slot keeps, or null when the value removes it. */
export function slotValue(value: string | undefined): string | null {
  if (value === undefined || value === '' || value === '0') return null;
  // Cut by characters, never inside a surrogate pair.
  const characters = [...value];
  return characters.length > MAX_PREFERENCE_LENGTH ? characters.slice(0, MAX_PREFERENCE_LENGTH).join('') : value;
}

export class PreferenceService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** A slot's value; "" when it is not set. */
  async get(appId: number, uid: number, prefId: number): Promise<string> {
    return (await this.#store.preferences.find(appId, uid, prefId)) ?? '';
  }

  list(appId: number, uid: number): Promise<Preference[]> {
    return this.#store.preferences.list(appId, uid);
  }

  /** Sets (or, with "", "0" or no value, removes) each slot given; `replace` removes every other slot too. */
  set(appId: number, uid: number, values: ReadonlyMap<number, string | undefined>, replace = false): Promise<void> {
    return this.#store.preferences.apply(appId, uid, new Map([...values].map(([prefId, value]) => [prefId, slotValue(value)])), replace);
  }
}
