/**
 * Signing up (docs/accounts.md): who may (the operator's mode, invitations), the checks of the
 * form, the limits, and the confirmation mail. A sign-up makes no account: it waits, with its name
 * and password hash, as a code mailed to the address, and the account comes into being when the
 * link is followed (confirmation-service.ts). So nobody signs in with an address they do not hold,
 * and an address cannot be taken by signing up with it.
 */
import type { Services } from '../feature.js';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { AccountKit } from './account-kit.js';
import { CODE_LIFETIMES_MS, hashOfLinkCode } from './account-codes.js';
import { alreadyRegisteredMail, signupConfirmationMail } from './account-mails.js';
import { CONFIRM_EMAIL_PATH, RECOVER_PATH } from './account-paths.js';
import { checkEmail, checkName, passwordProblem } from './account-rules.js';
import { FormStamps, type StampCheck } from './form-stamp.js';

export const SIGNUP_MODES = ['open', 'invite', 'closed'] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

export function isSignupMode(text: string): text is SignupMode {
  return (SIGNUP_MODES as readonly string[]).includes(text);
}

const MODE_SETTING = 'signup_mode';
/** Without a choice by the operator nobody signs up: a server put on the Internet is not open to strangers by accident. */
export const DEFAULT_SIGNUP_MODE: SignupMode = 'closed';
const STAMPED_FORM = 'signup';

export interface SignUpForm {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly password: string;
  /** The invitation code, in invite mode. */
  readonly invitation?: string;
  /** The browser's address (after --trust-proxy). */
  readonly address: string;
  /** This server as the browser reaches it, for the link in the mail. */
  readonly origin: string;
}

export type SignUpField = 'firstName' | 'lastName' | 'email' | 'password';

export type SignUpOutcome =
  /** A mail is on its way: the confirmation, or, for an address that has an account, a note saying so. */
  | { readonly sent: string }
  | { readonly problem: 'closed' }
  | { readonly problem: 'invitation' }
  | { readonly problem: 'fields'; readonly errors: Partial<Record<SignUpField, string>> }
  | { readonly problem: 'limited' };

/** An invitation as its link shows it: which address it is for, if it names one. */
export interface Invitation {
  readonly email: string | null;
  readonly expiresAt: Date;
}

export class SignUpService {
  readonly #kit: AccountKit;
  readonly #stamps: FormStamps;

  constructor(kit: AccountKit) {
    this.#kit = kit;
    this.#stamps = new FormStamps(kit.store.settings);
  }

  get #services(): Services {
    return this.#kit.services;
  }

  async mode(): Promise<SignupMode> {
    const stored = await this.#kit.store.settings.get(MODE_SETTING);
    return stored !== undefined && isSignupMode(stored) ? stored : DEFAULT_SIGNUP_MODE;
  }

  /** Stored, so `hearth user signup MODE` reaches a running server and every instance. */
  setMode(mode: SignupMode): Promise<void> {
    return this.#kit.store.settings.set(MODE_SETTING, mode);
  }

  /** A one-time invitation code, for anyone or only for `email`. */
  async invite(email: string | undefined, now = new Date()): Promise<{ readonly code: string; readonly expiresAt: Date }> {
    let address: string | null = null;
    if (email !== undefined) {
      const checked = checkEmail(email);
      if ('problem' in checked) throw new InvalidInputError(`not an e-mail address: ${JSON.stringify(email)}`);
      address = checked.email;
    }
    const { code, expiresAt } = await this.#kit.issue('invite', { email: address, uid: null }, undefined, now);
    return { code, expiresAt };
  }

  /** The invitation a link carries, if it can still be used. */
  async invitation(code: string | undefined, now = new Date()): Promise<Invitation | undefined> {
    const hash = hashOfLinkCode(code);
    const found = hash && (await this.#kit.store.accountCodes.find(hash, 'invite', now));
    return found ? { email: found.email, expiresAt: found.expiresAt } : undefined;
  }

  /** The signed time stamp for a sign-up form shown at `now`. */
  formStamp(now = new Date()): Promise<string> {
    return this.#stamps.stamp(STAMPED_FORM, now);
  }

  checkFormStamp(stamp: string | undefined, now = new Date()): Promise<StampCheck> {
    return this.#stamps.check(STAMPED_FORM, stamp, now);
  }

  /** Checks a filled-in form (its stamp, CSRF token and honeypot are the page's) and sends the confirmation. */
  async signUp(form: SignUpForm, now = new Date()): Promise<SignUpOutcome> {
    const mode = await this.mode();
    if (mode === 'closed') return { problem: 'closed' };
    const invitation = mode === 'invite' ? await this.invitation(form.invitation, now) : undefined;
    if (mode === 'invite' && !invitation) return { problem: 'invitation' };

    const errors: Partial<Record<SignUpField, string>> = {};
    const first = checkName(form.firstName, 'first');
    const last = checkName(form.lastName, 'last');
    const email = checkEmail(form.email);
    if ('problem' in first) errors.firstName = first.problem;
    if ('problem' in last) errors.lastName = last.problem;
    if ('problem' in email) errors.email = email.problem;
    else if (invitation?.email && invitation.email !== email.email) errors.email = `This invitation is for ${invitation.email}.`;
    const weak = passwordProblem(form.password);
    if (weak) errors.password = weak;
    if (Object.keys(errors).length > 0 || 'problem' in first || 'problem' in last || 'problem' in email) return { problem: 'fields', errors };

    const allowed = await this.#kit.limiter.allow(
      [
        { limit: 'signupsPerAddress', of: form.address },
        { limit: 'signupsOverall', of: '*' },
        { limit: 'confirmationsPerRecipient', of: email.email },
      ],
      now,
    );
    if (!allowed) return { problem: 'limited' };
    // Spent now, before anything is mailed: two forms sent with one code make one sign-up.
    if (mode === 'invite' && !(await this.#kit.store.accountCodes.consume(hashOfLinkCode(form.invitation)!, 'invite', now))) return { problem: 'invitation' };

    const holder = await this.#kit.store.people.findByEmail(email.email);
    if (holder) {
      // Said by mail, to the address's owner, not on the page: the page must not tell who has an account.
      this.#kit.mail(alreadyRegisteredMail(email.email, holder.uid, `${form.origin}${RECOVER_PATH}`));
      return { sent: email.email };
    }
    const passwordHash = await this.#services.passwords.hash(form.password);
    const issued = await this.#kit.issue(
      'signup',
      { email: email.email, uid: null, firstName: first.name, lastName: last.name, passwordHash },
      { email: email.email },
      now,
    );
    this.#kit.mail(signupConfirmationMail(email.email, first.name, this.#kit.linkTo(form.origin, CONFIRM_EMAIL_PATH, issued.code), CODE_LIFETIMES_MS.signup));
    return { sent: email.email };
  }

  /**
   * "Send the link again" for a sign-up waiting at `emailText`: a new link, and the old one stops
   * working. Answers false only when the limits refuse; whether a sign-up waits is not told.
   */
  async resendConfirmation(emailText: string, address: string, origin: string, now = new Date()): Promise<boolean> {
    const email = checkEmail(emailText);
    if ('problem' in email) return true;
    const allowed = await this.#kit.limiter.allow(
      [
        { limit: 'requestsPerAddress', of: address },
        { limit: 'confirmationsPerRecipient', of: email.email },
      ],
      now,
    );
    if (!allowed) return false;
    const waiting = await this.#kit.store.accountCodes.findFor('signup', { email: email.email }, now);
    if (!waiting) return true;
    const issued = await this.#kit.issue(
      'signup',
      { email: email.email, uid: null, firstName: waiting.firstName ?? '', lastName: waiting.lastName ?? '', passwordHash: waiting.passwordHash ?? '' },
      { email: email.email },
      now,
    );
    this.#kit.mail(signupConfirmationMail(email.email, waiting.firstName ?? '', this.#kit.linkTo(origin, CONFIRM_EMAIL_PATH, issued.code), CODE_LIFETIMES_MS.signup));
    return true;
  }
}

