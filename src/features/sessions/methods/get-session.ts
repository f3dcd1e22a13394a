import { ApiError } from '../../../wire/errors.js';
import type { ApiValue } from '../../../wire/values.js';
import { bool, defineMethod, optional, required, text } from '../../../dispatch/method-kit.js';

export const getSession = defineMethod({
  name: 'auth.getSession',
  summary: 'Exchanges a signed-in auth_token, once, for a session.',
  params: {
    auth_token: required(text(64), 'from auth.createToken (desktop) or the callback URL (web)'),
    generate_session_secret: optional(bool, 'web apps: also issue a session secret for client-side code'),
    host_url: optional(text(2048), 'accepted and ignored'),
  },
  answer: 'session',
  access: { session: 'none', sessionSecret: false, appTypes: ['web', 'desktop'], desktopHttps: true },
  handler: async ({ app, params, services }) => {
    const session = await services.sessions.exchangeToken(app, params.auth_token, { withSecret: params.generate_session_secret === true });
    if (!session) throw new ApiError(100, 'auth_token: unknown, expired, already used, or nobody has signed in with it');
    const answer: Record<string, ApiValue> = {
      session_key: session.sessionKey,
      uid: session.uid,
      expires: session.expiresAt === null ? 0 : Math.floor(session.expiresAt.getTime() / 1000),
    };
    // Never volunteered to a web app that did not ask: the PHP client would start signing with it.
    if (session.secret) answer.secret = session.secret;
    return answer;
  },
});
