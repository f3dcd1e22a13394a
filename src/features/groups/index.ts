/** Groups: groups and who is in them (groups.get, groups.getMembers), the FQL tables group and group_member; made and filled by operators (hearth group). */
import { defineFeature } from '../feature.js';
import { groupPlaces } from './group-place.js';
import { groupMemberTable, groupTable } from './fql-tables.js';
import { StoredGroupRepository } from './group-repository.js';
import { GroupService } from './group-service.js';
import { groupsGetMembers } from './methods/get-members.js';
import { groupsGet } from './methods/get.js';
import { groupsMigration } from './migrations/021-groups.js';
import { groupPages } from './pages/index.js';
import type { GroupRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly groups: GroupRepository;
  }
  interface Services {
    readonly groups: GroupService;
  }
}

export const groupsFeature = defineFeature({
  name: 'groups',
  migrations: [groupsMigration],
  repositories: ({ db }) => ({ groups: new StoredGroupRepository(db) }),
  services: ({ store }) => ({ groups: new GroupService(store) }),
  methods: [groupsGet, groupsGetMembers],
  fqlTables: [groupTable, groupMemberTable],
  pages: groupPages,
  places: ({ store }) => groupPlaces(store),
});
