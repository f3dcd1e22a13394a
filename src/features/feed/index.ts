/**
 * Feed stories: template bundles (feed.registerTemplateBundle, getRegisteredTemplateBundles,
 * getRegisteredTemplateBundleByID, deactivateTemplateBundleByID) and the stories published from
 * them (feed.publishUserAction). docs/feed-stories.md describes both.
 */
import { defineFeature } from '../feature.js';
import { FeedStoryService } from './feed-story-service.js';
import { StoredFeedStoryRepository } from './feed-story-repository.js';
import { deactivateTemplateBundleByID } from './methods/deactivate-template-bundle-by-id.js';
import { getRegisteredTemplateBundleByID } from './methods/get-registered-template-bundle-by-id.js';
import { getRegisteredTemplateBundles } from './methods/get-registered-template-bundles.js';
import { publishUserAction } from './methods/publish-user-action.js';
import { registerTemplateBundle } from './methods/register-template-bundle.js';
import { feedMigration } from './migrations/013-feed.js';
import type { FeedStoryRepository, TemplateBundleRepository } from './records.js';
import { StoredTemplateBundleRepository } from './template-bundle-repository.js';
import { TemplateBundleService } from './template-bundle-service.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly templateBundles: TemplateBundleRepository;
    readonly feedStories: FeedStoryRepository;
  }
  interface Services {
    readonly templateBundles: TemplateBundleService;
    readonly feedStories: FeedStoryService;
  }
}

export const feedFeature = defineFeature({
  name: 'feed',
  migrations: [feedMigration],
  repositories: ({ db }) => ({ templateBundles: new StoredTemplateBundleRepository(db), feedStories: new StoredFeedStoryRepository(db) }),
  services: ({ store, services }) => ({ templateBundles: new TemplateBundleService(store), feedStories: new FeedStoryService(store, services) }),
  methods: [registerTemplateBundle, getRegisteredTemplateBundles, getRegisteredTemplateBundleByID, deactivateTemplateBundleByID, publishUserAction],
});
