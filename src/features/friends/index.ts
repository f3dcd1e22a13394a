/** Friends: friendships, requests and invitations by e-mail address (friends.get, areFriends, getAppUsers; friends.php). */
import { defineFeature } from '../feature.js';
import { FriendService } from './friend-service.js';
import { StoredFriendshipRepository } from './friendship-repository.js';
import { areFriends } from './methods/are-friends.js';
import { getAppUsers } from './methods/get-app-users.js';
import { friendsGet } from './methods/get.js';
import { friendsPage } from './pages/friends-page.js';
import type { FriendshipRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly friendships: FriendshipRepository;
  }
  interface Services {
    readonly friends: FriendService;
  }
}

export const friendsFeature = defineFeature({
  name: 'friends',
  repositories: ({ db }) => ({ friendships: new StoredFriendshipRepository(db) }),
  services: ({ store }) => ({ friends: new FriendService(store) }),
  methods: [friendsGet, areFriends, getAppUsers],
  pages: [friendsPage],
});
