/**
 * Grants: which people authorized which apps and the extended permissions they gave them — the
 * authorize and permission prompts, the applications page, auth.revoke*, users.isAppUser and
 * users.hasAppPermission. Removing an authorization runs every feature's `onAppRemoved`.
 */
import { defineFeature } from '../feature.js';
import { permissionsTable } from './fql-tables.js';
import { StoredAuthorizationRepository, StoredPermissionRepository } from './grant-repositories.js';
import { GrantService } from './grant-service.js';
import { hasAppPermission } from './methods/has-app-permission.js';
import { isAppUser } from './methods/is-app-user.js';
import { revokeAuthorization } from './methods/revoke-authorization.js';
import { revokeExtendedPermission } from './methods/revoke-extended-permission.js';
import { authorizePages } from './pages/authorize-page.js';
import { editAppsPage } from './pages/edit-apps-page.js';
import { PermissionService } from './permission-service.js';
import type { AuthorizationRepository, PermissionRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly authorizations: AuthorizationRepository;
    readonly permissions: PermissionRepository;
  }
  interface Services {
    readonly grants: GrantService;
    readonly permissions: PermissionService;
  }
}

export const grantsFeature = defineFeature({
  name: 'grants',
  repositories: ({ db, appRemoved }) => ({
    authorizations: new StoredAuthorizationRepository(db, appRemoved),
    permissions: new StoredPermissionRepository(db),
  }),
  services: ({ store, services }) => ({
    grants: new GrantService(store, services.notifier, services.sessions),
    permissions: new PermissionService(store),
  }),
  methods: [revokeAuthorization, revokeExtendedPermission, isAppUser, hasAppPermission],
  fqlTables: [permissionsTable],
  pages: [...authorizePages, editAppsPage],
  onAppRemoved: async (trx, uid, appId) => {
    await trx.deleteFrom('extended_permissions').where('uid', '=', uid).where('app_id', '=', appId).execute();
  },
});
