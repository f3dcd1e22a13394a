import { defineMethod, oneOf, optional, uid } from '../../../dispatch/method-kit.js';

export const getFBML = defineMethod({
  name: 'profile.getFBML',
  summary: 'Returns the FBML the app stored for a person, byte for byte.',
  params: {
    uid: optional(uid, 'web apps: the person whose profile it is; defaults to the session user'),
    type: optional(oneOf(['1', '2'], 'profile box type'), '1 (default): the Boxes-tab box; 2: the main box'),
  },
  answer: 'string',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'anyone', otherUserError: 240 } },
  handler: async ({ app, targetUid, params, services }) =>
    services.profiles.getFbml(targetUid, app.appId, params.type === '2' ? 'profileMain' : 'profile'),
});
