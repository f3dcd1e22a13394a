/**
 * Who may use an app, from its settings (docs/developers.md, "Sandbox mode and who can add"): in
 * sandbox mode (`dev_mode` = 1) only its developers may see or authorize it; with "People can add
 * this application" off (`installable` = 0) nobody but its developers may add it, while those who
 * already did keep it. The login, authorization, add, code_gen, canvas and Connect pages all ask
 * here; API calls with sessions made earlier are not cut.
 */
import type { App } from '../apps/records.js';
import type { Store } from '../feature.js';

/**
 * `sandbox`: the app is in sandbox mode and the person is not one of its developers (or nobody is
 * signed in). `not-installable`: nobody but its developers may add it; whoever already added it
 * goes on using it, so pages that would add the app refuse only people who are not its users yet.
 */
export type AppUse = 'ok' | 'sandbox' | 'not-installable';

/** What the rule reads of an app: two of its properties and its developers. */
export interface AccessFacts {
  readonly sandboxed: boolean;
  readonly installable: boolean;
  readonly developers: ReadonlySet<number>;
}

export interface AppAccessRepository {
  /** The app's facts, from memory while no write can have changed them. */
  facts(appId: number): Promise<AccessFacts>;
  /**
   * Runs a write to an app's properties or developers, forgetting every app's facts before it and
   * after it (so that a read in flight during the write is not kept).
   */
  changing<T>(write: () => Promise<T>): Promise<T>;
}

/** The rule itself: developers may always; otherwise sandbox mode first, then who can add. */
export function appUse(facts: AccessFacts, uid: number | undefined): AppUse {
  if (uid !== undefined && facts.developers.has(uid)) return 'ok';
  if (facts.sandboxed) return 'sandbox';
  return facts.installable ? 'ok' : 'not-installable';
}

export class AppAccessService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** Whether the person `uid` (undefined: nobody signed in) may use the app; from memory on the hot paths. */
  async mayUse(app: App, uid: number | undefined): Promise<AppUse> {
    return appUse(await this.#store.appAccess.facts(app.appId), uid);
  }
}
