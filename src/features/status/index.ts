/** Status: what a person says they are doing, and its history (status.*, users.setStatus). */
import { defineFeature } from '../feature.js';
import { statusTable } from './fql-tables.js';
import { statusGet } from './methods/get.js';
import { statusSet } from './methods/set.js';
import { usersSetStatus } from './methods/set-status.js';
import { statusesMigration } from './migrations/011-statuses.js';
import type { StatusRepository } from './records.js';
import { StoredStatusRepository } from './status-repository.js';
import { StatusService } from './status-service.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly statuses: StatusRepository;
  }
  interface Services {
    readonly status: StatusService;
  }
}

export const statusFeature = defineFeature({
  name: 'status',
  migrations: [statusesMigration],
  repositories: ({ db }) => ({ statuses: new StoredStatusRepository(db) }),
  services: ({ store }) => ({ status: new StatusService(store) }),
  methods: [statusSet, statusGet, usersSetStatus],
  fqlTables: [statusTable],
});
