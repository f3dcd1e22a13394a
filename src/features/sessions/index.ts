/** Sessions: auth tokens and API sessions (auth.createToken, getSession, promoteSession, expireSession; users.getLoggedInUser), and Connect's login_success page. */
import { defineFeature } from '../feature.js';
import { createToken } from './methods/create-token.js';
import { expireSession } from './methods/expire-session.js';
import { getLoggedInUser } from './methods/get-logged-in-user.js';
import { getSession } from './methods/get-session.js';
import { promoteSession } from './methods/promote-session.js';
import { loginSuccessPage } from './pages/login-success-page.js';
import type { ApiSessionRepository, AuthTokenRepository } from './records.js';
import { DEFAULT_SESSION_SETTINGS, SessionService } from './session-service.js';
import { StoredApiSessionRepository } from './session-repository.js';
import { StoredAuthTokenRepository } from './token-repository.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly authTokens: AuthTokenRepository;
    readonly sessions: ApiSessionRepository;
  }
  interface Services {
    readonly sessions: SessionService;
  }
}

export const sessionsFeature = defineFeature({
  name: 'sessions',
  repositories: ({ db }) => ({ authTokens: new StoredAuthTokenRepository(db), sessions: new StoredApiSessionRepository(db) }),
  services: ({ store, options }) => ({ sessions: new SessionService(store, options.sessions ?? DEFAULT_SESSION_SETTINGS) }),
  methods: [createToken, getSession, promoteSession, expireSession, getLoggedInUser],
  pages: [loginSuccessPage],
  // The app's sessions for the person end with its authorization.
  onAppRemoved: async (trx, uid, appId) => {
    await trx.deleteFrom('api_sessions').where('uid', '=', uid).where('app_id', '=', appId).execute();
  },
  housekeeping: async (store, now) => (await store.authTokens.deleteExpired(now)) + (await store.sessions.deleteExpired(now)),
});
