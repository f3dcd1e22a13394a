/**
 * Presence: whether people are online, from when they last used the pages or an app's session
 * (online_presence in users.getInfo and FQL's user table). docs/presence.md.
 */
import { defineFeature } from '../feature.js';
import { presenceMigration } from './migrations/032-presence.js';
import { StoredPresenceRepository } from './presence-repository.js';
import { PresenceService } from './presence-service.js';
import type { PresenceRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly presence: PresenceRepository;
  }
  interface Services {
    readonly presence: PresenceService;
  }
}

export const presenceFeature = defineFeature({
  name: 'presence',
  migrations: [presenceMigration],
  repositories: ({ db }) => ({ presence: new StoredPresenceRepository(db) }),
  services: ({ store, services }) => {
    const presence = new PresenceService(store);
    // The two places a person shows they are there: an API call in their session, a signed-in page.
    services.sessions.onCallAdmitted((uid, now) => presence.seen(uid, now));
    services.signIn.onPersonSeen((uid, now) => presence.seen(uid, now));
    return { presence };
  },
});
