import { defineMethod, optional, uid } from '../../../dispatch/method-kit.js';

export const isAppUser = defineMethod({
  name: 'users.isAppUser',
  summary: 'Whether a person has authorized the calling app.',
  params: {
    uid: optional(uid, 'web apps: the person to ask about; defaults to the session user'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'anyone', otherUserError: 200 } },
  handler: async ({ app, session, targetUid, services }) => services.grants.isAppUser(targetUid, app.appId, session),
});
