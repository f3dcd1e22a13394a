/** Every API method Hearth serves. Adding a method means adding its definition here; nothing else dispatches. */
import { createToken } from './auth/create-token.js';
import { expireSession } from './auth/expire-session.js';
import { getSession } from './auth/get-session.js';
import { promoteSession } from './auth/promote-session.js';
import { revokeAuthorization } from './auth/revoke-authorization.js';
import { revokeExtendedPermission } from './auth/revoke-extended-permission.js';
import type { AnyMethodDefinition } from './define-method.js';
import { areFriends } from './friends/are-friends.js';
import { getAppUsers } from './friends/get-app-users.js';
import { friendsGet } from './friends/get.js';
import { getFBML } from './profile/get-fbml.js';
import { setFBML } from './profile/set-fbml.js';
import { getInfo } from './users/get-info.js';
import { getLoggedInUser } from './users/get-logged-in-user.js';
import { hasAppPermission } from './users/has-app-permission.js';
import { isAppUser } from './users/is-app-user.js';

export const METHODS: readonly AnyMethodDefinition[] = [
  createToken,
  getSession,
  promoteSession,
  expireSession,
  revokeAuthorization,
  revokeExtendedPermission,
  getLoggedInUser,
  isAppUser,
  hasAppPermission,
  getInfo,
  setFBML,
  getFBML,
  friendsGet,
  areFriends,
  getAppUsers,
];
