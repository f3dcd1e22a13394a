import { EXTENDED_PERMISSIONS, LEGACY_PERMISSIONS } from '../extended-permissions.js';
import { defineMethod, oneOf, optional, required, uid } from '../../../dispatch/method-kit.js';

export const hasAppPermission = defineMethod({
  name: 'users.hasAppPermission',
  summary: 'Whether a person has granted the app an extended permission.',
  params: {
    ext_perm: required(oneOf([...EXTENDED_PERMISSIONS, ...LEGACY_PERMISSIONS], 'permission'), 'the permission to check'),
    uid: optional(uid, 'web apps: the person to ask about; defaults to the session user'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'anyone', otherUserError: 200 } },
  // The answer is the number 1 or 0 in JSON too: the platform documented "Returns 1 (true) or 0 (false)",
  // and Java clients read a number.
  handler: async ({ app, session, targetUid, params, services }) => ((await services.grants.hasPermission(targetUid, app.appId, params.ext_perm, session)) ? 1 : 0),
});
