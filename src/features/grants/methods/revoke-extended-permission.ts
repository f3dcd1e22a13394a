import { EXTENDED_PERMISSIONS, LEGACY_PERMISSIONS } from '../extended-permissions.js';
import { defineMethod, oneOf, optional, required, uid } from '../../../dispatch/method-kit.js';

export const revokeExtendedPermission = defineMethod({
  name: 'auth.revokeExtendedPermission',
  summary: 'Takes back one extended permission; revoking offline_access ends the sessions that never expire.',
  params: {
    perm: required(oneOf([...EXTENDED_PERMISSIONS, ...LEGACY_PERMISSIONS], 'permission'), 'the permission to take back'),
    uid: optional(uid, 'web apps: the person; defaults to the session user'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  // True whether or not it had been granted: the end state is what the app asked for.
  handler: async ({ app, targetUid, params, services }) => {
    await services.permissions.revoke(targetUid, app, params.perm);
    return true;
  },
});
