/**
 * What a signed-in person changes about their own account (docs/accounts.md, "/settings.php"): the
 * password, with the current one, which ends their other sign-ins; and the address, with the
 * password, which changes only once the new address is confirmed. The current password is judged by
 * the sign-in service, so guessing it here is slowed down as on the sign-in form.
 */
import type { Person } from '../people/records.js';
import type { AccountKit } from './account-kit.js';

import { CODE_LIFETIMES_MS } from './account-codes.js';
import { emailChangeMail } from './account-mails.js';
import { CONFIRM_EMAIL_PATH } from './account-paths.js';
import { checkEmail, passwordProblem } from './account-rules.js';

/** The current password as typed, with what the sign-in service needs to slow down guesses. */
export interface PasswordProof {
  readonly password: string;
  readonly address: string;
  readonly knownBrowser?: string;
}

export type ProofProblem = { readonly problem: 'wrong-password' } | { readonly problem: 'slow-down'; readonly retryAfterSeconds: number };

export type PasswordChange = { readonly changed: true } | ProofProblem | { readonly problem: 'new-password'; readonly message: string };

export type EmailChange =
  | { readonly sent: string }
  | ProofProblem
  | { readonly problem: 'email'; readonly message: string }
  | { readonly problem: 'limited' };

export class AccountSettingsService {
  readonly #kit: AccountKit;

  constructor(kit: AccountKit) {
    this.#kit = kit;
  }

  async #prove(person: Person, proof: PasswordProof): Promise<ProofProblem | undefined> {
    const result = await this.#kit.services.signIn.checkPassword({ email: person.email, password: proof.password, address: proof.address, knownBrowser: proof.knownBrowser });
    if (!('problem' in result)) return undefined;
    return result.problem === 'slow-down' ? result : { problem: 'wrong-password' };
  }

  /** Changes the password and ends every sign-in of the person (the page signs its own browser in again). */
  async changePassword(person: Person, proof: PasswordProof, password: string, repeated: string, now = new Date()): Promise<PasswordChange> {
    const weak = passwordProblem(password) ?? (password === repeated ? undefined : 'The two new passwords are not the same.');
    if (weak) return { problem: 'new-password', message: weak };
    const refused = await this.#prove(person, proof);
    if (refused) return refused;
    await this.#kit.services.people.update(person.uid, { password }, now);
    await this.#kit.store.signInEnder.endAll(person.uid);
    // A recovery link mailed before is no longer wanted.
    await this.#kit.store.accountCodes.deleteFor('recover', { uid: person.uid });
    return { changed: true };
  }

  /** Mails a confirmation link to the new address; the account keeps its address until it is followed. */
  async requestEmailChange(person: Person, proof: PasswordProof, emailText: string, origin: string, now = new Date()): Promise<EmailChange> {
    const email = checkEmail(emailText);
    if ('problem' in email) return { problem: 'email', message: email.problem };
    if (email.email === person.email) return { problem: 'email', message: 'This is already your address.' };
    const refused = await this.#prove(person, proof);
    if (refused) return refused;
    // Told only to someone who proved the password, and slowed down with it.
    const holder = await this.#kit.store.people.findByEmail(email.email);
    if (holder) return { problem: 'email', message: 'Another account uses this address.' };
    return this.#sendConfirmation(person, email.email, origin, now);
  }

  async #sendConfirmation(person: Person, email: string, origin: string, now: Date): Promise<EmailChange> {
    if (!(await this.#kit.limiter.allow([{ limit: 'confirmationsPerRecipient', of: email }], now))) return { problem: 'limited' };
    const issued = await this.#kit.issue('email', { email, uid: person.uid }, { uid: person.uid }, now);
    this.#kit.mail(emailChangeMail(email, person.uid, person.firstName, this.#kit.linkTo(origin, CONFIRM_EMAIL_PATH, issued.code), CODE_LIFETIMES_MS.email));
    return { sent: email };
  }

  /** The new address waiting to be confirmed, if any. */
  async pendingEmail(person: Person, now = new Date()): Promise<string | undefined> {
    return (await this.#kit.store.accountCodes.findFor('email', { uid: person.uid }, now))?.email ?? undefined;
  }

  /** A new link to the waiting address (the old link stops working). */
  async resendEmailChange(person: Person, origin: string, now = new Date()): Promise<EmailChange | undefined> {
    const waiting = await this.pendingEmail(person, now);
    return waiting === undefined ? undefined : this.#sendConfirmation(person, waiting, origin, now);
  }

  async cancelEmailChange(person: Person): Promise<void> {
    await this.#kit.store.accountCodes.deleteFor('email', { uid: person.uid });
  }
}
