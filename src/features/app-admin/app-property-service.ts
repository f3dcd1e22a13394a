/** admin.getAppProperties and admin.setAppProperties: an app's properties read and written as a whole. */
import type { Store } from '../feature.js';
import type { App } from '../apps/records.js';
import { phpStyleJson } from '../../wire/serialize/json-serializer.js';
import { propertyChanges, readProperty, storedName, type PropertyValue } from './app-properties.js';

export class AppPropertyService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** The named properties as one JSON object in the order asked, written as PHP's json_encode writes it (`\/`). */
  async read(app: App, names: readonly string[]): Promise<string> {
    return phpStyleJson(await this.values(app, names));
  }

  /** The named properties as values, for Hearth's own pages (which have no use for the JSON). */
  async values(app: App, names: readonly string[]): Promise<Record<string, PropertyValue>> {
    const unique = [...new Set(names)];
    const stored = await this.#store.appProperties.read(app.appId, unique.map(storedName));
    const values: Record<string, PropertyValue> = {};
    for (const name of unique) values[name] = readProperty(name, app, stored);
    return values;
  }

  /**
   * Stores every property or none: all are checked first (InvalidInputError names the first bad
   * one), then the app's fields and the other values are written in one transaction.
   */
  async write(app: App, values: ReadonlyArray<readonly [string, unknown]>): Promise<void> {
    const changes = propertyChanges(values);
    // dev_mode and installable decide who may use the app: what is remembered of them goes too.
    await this.#store.appAccess.changing(() =>
      this.#store.database.transaction(async (trx) => {
        await this.#store.appProperties.write(app.appId, changes.stored, trx);
        // Last, so that the app's remembered fields are stale for the shortest time before the commit.
        if (Object.keys(changes.app).length > 0) await this.#store.apps.update(app.appId, changes.app, trx);
      }),
    );
  }
}
