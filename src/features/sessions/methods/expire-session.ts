import { defineMethod } from '../../../dispatch/method-kit.js';

export const expireSession = defineMethod({
  name: 'auth.expireSession',
  summary: 'Ends the session the call is made in; the person stays signed in and keeps the app.',
  params: {},
  answer: 'boolean',
  access: { session: 'required', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, services }) => services.sessions.expire(session),
});
