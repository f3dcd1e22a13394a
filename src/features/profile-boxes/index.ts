/** Profile boxes: the FBML an app sets on a person's profile (profile.setFBML / getFBML), shown on the profile page. */
import { defineFeature } from '../feature.js';
import { getFBML } from './methods/get-fbml.js';
import { setFBML } from './methods/set-fbml.js';
import { StoredProfileFbmlRepository } from './profile-repository.js';
import { ProfileService } from './profile-service.js';
import type { ProfileFbmlRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly profiles: ProfileFbmlRepository;
  }
  interface Services {
    readonly profiles: ProfileService;
  }
}

export const profileBoxesFeature = defineFeature({
  name: 'profile-boxes',
  repositories: ({ db }) => ({ profiles: new StoredProfileFbmlRepository(db) }),
  services: ({ store }) => ({ profiles: new ProfileService(store) }),
  methods: [setFBML, getFBML],
  // An app the person removed no longer has a box on their profile.
  onAppRemoved: async (trx, uid, appId) => {
    await trx.deleteFrom('profile_fbml').where('uid', '=', uid).where('app_id', '=', appId).execute();
  },
});
