/**
 * `/settings.php` (docs/accounts.md): a signed-in person's password and e-mail address. A new
 * password needs the current one and ends every other sign-in (this browser is signed in again);
 * a new address needs the password and replaces the old one only once the link mailed to it is
 * followed. Each form's problem is shown on it; a change done goes back to the page (303).
 */
import type { FastifyReply } from 'fastify';
import type { PageContext } from '../../../http/page-kit/define-page.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { KNOWN_BROWSER_COOKIE, readCookie, setCookie, SIGN_IN_COOKIE } from '../../../http/page-kit/page-cookies.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { MIN_PASSWORD_LENGTH } from '../../people/people-service.js';
import type { Person } from '../../people/records.js';
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import { signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { SETTINGS_PATH } from '../account-paths.js';
import type { EmailChange, PasswordChange, PasswordProof } from '../account-settings-service.js';
import { field, notice } from './account-fields.js';

const ACTIONS = { password: 'change_password', email: 'change_email', resend: 'resend_email', cancel: 'cancel_email' } as const;

/** What `?done=` says after a change. */
const DONE: Readonly<Record<string, string>> = {
  password: 'Your password is changed. Everywhere else you were signed in, you are signed out.',
  'email-sent': 'Check your new address: the link we sent there confirms it.',
  'email-cancelled': 'The change of address is cancelled.',
};

interface SettingsView {
  readonly person: Person;
  readonly pendingEmail: string | undefined;
  readonly done?: string;
  readonly passwordProblem?: string;
  readonly emailProblem?: string;
  readonly typedEmail?: string;
  readonly csrfToken: string;
}

function settingsView(view: SettingsView): SafeHtml {
  const { person } = view;
  const token = csrfField(view.csrfToken);
  const body = html`<h1>Settings</h1>
${notice('success', view.done)}
<h2>Password</h2>
${notice('error', view.passwordProblem)}
<form method="post" action="${SETTINGS_PATH}">
${token}
<input type="hidden" name="${ACTIONS.password}" value="1">
${field({ name: 'old_password', label: 'Current password', type: 'password', autocomplete: 'current-password' })}
${field({ name: 'new_password', label: 'New password', type: 'password', autocomplete: 'new-password', hint: `At least ${MIN_PASSWORD_LENGTH} characters.` })}
${field({ name: 'confirm_password', label: 'New password again', type: 'password', autocomplete: 'new-password' })}
<div class="actions"><button class="button" type="submit" name="${ACTIONS.password}" value="1">Change password</button></div>
</form>
<h2>E-mail address</h2>
<p>You sign in with <strong>${person.email}</strong>.</p>
${
  view.pendingEmail !== undefined &&
  html`<p class="notice" role="status">Waiting for you to confirm <strong>${view.pendingEmail}</strong> with the link we mailed there.</p>
<form method="post" action="${SETTINGS_PATH}" class="actions">
${token}
<button class="button secondary" type="submit" name="${ACTIONS.resend}" value="1">Send the link again</button>
<button class="button secondary" type="submit" name="${ACTIONS.cancel}" value="1">Cancel the change</button>
</form>`
}
${notice('error', view.emailProblem)}
<form method="post" action="${SETTINGS_PATH}">
${token}
<input type="hidden" name="${ACTIONS.email}" value="1">
${field({ name: 'new_email', label: 'New e-mail address', type: 'email', value: view.typedEmail, autocomplete: 'email' })}
${field({ name: 'email_password', label: 'Your password', type: 'password', autocomplete: 'current-password' })}
<div class="actions"><button class="button" type="submit" name="${ACTIONS.email}" value="1">Change e-mail address</button></div>
</form>
${signedInLine(person)}`;
  return renderPage({ title: 'Settings', body, topNote: displayName(person) });
}

export const settingsPage = defineAccountPage({
  path: SETTINGS_PATH,
  heading: 'Settings',
  reason: 'Sign in to change your password or your e-mail address.',
  actions: Object.values(ACTIONS),
  show: async ({ reply, services, params, csrfToken }, person) => {
    const done = DONE[params.get('done') ?? ''];
    return sendPage(reply, 200, settingsView({ person, pendingEmail: await services.accountSettings.pendingEmail(person), done, csrfToken: csrfToken() }));
  },
  change: (page, person) => change(page, person),
});

async function change(page: PageContext, person: Person): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const origin = `${request.protocol}://${request.host}`;
  const proof = (field: string): PasswordProof => ({ password: params.raw(field) ?? '', address: request.ip, knownBrowser: readCookie(request, KNOWN_BROWSER_COOKIE) });
  const again = async (problems: Pick<SettingsView, 'passwordProblem' | 'emailProblem' | 'typedEmail'>, status: number) =>
    sendPage(reply, status, settingsView({ person, pendingEmail: await services.accountSettings.pendingEmail(person), csrfToken: page.csrfToken(), ...problems }));

  if (params.flag(ACTIONS.password)) {
    const outcome = await services.accountSettings.changePassword(person, proof('old_password'), params.raw('new_password') ?? '', params.raw('confirm_password') ?? '');
    if ('changed' in outcome) {
      // Every sign-in ended with the old password, this browser's too: it is signed in again, for this browser session.
      const started = await services.signIn.startBrowserSignIn(person.uid, false);
      setCookie(request, reply, SIGN_IN_COOKIE, started.cookieValue);
      return redirectTo(reply, 303, `${SETTINGS_PATH}?done=password`);
    }
    const { message, status } = passwordProblem(outcome, reply);
    return again({ passwordProblem: message }, status);
  }
  if (params.flag(ACTIONS.email)) {
    const typedEmail = params.raw('new_email') ?? '';
    const outcome = await services.accountSettings.requestEmailChange(person, proof('email_password'), typedEmail, origin);
    if ('sent' in outcome) return redirectTo(reply, 303, `${SETTINGS_PATH}?done=email-sent`);
    const { message, status } = emailProblem(outcome, reply);
    return again({ emailProblem: message, typedEmail }, status);
  }
  if (params.flag(ACTIONS.resend)) {
    const outcome = await services.accountSettings.resendEmailChange(person, origin);
    if (outcome === undefined || 'sent' in outcome) return redirectTo(reply, 303, outcome ? `${SETTINGS_PATH}?done=email-sent` : SETTINGS_PATH);
    const { message, status } = emailProblem(outcome, reply);
    return again({ emailProblem: message }, status);
  }
  await services.accountSettings.cancelEmailChange(person);
  return redirectTo(reply, 303, `${SETTINGS_PATH}?done=email-cancelled`);
}

function proofProblem(outcome: { problem: 'wrong-password' } | { problem: 'slow-down'; retryAfterSeconds: number }, reply: FastifyReply, what: string) {
  if (outcome.problem === 'wrong-password') return { message: `The password is not right. Nothing was changed.`, status: 401 };
  reply.header('retry-after', String(outcome.retryAfterSeconds));
  return { message: `Too many wrong passwords. Wait ${outcome.retryAfterSeconds} seconds before you try to change your ${what} again.`, status: 429 };
}

function passwordProblem(outcome: Exclude<PasswordChange, { changed: true }>, reply: FastifyReply): { message: string; status: number } {
  return outcome.problem === 'new-password' ? { message: outcome.message, status: 400 } : proofProblem(outcome, reply, 'password');
}

function emailProblem(outcome: Exclude<EmailChange, { sent: string }>, reply: FastifyReply): { message: string; status: number } {
  if (outcome.problem === 'email') return { message: outcome.message, status: 400 };
  if (outcome.problem === 'limited') {
    reply.header('retry-after', '3600');
    return { message: 'Too many links were sent to that address today. Try again tomorrow.', status: 429 };
  }
  return proofProblem(outcome, reply, 'address');
}
