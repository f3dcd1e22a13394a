/**
 * What an app administers about itself and keeps per person: its allocations and properties
 * (admin.getAllocation, admin.getAppProperties, admin.setAppProperties) and each person's
 * preference slots with it (data.*UserPreference, data.*UserPreferences). docs/app-admin.md.
 */
import { defineFeature } from '../feature.js';
import { CachedAppPropertyRepository } from './cached-app-property-repository.js';
import { StoredAppPropertyRepository } from './app-property-repository.js';
import { AppPropertyService } from './app-property-service.js';
import { adminGetAllocation } from './methods/get-allocation.js';
import { adminGetAppProperties } from './methods/get-app-properties.js';
import { adminSetAppProperties } from './methods/set-app-properties.js';
import { dataGetUserPreference } from './methods/get-user-preference.js';
import { dataGetUserPreferences } from './methods/get-user-preferences.js';
import { dataSetUserPreference } from './methods/set-user-preference.js';
import { dataSetUserPreferences } from './methods/set-user-preferences.js';
import { appAdminMigration } from './migrations/029-app-admin.js';
import { appPropertyChangesMigration } from './migrations/037-app-property-changes.js';
import { StoredPreferenceRepository } from './preference-repository.js';
import { PreferenceService } from './preference-service.js';
import type { AppPropertyRepository, PreferenceRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly appProperties: AppPropertyRepository;
    readonly preferences: PreferenceRepository;
  }
  interface Services {
    readonly appProperties: AppPropertyService;
    readonly preferences: PreferenceService;
  }
}

export const appAdminFeature = defineFeature({
  name: 'app-admin',
  migrations: [appAdminMigration, appPropertyChangesMigration],
  repositories: ({ db }) => ({ appProperties: new CachedAppPropertyRepository(new StoredAppPropertyRepository(db), db.changes), preferences: new StoredPreferenceRepository(db) }),
  services: ({ store }) => ({ appProperties: new AppPropertyService(store), preferences: new PreferenceService(store) }),
  methods: [adminGetAllocation, adminGetAppProperties, adminSetAppProperties, dataSetUserPreference, dataSetUserPreferences, dataGetUserPreference, dataGetUserPreferences],
  // The preferences were the app's to keep about the person; its properties stay with the app.
  onAppRemoved: async (trx, uid, appId) => {
    await trx.deleteFrom('user_preferences').where('uid', '=', uid).where('app_id', '=', appId).execute();
  },
});
