/** Sign-in: login.php and its flow, code_gen.php, the browser sign-in cookie, sign-out, and the slow-down of password guessing. */
import { defineFeature } from '../feature.js';
import { codeGenPage } from './pages/code-gen-page.js';
import { loginPage } from './pages/login-page.js';
import { logoutPage } from './pages/logout-page.js';
import type { BrowserSignInRepository, KnownBrowserRepository, SignInAttemptRepository } from './records.js';
import { StoredBrowserSignInRepository, StoredKnownBrowserRepository, StoredSignInAttemptRepository } from './sign-in-repositories.js';
import { SIGN_IN_POLICY, SignInService } from './sign-in-service.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly browserSignIns: BrowserSignInRepository;
    readonly signInAttempts: SignInAttemptRepository;
    readonly knownBrowsers: KnownBrowserRepository;
  }
  interface Services {
    readonly signIn: SignInService;
  }
}

export const signInFeature = defineFeature({
  name: 'sign-in',
  repositories: ({ db }) => ({
    browserSignIns: new StoredBrowserSignInRepository(db),
    signInAttempts: new StoredSignInAttemptRepository(db.query),
    knownBrowsers: new StoredKnownBrowserRepository(db),
  }),
  services: ({ store, services }) => ({ signIn: new SignInService(store, services.passwords) }),
  pages: [loginPage, logoutPage, codeGenPage],
  housekeeping: async (store, now) =>
    (await store.browserSignIns.deleteExpired(now)) +
    (await store.signInAttempts.deleteOlderThan(new Date(now.getTime() - SIGN_IN_POLICY.windowMs - SIGN_IN_POLICY.maxWaitMs))) +
    (await store.knownBrowsers.deleteExpired(now)),
});
