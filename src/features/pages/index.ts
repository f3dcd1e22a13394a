/** Pages: public pages, their fans and admins, the apps they added (pages.*), the FQL tables page, page_fan and page_admin; made by operators (hearth page). */
import { defineFeature } from '../feature.js';
import { pagePlaces } from './page-place.js';
import { pageAdminTable, pageFanTable, pageTable } from './fql-tables.js';
import { pagesGetInfo } from './methods/get-info.js';
import { pagesIsAdmin } from './methods/is-admin.js';
import { pagesIsAppAdded } from './methods/is-app-added.js';
import { pagesIsFan } from './methods/is-fan.js';
import { pagesMigration } from './migrations/022-pages.js';
import { StoredPageRepository } from './page-repository.js';
import { fanPagePages } from './pages/index.js';
import { PageService } from './page-service.js';
import type { PageRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly pages: PageRepository;
  }
  interface Services {
    readonly pages: PageService;
  }
}

export const pagesFeature = defineFeature({
  name: 'pages',
  migrations: [pagesMigration],
  repositories: ({ db }) => ({ pages: new StoredPageRepository(db) }),
  services: ({ store }) => ({ pages: new PageService(store) }),
  methods: [pagesGetInfo, pagesIsFan, pagesIsAdmin, pagesIsAppAdded],
  fqlTables: [pageTable, pageFanTable, pageAdminTable],
  pages: fanPagePages,
  places: ({ store }) => pagePlaces(store),
});
