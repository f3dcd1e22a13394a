/**
 * Profile info: the info sections apps keep on people's profiles and the options of their fields
 * (profile.setInfo / getInfo / setInfoOptions / getInfoOptions; docs/profile-info.md). The profile
 * page shows the sections through info-section-view.ts.
 */
import { defineFeature } from '../feature.js';
import { getInfo } from './methods/get-info.js';
import { getInfoOptions } from './methods/get-info-options.js';
import { setInfo } from './methods/set-info.js';
import { setInfoOptions } from './methods/set-info-options.js';
import { profileInfoMigration } from './migrations/018-profile-info.js';
import { StoredInfoOptionRepository, StoredInfoSectionRepository } from './profile-info-repository.js';
import { ProfileInfoService } from './profile-info-service.js';
import type { InfoOptionRepository, InfoSectionRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly infoSections: InfoSectionRepository;
    readonly infoOptions: InfoOptionRepository;
  }
  interface Services {
    readonly profileInfo: ProfileInfoService;
  }
}

export const profileInfoFeature = defineFeature({
  name: 'profile-info',
  migrations: [profileInfoMigration],
  repositories: ({ db }) => ({ infoSections: new StoredInfoSectionRepository(db), infoOptions: new StoredInfoOptionRepository(db) }),
  services: ({ store }) => ({ profileInfo: new ProfileInfoService(store) }),
  methods: [setInfo, getInfo, setInfoOptions, getInfoOptions],
  // The section goes with the app: a person who removes it no longer has its section on their
  // profile, and authorizing it again starts with none. The field options are the app's, not the person's.
  onAppRemoved: async (trx, uid, appId) => {
    await trx.deleteFrom('profile_info_sections').where('uid', '=', uid).where('app_id', '=', appId).execute();
  },
});
