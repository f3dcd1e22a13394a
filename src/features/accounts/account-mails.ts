/**
 * The mails account pages send: the confirmation of a new account or a new address, the
 * recovery link, and the note to an address that already has an account. Plain text with the
 * link on a line of its own, so any mail program shows it whole.
 */
import { PLATFORM_NAME } from '../../http/page-kit/layout.js';

/** What the accounts feature asks of the mail feature (`services.mail.send`). */
export interface AccountMail {
  readonly to: string;
  readonly toUid?: number;
  readonly subject: string;
  readonly text: string;
  readonly kind: 'confirm-email' | 'recover-password';
}

export interface AccountMailSender {
  send(mail: AccountMail): Promise<{ readonly id: number; readonly delivered: boolean }>;
  /** The origin links in mail are made on: the public URL when the operator gave one, else the request's. */
  linkOrigin(requestOrigin: string): string;
}

function hours(ms: number): string {
  const count = Math.round(ms / 3_600_000);
  return count % 24 === 0 && count >= 24 ? `${count / 24} ${count === 24 ? 'day' : 'days'}` : `${count} ${count === 1 ? 'hour' : 'hours'}`;
}

export function signupConfirmationMail(to: string, firstName: string, link: string, lifetimeMs: number): AccountMail {
  return {
    to,
    kind: 'confirm-email',
    subject: `Confirm your e-mail address for ${PLATFORM_NAME}`,
    text: `Hello ${firstName},

someone, probably you, signed up for ${PLATFORM_NAME} with this address. To confirm it and open your account, follow this link within ${hours(lifetimeMs)}:

${link}

If you did not sign up, ignore this mail: no account is made without the link.
`,
  };
}

export function alreadyRegisteredMail(to: string, uid: number, recoverLink: string): AccountMail {
  return {
    to,
    toUid: uid,
    kind: 'confirm-email',
    subject: `You already have a ${PLATFORM_NAME} account`,
    text: `Hello,

someone, probably you, tried to sign up for ${PLATFORM_NAME} with this address, which already has an account. Sign in with it; if you forgot the password, set a new one here:

${recoverLink}

If it was not you, ignore this mail: nothing has changed.
`,
  };
}

export function emailChangeMail(to: string, uid: number, firstName: string, link: string, lifetimeMs: number): AccountMail {
  return {
    to,
    toUid: uid,
    kind: 'confirm-email',
    subject: `Confirm your new e-mail address for ${PLATFORM_NAME}`,
    text: `Hello ${firstName},

you asked to sign in to ${PLATFORM_NAME} with this address from now on. To confirm it, follow this link within ${hours(lifetimeMs)}:

${link}

Until then your account keeps its old address. If you did not ask for this, ignore this mail.
`,
  };
}

export function recoveryMail(to: string, uid: number, firstName: string, link: string, lifetimeMs: number): AccountMail {
  return {
    to,
    toUid: uid,
    kind: 'recover-password',
    subject: `Set a new ${PLATFORM_NAME} password`,
    text: `Hello ${firstName},

someone, probably you, asked to set a new password for your ${PLATFORM_NAME} account. Follow this link within ${hours(lifetimeMs)} to choose one; it works once:

${link}

If you did not ask, ignore this mail: your password stays as it is.
`,
  };
}
