/**
 * The developer's apps in the browser (docs/developers.md): a person creates apps at /developers/,
 * sees their keys, resets the secret and changes every setting at /developers/apps.php; each app's
 * developers (migration 36) are the only people who see or change it there.
 */
import { defineFeature } from '../feature.js';
import { StoredDeveloperRepository } from './developer-repository.js';
import { DeveloperService } from './developer-service.js';
import { appDevelopersMigration } from './migrations/036-app-developers.js';
import { developerPages } from './pages/index.js';
import type { DeveloperRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly developers: DeveloperRepository;
  }
  interface Services {
    readonly developers: DeveloperService;
  }
}

export const developersFeature = defineFeature({
  name: 'developers',
  migrations: [appDevelopersMigration],
  repositories: ({ db }) => ({ developers: new StoredDeveloperRepository(db) }),
  services: ({ store, services }) => ({ developers: new DeveloperService(store, services) }),
  pages: developerPages,
});
