import { ApiError } from '../../../wire/errors.js';
import { defineMethod } from '../../../dispatch/method-kit.js';

export const promoteSession = defineMethod({
  name: 'auth.promoteSession',
  summary: "A secret for client-side code in the session's name; the same one on every call.",
  params: {},
  answer: 'string',
  access: { session: 'required', sessionSecret: false, appTypes: ['web'] },
  handler: async ({ session, services }) => {
    if (session.expiresAt === null) throw new ApiError(100, 'session_key: a session that never expires cannot be promoted');
    return services.sessions.promote(session);
  },
});
