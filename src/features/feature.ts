/**
 * What a feature declares about itself. Every feature folder has an `index.ts` exporting one
 * `defineFeature({...})`, and features.ts lists them; from that list the server derives its
 * repositories, services, API methods, pages, migrations, housekeeping and the cascade that runs
 * when a person removes an app. Nothing else registers anything.
 *
 * The `Store` and `Services` interfaces start empty: each feature adds what it provides to them
 * (declaration merging in its `index.ts`), so that the code of one feature can use another's
 * repository or service by name, typed, without a central file that knows them all.
 */
import type { Database, Tx } from '../db/database.js';
import type { Migration } from '../db/migrations/migration.js';
import type { AnyMethodDefinition } from '../dispatch/define-method.js';
import type { FqlTable } from '../fql/table.js';
import type { PageRoutes } from '../http/page-kit/define-page.js';
import type { TopBarLink, TopBarSource } from '../http/page-kit/layout.js';
import type { PlaceKind } from './places.js';

export type { PageRoutes, TopBarLink };

/** Every repository, by the name features give it. */
export interface Store {
  /** The database under the repositories, for transactions across features. */
  readonly database: Database;
  /** Cheap reachability probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Every domain service, by the name features give it. */
export interface Services {
  /** The top bar's links for whoever is signed in, from every feature's `topBarLink` (platform.ts). */
  readonly topBar: TopBarSource;
}

// API method handlers, FQL tables and pages are given every service.
declare module '../dispatch/define-method.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface MethodServices extends Services {}
}
declare module '../fql/table.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface FqlServices extends Services {}
}
declare module '../http/page-kit/define-page.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface PageServices extends Services {}
}

/** Options of the whole server that some services need (session lifetimes, scrypt cost, outgoing fetch). */
export interface ServiceOptions {
  readonly sessions?: import('./sessions/session-service.js').SessionSettings;
  /** Where app callback deliveries are logged; silent when not given (the CLI). */
  readonly log?: import('./apps/app-notifier.js').NotifierLog;
  /** For app callbacks; tests may substitute it. */
  readonly fetch?: typeof fetch;
  /** scrypt cost of new password hashes; tests lower it to save time. */
  readonly passwordCost?: import('./people/password-hashing.js').PasswordCost;
  /** The SMTP relay and the sender domain (`hearth serve --smtp`, `--mail-domain`); without a relay mail waits in the outbox. */
  readonly mail?: import('./mail/mail-settings.js').MailSettings;
}

export interface RepositoryContext {
  readonly db: Database;
  /** Runs every feature's `onAppRemoved` inside the transaction that removes an authorization. */
  readonly appRemoved: (trx: Tx, uid: number, appId: number) => Promise<void>;
}

export interface ServiceContext {
  readonly store: Store;
  /** The services of the features listed before this one. */
  readonly services: Services;
  readonly options: ServiceOptions;
  /** Every feature's FQL tables, for the service that answers FQL. */
  readonly fqlTables: readonly FqlTable[];
  /** Every feature's kinds of place (places.ts); filled once all services are built, so read it when used. */
  readonly places: readonly PlaceKind[];
}


export interface Feature {
  readonly name: string;
  /** Schema changes of this feature, with versions unique across all features. */
  readonly migrations?: readonly Migration[];
  readonly repositories?: (context: RepositoryContext) => Partial<Store>;
  readonly services?: (context: ServiceContext) => Partial<Services>;
  readonly methods?: readonly AnyMethodDefinition[];
  readonly pages?: readonly PageRoutes[];
  /** The FQL tables over this feature's data (docs/FQL.md is generated from them). */
  readonly fqlTables?: readonly FqlTable[];
  /**
   * A person removed the app (or the app removed the person's authorization): delete what this
   * feature keeps for the pair, in the transaction given. Data that outlives the app's access
   * (what the person wrote, say) is left alone.
   */
  readonly onAppRemoved?: (trx: Tx, uid: number, appId: number) => Promise<void>;
  /** The kind of place this feature keeps (events, groups, fan pages), whose walls the stream keeps. */
  readonly places?: (context: { readonly store: Store; readonly services: Services }) => PlaceKind;
  /**
   * The feature's link in the top bar of a signed-in person's pages, with its count (unread
   * threads, say). It runs on every such page view: one cheap query at most.
   */
  readonly topBarLink?: (services: Services, uid: number) => Promise<TopBarLink>;
  /** Deletes what can no longer be used (expired rows); returns how many rows went. */
  readonly housekeeping?: (store: Store, now: Date) => Promise<number>;
}

/** Identity function that checks a feature's declaration against the `Store` and `Services` it adds to. */
export function defineFeature<const F extends Feature>(feature: F): F {
  return feature;
}
