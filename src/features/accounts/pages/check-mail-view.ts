/** "Check your e-mail", and the form that sends a confirmation link again (it posts to confirmemail.php). */
import { csrfField } from '../../../http/page-kit/csrf.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { CODE_LIFETIMES_MS } from '../account-codes.js';
import { CONFIRM_EMAIL_PATH } from '../account-paths.js';

export const RESEND_FIELD = 'resend';

export function resendForm(csrfToken: string, email = ''): SafeHtml {
  return html`<form method="post" action="${CONFIRM_EMAIL_PATH}">
${csrfField(csrfToken)}
<input type="hidden" name="${RESEND_FIELD}" value="1">
<div class="field"><label for="resend-email">No mail? Send the link again to</label>
<input type="email" id="resend-email" name="email" value="${email}" autocomplete="email" autocapitalize="none" spellcheck="false" required></div>
<div class="actions"><button class="button secondary" type="submit">Send the link again</button></div>
</form>`;
}

export function checkMailPage(email: string, csrfToken: string): SafeHtml {
  const days = CODE_LIFETIMES_MS.signup / 86_400_000;
  const body = html`<h1>Check your e-mail</h1>
<p>We sent a link to <strong>${email}</strong>. Follow it within ${days} days to confirm the address and open your account; until then there is no account to sign in to.</p>
<p class="muted">It may take a few minutes to arrive. Look in the spam folder too.</p>
${resendForm(csrfToken, email)}`;
  return renderPage({ title: 'Check your e-mail', body });
}
