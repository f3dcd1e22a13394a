/**
 * Friends: friendships, requests and invitations by e-mail address, and friend lists
 * (friends.get, areFriends, getAppUsers, getLists, getMutualFriends; friends.php).
 */
import { defineFeature } from '../feature.js';
import { friendlistMemberTable, friendlistTable, friendRequestTable, friendTable } from './fql-tables.js';
import { StoredFriendListRepository } from './friend-list-repository.js';
import { FriendListService } from './friend-list-service.js';
import { FriendService } from './friend-service.js';
import { StoredFriendshipRepository } from './friendship-repository.js';
import { areFriends } from './methods/are-friends.js';
import { getAppUsers } from './methods/get-app-users.js';
import { getLists } from './methods/get-lists.js';
import { getMutualFriends } from './methods/get-mutual-friends.js';
import { friendsGet } from './methods/get.js';
import { friendListsMigration } from './migrations/009-friend-lists.js';
import { friendsPage } from './pages/friends-page.js';
import type { FriendListRepository, FriendshipRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly friendships: FriendshipRepository;
    readonly friendLists: FriendListRepository;
  }
  interface Services {
    readonly friends: FriendService;
    readonly friendLists: FriendListService;
  }
}

export const friendsFeature = defineFeature({
  name: 'friends',
  migrations: [friendListsMigration],
  repositories: ({ db }) => ({ friendships: new StoredFriendshipRepository(db), friendLists: new StoredFriendListRepository(db) }),
  services: ({ store }) => ({ friends: new FriendService(store), friendLists: new FriendListService(store) }),
  methods: [friendsGet, areFriends, getAppUsers, getLists, getMutualFriends],
  pages: [friendsPage],
  fqlTables: [friendTable, friendRequestTable, friendlistTable, friendlistMemberTable],
});
