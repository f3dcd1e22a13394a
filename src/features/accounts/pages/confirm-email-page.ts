/**
 * `/confirmemail.php?c=CODE` (docs/accounts.md): the link of a confirmation mail. A GET only shows
 * what the link confirms and a button: mail scanners and link previews open links, and must not
 * confirm an address nobody chose to confirm. The button's POST uses the code up: a sign-up's makes
 * the account, an e-mail change's moves the account to its new address. The page also takes the
 * "send the link again" form of a sign-up.
 */
import type { FastifyReply } from 'fastify';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { sendPage, type Problem, sendProblem } from '../../../http/page-kit/page-replies.js';
import { html } from '../../../http/page-kit/templates.js';
import { CONFIRM_EMAIL_PATH, SETTINGS_PATH, SIGN_IN_PATH } from '../account-paths.js';
import { RESEND_FIELD, resendForm } from './check-mail-view.js';

const CONFIRM_FIELD = 'confirm';

export const confirmEmailPage = definePage({ path: CONFIRM_EMAIL_PATH, forms: 'checked', handler: (page) => handleConfirm(page) });

async function handleConfirm(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  if (request.method === 'POST' && params.flag(RESEND_FIELD)) return resend(page);
  const code = params.get('c');
  if (request.method === 'POST' && params.flag(CONFIRM_FIELD)) return confirm(page, code);

  const pending = await services.confirmations.pending(code);
  if (!pending) return unusable(page, code === undefined);
  const what =
    pending.purpose === 'signup'
      ? html`Confirm that <strong>${pending.email}</strong> is your address, and your Hearth account is made.`
      : html`Confirm that <strong>${pending.email}</strong> is your new address. You will sign in with it from now on.`;
  const body = html`<h1>Confirm your e-mail address</h1>
<p>${what}</p>
<form method="post" action="${CONFIRM_EMAIL_PATH}">
${csrfField(page.csrfToken())}
<input type="hidden" name="c" value="${code}">
<div class="actions"><button class="button" type="submit" name="${CONFIRM_FIELD}" value="1">Confirm ${pending.email}</button></div>
</form>`;
  return sendPage(reply, 200, renderPage({ title: 'Confirm your e-mail address', body }));
}

async function confirm(page: PageContext, code: string | undefined): Promise<FastifyReply> {
  const { reply, services } = page;
  const outcome = await services.confirmations.confirm(code);
  if ('problem' in outcome) {
    if (outcome.problem === 'unusable') return unusable(page, code === undefined);
    const taken: Problem = {
      status: 409,
      title: 'This address already has an account',
      message: html`<strong>${outcome.email}</strong> became another account's address meanwhile, so it was not confirmed. Sign in with it, or set a new password if you forgot it.`,
      startOver: { href: SIGN_IN_PATH, label: 'Sign in' },
    };
    return sendProblem(reply, taken);
  }
  const { person } = outcome;
  const body =
    outcome.confirmed === 'signup'
      ? html`<h1>Welcome to Hearth, ${person.firstName}</h1>
<p class="notice success" role="status">Your address is confirmed and your account is ready.</p>
<p>Sign in with <strong>${person.email}</strong> and the password you chose.</p>
<div class="actions"><a class="button" href="${SIGN_IN_PATH}">Sign in</a></div>`
      : html`<h1>Your new address is confirmed</h1>
<p class="notice success" role="status">You sign in with <strong>${person.email}</strong> from now on.</p>
<div class="actions"><a class="button" href="${SETTINGS_PATH}">Your settings</a></div>`;
  return sendPage(reply, 200, renderPage({ title: 'E-mail address confirmed', body }));
}

/** An unknown, expired or used link (or none): said plainly, with the way to get a new one. */
function unusable(page: PageContext, missing: boolean): FastifyReply {
  const body = html`<h1>${missing ? 'This link is incomplete' : 'This link cannot be used'}</h1>
<p>${
    missing
      ? 'The link has no confirmation code. Copy the whole link from the mail into the address bar.'
      : 'It has expired, was already used, or a newer link replaced it. If you confirmed already, just sign in.'
  }</p>
${resendForm(page.csrfToken())}
<p class="muted below">Changing the address of an account? Ask again on <a href="${SETTINGS_PATH}">your settings</a>.</p>`;
  return sendPage(page.reply, missing ? 400 : 404, renderPage({ title: 'Link cannot be used', body }));
}

async function resend(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const email = (params.raw('email') ?? '').trim();
  const sent = await services.signUps.resendConfirmation(email, request.ip, `${request.protocol}://${request.host}`);
  if (!sent) {
    reply.header('retry-after', '3600');
    return sendProblem(reply, { status: 429, title: 'Too many links asked for', message: 'Wait an hour, then ask for the link again. The last link sent still works.' });
  }
  const body = html`<h1>Check your e-mail</h1>
<p>If a sign-up is waiting for <strong>${email}</strong>, a new link is on its way there. Links sent before no longer work.</p>
${resendForm(page.csrfToken(), email)}`;
  return sendPage(reply, 200, renderPage({ title: 'Check your e-mail', body }));
}
