import { defineMethod } from '../../../dispatch/method-kit.js';

export const createToken = defineMethod({
  name: 'auth.createToken',
  summary: 'A one-time auth_token for a desktop app to send its person to login.php with.',
  params: {},
  answer: 'string',
  access: { session: 'none', sessionSecret: false, appTypes: ['web', 'desktop'] },
  handler: async ({ app, services }) => services.sessions.createToken(app),
});
