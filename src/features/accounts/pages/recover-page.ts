/**
 * `/recover.php` (docs/accounts.md): "Forgot your password?". The form takes an address and always
 * answers alike (no page tells which addresses have accounts); the mail's link, `?c=CODE`, shows a
 * form for the new password, typed twice, which sets it once and signs the account out everywhere.
 */
import type { FastifyReply } from 'fastify';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { MIN_PASSWORD_LENGTH } from '../../people/people-service.js';
import { CODE_LIFETIMES_MS } from '../account-codes.js';
import { RECOVER_PATH, SIGN_IN_PATH } from '../account-paths.js';
import { checkEmail } from '../account-rules.js';
import { field, notice } from './account-fields.js';

export const recoverPage = definePage({ path: RECOVER_PATH, forms: 'checked', handler: (page) => handleRecover(page) });

function askView(csrfToken: string, email = '', problem?: string): SafeHtml {
  const body = html`<h1>Forgot your password?</h1>
<p>Give the e-mail address you sign in with. We send a link there to choose a new password.</p>
<form method="post" action="${RECOVER_PATH}">
${csrfField(csrfToken)}
${field({ name: 'email', label: 'E-mail', type: 'email', value: email, autocomplete: 'email', error: problem, autofocus: true })}
<div class="actions"><button class="button" type="submit">Send the link</button></div>
</form>
<p class="muted below">Remembered it? <a href="${SIGN_IN_PATH}">Sign in</a>.</p>`;
  return renderPage({ title: 'Forgot your password?', body });
}

function newPasswordView(csrfToken: string, code: string, problem?: string): SafeHtml {
  const body = html`<h1>Choose a new password</h1>
${notice('error', problem)}
<form method="post" action="${RECOVER_PATH}">
${csrfField(csrfToken)}
<input type="hidden" name="c" value="${code}">
${field({ name: 'new_password', label: 'New password', type: 'password', autocomplete: 'new-password', hint: `At least ${MIN_PASSWORD_LENGTH} characters.`, autofocus: true })}
${field({ name: 'confirm_password', label: 'New password again', type: 'password', autocomplete: 'new-password' })}
<div class="actions"><button class="button" type="submit">Set the new password</button></div>
</form>
<p class="muted below">Every browser and application signed in to your account is signed out when it changes.</p>`;
  return renderPage({ title: 'Choose a new password', body });
}

function unusableLink(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, {
    status: 404,
    title: 'This link cannot be used',
    message: `A link to set a new password works once, for ${CODE_LIFETIMES_MS.recover / 3_600_000} hour, and only the newest one asked for. This one has expired, was used, or was replaced.`,
    startOver: { href: RECOVER_PATH, label: 'Ask for a new link' },
  });
}

async function handleRecover(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const code = params.get('c');
  if (code !== undefined) {
    if (request.method !== 'POST') {
      return (await services.passwordRecovery.usable(code)) ? sendPage(reply, 200, newPasswordView(page.csrfToken(), code)) : unusableLink(reply);
    }
    const outcome = await services.passwordRecovery.reset(code, params.raw('new_password') ?? '', params.raw('confirm_password') ?? '');
    if ('problem' in outcome) return outcome.problem === 'unusable' ? unusableLink(reply) : sendPage(reply, 400, newPasswordView(page.csrfToken(), code, outcome.message));
    const body = html`<h1>Your password is changed</h1>
<p class="notice success" role="status">Sign in with <strong>${outcome.email}</strong> and your new password.</p>
<p>Every browser and application that was signed in to your account has been signed out.</p>
<div class="actions"><a class="button" href="${SIGN_IN_PATH}">Sign in</a></div>`;
    return sendPage(reply, 200, renderPage({ title: 'Password changed', body }));
  }
  if (request.method !== 'POST') return sendPage(reply, 200, askView(page.csrfToken()));

  const typed = (params.raw('email') ?? '').trim();
  const email = checkEmail(typed);
  if ('problem' in email) return sendPage(reply, 400, askView(page.csrfToken(), typed, email.problem));
  if (!(await services.passwordRecovery.request(email.email, request.ip, `${request.protocol}://${request.host}`))) {
    reply.header('retry-after', '3600');
    return sendProblem(reply, { status: 429, title: 'Too many links asked for', message: 'Wait an hour, then ask again. A link sent before still works until it expires.' });
  }
  const body = html`<h1>Check your e-mail</h1>
<p>If an account uses <strong>${email.email}</strong>, a link to choose a new password is on its way there. It works once, within ${CODE_LIFETIMES_MS.recover / 3_600_000} hour.</p>
<p class="muted">No mail after a few minutes? Look in the spam folder, or check the address and <a href="${RECOVER_PATH}">ask again</a>.</p>`;
  return sendPage(reply, 200, renderPage({ title: 'Check your e-mail', body }));
}
