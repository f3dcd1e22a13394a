/**
 * People's own accounts (docs/accounts.md): signing up at /r.php (closed, by invitation or open, as
 * the operator chooses), confirming the address, setting a new password when it is forgotten, and
 * the settings page where a person changes their password and address.
 */
import { defineFeature } from '../feature.js';
import { AccountKit } from './account-kit.js';
import { AccountLimiter } from './account-limits.js';
import { StoredAccountCodeRepository } from './account-code-repository.js';
import { AccountSettingsService } from './account-settings-service.js';
import { ConfirmationService } from './confirmation-service.js';
import { accountsMigration } from './migrations/031-accounts.js';
import { accountPages } from './pages/index.js';
import { StoredRateCountRepository } from './rate-count-repository.js';
import type { AccountCodeRepository, RateCountRepository, SignInEnder } from './records.js';
import { PasswordRecoveryService } from './recovery-service.js';
import { StoredSignInEnder } from './sign-in-ender.js';
import { SignUpService } from './signup-service.js';
import './tables.js';

/** Mails the account pages have handed over and not yet written (they go in the background). */
export interface AccountMailQueue {
  settled(): Promise<void>;
}

declare module '../feature.js' {
  interface Store {
    readonly accountCodes: AccountCodeRepository;
    readonly accountRateCounts: RateCountRepository;
    readonly signInEnder: SignInEnder;
  }
  interface Services {
    readonly signUps: SignUpService;
    readonly confirmations: ConfirmationService;
    readonly passwordRecovery: PasswordRecoveryService;
    readonly accountSettings: AccountSettingsService;
    readonly accountMails: AccountMailQueue;
  }
}

export const accountsFeature = defineFeature({
  name: 'accounts',
  migrations: [accountsMigration],
  repositories: ({ db }) => ({
    accountCodes: new StoredAccountCodeRepository(db),
    accountRateCounts: new StoredRateCountRepository(db.query),
    signInEnder: new StoredSignInEnder(db),
  }),
  services: ({ store, services, options }) => {
    const kit = new AccountKit(store, services, services.mail, options.log);
    return {
      signUps: new SignUpService(kit),
      confirmations: new ConfirmationService(kit),
      passwordRecovery: new PasswordRecoveryService(kit),
      accountSettings: new AccountSettingsService(kit),
      accountMails: { settled: () => kit.settled() },
    };
  },
  pages: accountPages,
  housekeeping: async (store, now) => (await store.accountCodes.deleteExpired(now)) + (await new AccountLimiter(store.accountRateCounts).purge(now)),
});
