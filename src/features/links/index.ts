/** Links: URLs people share through apps, with a comment (links.post, links.get), each a link post of their stream. */
import { defineFeature } from '../feature.js';
import { linkTable } from './fql-tables.js';
import { StoredLinkRepository } from './link-repository.js';
import { LinkService } from './link-service.js';
import { linksGet } from './methods/get.js';
import { linksPost } from './methods/post.js';
import { linksMigration } from './migrations/017-links.js';
import type { LinkRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly links: LinkRepository;
  }
  interface Services {
    readonly links: LinkService;
  }
}

export const linksFeature = defineFeature({
  name: 'links',
  migrations: [linksMigration],
  repositories: ({ db }) => ({ links: new StoredLinkRepository(db) }),
  services: ({ store, services }) => ({ links: new LinkService(store, services) }),
  methods: [linksPost, linksGet],
  fqlTables: [linkTable],
});
