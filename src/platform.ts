/**
 * Hearth assembled from its features (features.ts): the schema history, the store of every
 * feature's repositories, the services, the method registry and the page routes. The server, the
 * CLI and the tests build Hearth through these functions only.
 */
import type { Database, Tx } from './db/database.js';
import { RELEASED_MIGRATIONS } from './db/migrations/history.js';
import { orderMigrations, type Migration } from './db/migrations/migration.js';
import { openDatabase, type OpenOptions } from './db/open-database.js';
import type { PostgresDatabaseOptions } from './db/postgres/postgres-query-database.js';
import type { SqliteOptions } from './db/sqlite/sqlite-connection.js';
import { SqliteQueryDatabase } from './db/sqlite/sqlite-query-database.js';
import type { AnyMethodDefinition } from './dispatch/define-method.js';
import type { DispatchPorts } from './dispatch/ports.js';
import { MethodRegistry } from './dispatch/registry.js';
import type { PageRoutes, ServiceOptions, Services, Store } from './features/feature.js';
import { FEATURES } from './features.js';
import { signedInPerson } from './features/sign-in/pages/browser-sign-in.js';
import type { TopBarSource } from './http/page-kit/layout.js';
import type { PlaceKind } from './features/places.js';
import type { FqlTable } from './fql/table.js';

/** The whole schema history: the released migrations and every feature's, in version order. */
export const MIGRATIONS: readonly Migration[] = orderMigrations([...RELEASED_MIGRATIONS, ...FEATURES.flatMap((feature) => feature.migrations ?? [])]);

/** Every API method, from every feature. */
export const METHODS: readonly AnyMethodDefinition[] = FEATURES.flatMap((feature) => feature.methods ?? []);

export function methodRegistry(): MethodRegistry {
  return new MethodRegistry(METHODS);
}

/** What the API pipeline asks of the features, before any method runs. */
export function dispatchPorts(store: Store, services: Services): DispatchPorts {
  return {
    apps: store.apps,
    maintenance: services.maintenance,
    sessions: services.sessions,
    appUsers: services.grants,
    spokespeople: { speaksFor: async (uid, id) => (await services.stream.placesAmong([id], uid)).get(id)?.speaksFor ?? false },
  };
}

/** Every FQL table, from every feature. */
export const FQL_TABLES: readonly FqlTable[] = FEATURES.flatMap((feature) => feature.fqlTables ?? []);

/** Every page's routes, from every feature. */
export const PAGE_ROUTES: readonly PageRoutes[] = FEATURES.flatMap((feature) => feature.pages ?? []);

/** What every feature deletes when a person's authorization of an app goes, in that transaction. */
async function appRemoved(trx: Tx, uid: number, appId: number): Promise<void> {
  for (const feature of FEATURES) await feature.onAppRemoved?.(trx, uid, appId);
}

/** Every feature's repositories over one database. */
export function buildStore(db: Database): Store {
  const store: Record<string, unknown> = {
    database: db,
    ping: () => db.ping(),
    close: () => db.close(),
  };
  for (const feature of FEATURES) {
    for (const [name, repository] of Object.entries(feature.repositories?.({ db, appRemoved }) ?? {})) {
      if (name in store) throw new Error(`repository ${name} of feature ${feature.name} is declared twice`);
      store[name] = repository;
    }
  }
  return store as unknown as Store;
}

export function createServices(store: Store, options: ServiceOptions = {}): Services {
  const services: Record<string, unknown> = {};
  const places: PlaceKind[] = [];
  for (const feature of FEATURES) {
    for (const [name, service] of Object.entries(feature.services?.({ store, services: services as unknown as Services, options, fqlTables: FQL_TABLES, places }) ?? {})) {
      if (name in services) throw new Error(`service ${name} of feature ${feature.name} is declared twice`);
      services[name] = service;
    }
  }
  // A kind of place asks its feature's services, so the kinds come once they all exist.
  for (const feature of FEATURES) if (feature.places) places.push(feature.places({ store, services: services as unknown as Services }));
  services.topBar = topBarSource(services as unknown as Services);
  return services as unknown as Services;
}

/** The top bar's links: who is signed in, then each feature's link for them, in the features' order. */
function topBarSource(services: Services): TopBarSource {
  const links = FEATURES.flatMap((feature) => (feature.topBarLink ? [feature.topBarLink] : []));
  return async (request) => {
    const person = await signedInPerson(request, services);
    if (person === undefined) return undefined;
    return { uid: person.uid, links: await Promise.all(links.map((link) => link(services, person.uid))) };
  };
}

/** Removes what can no longer be used (expired tokens, sessions, sign-ins, old counts); returns how many rows went. */
export async function purgeExpired(store: Store, now = new Date()): Promise<number> {
  let removed = 0;
  for (const feature of FEATURES) removed += (await feature.housekeeping?.(store, now)) ?? 0;
  return removed;
}

/** Opens the store at a `--db` location (sqlite:PATH, a path, or postgres://…), migrating it unless told not to. */
export async function openStore(location: string, options: Omit<OpenOptions, 'migrations'> = {}): Promise<Store> {
  return buildStore(await openDatabase(location, { ...options, migrations: MIGRATIONS }));
}

/** The embedded store at `path` (`:memory:` for a private one). */
export type SqliteStore = Store;
export const SqliteStore = {
  open(path: string, options: Omit<SqliteOptions, 'migrations'> = {}): Store {
    return buildStore(SqliteQueryDatabase.open(path, { ...options, migrations: MIGRATIONS }));
  },
};

export type PostgresStoreOptions = Omit<PostgresDatabaseOptions, 'migrations'>;

/** The store in a PostgreSQL database, for several instances. */
export interface PostgresStore extends Store {
  /** Whether rarely written tables are being served from memory (a change listener is connected). */
  readonly watchingChanges: boolean;
}
export const PostgresStore = {
  async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const { PostgresQueryDatabase } = await import('./db/postgres/postgres-query-database.js');
    const db = await PostgresQueryDatabase.open(url, { ...options, migrations: MIGRATIONS });
    return Object.defineProperty(buildStore(db), 'watchingChanges', { get: () => db.watchingChanges }) as PostgresStore;
  },
};
