/**
 * "Forgot your password?" (docs/accounts.md): a one-time link to the account's address, and a new
 * password set with it once, which ends every sign-in the account had. The request is answered alike
 * whether or not the address has an account, in the same time (the mail goes in the background).
 */
import type { AccountKit } from './account-kit.js';

import { CODE_LIFETIMES_MS, hashOfLinkCode } from './account-codes.js';
import type { Counted } from './account-limits.js';
import { recoveryMail } from './account-mails.js';
import { RECOVER_PATH } from './account-paths.js';
import { checkEmail, passwordProblem } from './account-rules.js';

export type ResetOutcome =
  | { readonly reset: true; readonly email: string }
  | { readonly problem: 'unusable' }
  | { readonly problem: 'password'; readonly message: string };

export class PasswordRecoveryService {
  readonly #kit: AccountKit;

  constructor(kit: AccountKit) {
    this.#kit = kit;
  }

  /** Mails a recovery link if `emailText` has an account. False only when the limits refuse (told whatever the address). */
  async request(emailText: string, address: string, origin: string, now = new Date()): Promise<boolean> {
    const email = checkEmail(emailText);
    const events: Counted[] = [{ limit: 'requestsPerAddress', of: address }];
    if ('email' in email) events.push({ limit: 'recoveriesPerRecipient', of: email.email });
    if (!(await this.#kit.limiter.allow(events, now))) return false;
    if (!('email' in email)) return true;
    const person = await this.#kit.store.people.findByEmail(email.email);
    if (!person) return true;
    const issued = await this.#kit.issue('recover', { email: person.email, uid: person.uid }, { uid: person.uid }, now);
    this.#kit.mail(recoveryMail(person.email, person.uid, person.firstName, this.#kit.linkTo(origin, RECOVER_PATH, issued.code), CODE_LIFETIMES_MS.recover));
    return true;
  }

  /** Whether a recovery link can still be used (shown before the new password is typed). */
  async usable(code: string | undefined, now = new Date()): Promise<boolean> {
    const hash = hashOfLinkCode(code);
    return hash !== undefined && (await this.#kit.store.accountCodes.find(hash, 'recover', now)) !== undefined;
  }

  /** Sets the new password with the link's code (used up only when the password is acceptable) and ends every sign-in. */
  async reset(code: string | undefined, password: string, repeated: string, now = new Date()): Promise<ResetOutcome> {
    const hash = hashOfLinkCode(code);
    if (!hash || !(await this.usable(code, now))) return { problem: 'unusable' };
    const weak = passwordProblem(password) ?? (password === repeated ? undefined : 'The two passwords are not the same.');
    if (weak) return { problem: 'password', message: weak };
    const used = await this.#kit.store.accountCodes.consume(hash, 'recover', now);
    if (!used || used.uid === null) return { problem: 'unusable' };
    const person = await this.#kit.services.people.update(used.uid, { password }, now);
    await this.#kit.store.signInEnder.endAll(used.uid);
    return { reset: true, email: person.email };
  }
}
