/**
 * The operator's maintenance switch: while on, every API call answers error 2. It lives in the
 * store so `hearth maintenance on` reaches a running server (and, later, every instance).
 */
import type { Store } from '../feature.js';

const SETTING = 'maintenance';

export class MaintenanceSwitch {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  async isOn(): Promise<boolean> {
    return (await this.#store.settings.get(SETTING)) !== undefined;
  }

  /** The note the operator left when switching on, if any. */
  async note(): Promise<string | undefined> {
    return this.#store.settings.get(SETTING);
  }

  set(on: boolean, note = ''): Promise<void> {
    return this.#store.settings.set(SETTING, on ? note : undefined);
  }
}
