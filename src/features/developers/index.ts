/**
 * The developer's apps in the browser (docs/developers.md): a person creates apps at /developers/,
 * sees their keys, resets the secret and changes every setting at /developers/apps.php; each app's
 * developers (migration 36) are the only people who see or change it there, and the only people
 * who may use it in sandbox mode (app-access.ts).
 */
import { defineFeature } from '../feature.js';
import { AppAccessService, type AppAccessRepository } from './app-access.js';
import { CachedAppAccessRepository } from './app-access-repository.js';
import { StoredDeveloperRepository } from './developer-repository.js';
import { DeveloperService } from './developer-service.js';
import { appDevelopersMigration } from './migrations/036-app-developers.js';
import { developerPages } from './pages/index.js';
import type { DeveloperRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly developers: DeveloperRepository;
    readonly appAccess: AppAccessRepository;
  }
  interface Services {
    readonly developers: DeveloperService;
    readonly appAccess: AppAccessService;
  }
}

export const developersFeature = defineFeature({
  name: 'developers',
  migrations: [appDevelopersMigration],
  repositories: ({ db }) => ({ developers: new StoredDeveloperRepository(db), appAccess: new CachedAppAccessRepository(db) }),
  services: ({ store, services }) => ({ developers: new DeveloperService(store, services), appAccess: new AppAccessService(store) }),
  pages: developerPages,
});
