/** Every API method Hearth serves. Adding a method means adding its definition here; nothing else dispatches. */
import type { AnyMethodDefinition } from './define-method.js';
import { getFBML } from './profile/get-fbml.js';
import { setFBML } from './profile/set-fbml.js';
import { hasAppPermission } from './users/has-app-permission.js';
import { isAppUser } from './users/is-app-user.js';

export const METHODS: readonly AnyMethodDefinition[] = [isAppUser, hasAppPermission, setFBML, getFBML];
