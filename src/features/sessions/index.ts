/**
 * Sessions: auth tokens and API sessions (auth.createToken, getSession, promoteSession, expireSession;
 * users.getLoggedInUser), code_gen.php's one-time codes for sessions that never expire, and Connect's
 * login_success page.
 */
import { defineFeature } from '../feature.js';
import { createToken } from './methods/create-token.js';
import { expireSession } from './methods/expire-session.js';
import { getLoggedInUser } from './methods/get-logged-in-user.js';
import { getSession } from './methods/get-session.js';
import { promoteSession } from './methods/promote-session.js';
import { sessionCodesMigration } from './migrations/033-session-codes.js';
import { loginSuccessPage } from './pages/login-success-page.js';
import type { ApiSessionRepository, AuthTokenRepository } from './records.js';
import type { SessionCodeRepository } from './session-code-records.js';
import { StoredSessionCodeRepository } from './session-code-repository.js';
import { CODE_POLICY, SessionCodeService } from './session-code-service.js';
import { DEFAULT_SESSION_SETTINGS, SessionService } from './session-service.js';
import { StoredApiSessionRepository } from './session-repository.js';
import { StoredAuthTokenRepository } from './token-repository.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly authTokens: AuthTokenRepository;
    readonly sessions: ApiSessionRepository;
    readonly sessionCodes: SessionCodeRepository;
  }
  interface Services {
    readonly sessions: SessionService;
    readonly sessionCodes: SessionCodeService;
  }
}

export const sessionsFeature = defineFeature({
  name: 'sessions',
  migrations: [sessionCodesMigration],
  repositories: ({ db }) => ({
    authTokens: new StoredAuthTokenRepository(db),
    sessions: new StoredApiSessionRepository(db),
    sessionCodes: new StoredSessionCodeRepository(db),
  }),
  services: ({ store, options }) => {
    const sessions = new SessionService(store, options.sessions ?? DEFAULT_SESSION_SETTINGS);
    return { sessions, sessionCodes: new SessionCodeService(store, sessions) };
  },
  methods: [createToken, getSession, promoteSession, expireSession, getLoggedInUser],
  pages: [loginSuccessPage],
  // The app's sessions for the person, and a code not yet exchanged, end with its authorization.
  onAppRemoved: async (trx, uid, appId) => {
    await trx.deleteFrom('api_sessions').where('uid', '=', uid).where('app_id', '=', appId).execute();
    await trx.deleteFrom('session_codes').where('uid', '=', uid).where('app_id', '=', appId).execute();
  },
  housekeeping: async (store, now) =>
    (await store.authTokens.deleteExpired(now)) +
    (await store.sessions.deleteExpired(now)) +
    (await store.sessionCodes.deleteExpired(now)) +
    (await store.sessionCodes.deleteWindowsBefore(new Date(now.getTime() - CODE_POLICY.windowMs))),
});
