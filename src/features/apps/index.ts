/** Apps: registration and settings (the CLI), lookup by api_key for every call, rate-limit counts, and the signed callbacks apps receive. */
import { defineFeature } from '../feature.js';
import { applicationTable } from './fql-tables.js';
import { AppNotifier } from './app-notifier.js';
import { StoredAppRepository } from './app-repository.js';
import { AppService } from './app-service.js';
import { CachedAppRepository } from './cached-app-repository.js';
import { StoredRateLimitRepository } from './rate-limit-repository.js';
import type { App, AppRepository, RateLimitRepository } from './records.js';
import './tables.js';

declare module '../../dispatch/ports.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface MethodApp extends App {}
}

declare module '../feature.js' {
  interface Store {
    readonly apps: AppRepository;
    readonly rateLimits: RateLimitRepository;
  }
  interface Services {
    readonly apps: AppService;
    readonly notifier: AppNotifier;
  }
}

const SILENT = { info() {}, warn() {} };

export const appsFeature = defineFeature({
  name: 'apps',
  fqlTables: [applicationTable],
  repositories: ({ db }) => ({
    apps: new CachedAppRepository(new StoredAppRepository(db), db.changes),
    rateLimits: new StoredRateLimitRepository(db),
  }),
  services: ({ store, options }) => ({
    apps: new AppService(store),
    notifier: new AppNotifier({ log: options.log ?? SILENT, fetch: options.fetch }),
  }),
  // The longest window an operator would set is a day; older counts can no longer matter.
  housekeeping: (store, now) => store.rateLimits.deleteBefore(new Date(now.getTime() - 2 * 86_400_000)),
});
