import { defineMethod, optional, uid } from '../../../dispatch/method-kit.js';

export const revokeAuthorization = defineMethod({
  name: 'auth.revokeAuthorization',
  summary: "Ends a person's use of the app: permissions, sessions and profile boxes go too; false if they were not a user.",
  params: {
    uid: optional(uid, 'web apps: the person; defaults to the session user'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'anyone', otherUserError: 200 } },
  handler: async ({ app, targetUid, services }) => services.grants.revoke(targetUid, app, 'app'),
});
