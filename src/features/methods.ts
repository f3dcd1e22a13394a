/** Every API method Hearth serves. Adding a method means adding its definition here; nothing else dispatches. */
import { createToken } from './sessions/methods/create-token.js';
import { expireSession } from './sessions/methods/expire-session.js';
import { getSession } from './sessions/methods/get-session.js';
import { promoteSession } from './sessions/methods/promote-session.js';
import { revokeAuthorization } from './grants/methods/revoke-authorization.js';
import { revokeExtendedPermission } from './grants/methods/revoke-extended-permission.js';
import type { AnyMethodDefinition } from '../dispatch/define-method.js';
import { areFriends } from './friends/methods/are-friends.js';
import { getAppUsers } from './friends/methods/get-app-users.js';
import { friendsGet } from './friends/methods/get.js';
import { getFBML } from './profile-boxes/methods/get-fbml.js';
import { setFBML } from './profile-boxes/methods/set-fbml.js';
import { getInfo } from './people/methods/get-info.js';
import { getLoggedInUser } from './sessions/methods/get-logged-in-user.js';
import { hasAppPermission } from './grants/methods/has-app-permission.js';
import { isAppUser } from './grants/methods/is-app-user.js';

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
