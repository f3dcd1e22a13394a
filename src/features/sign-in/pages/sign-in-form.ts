/** The e-mail and password form, shared by login.php and the applications page. */
import type { FastifyReply } from 'fastify';
import type { SignInOutcome } from './browser-sign-in.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { sendPage } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';

/**
 * Answers a failed sign-in with the form again: 401 for a wrong e-mail or password (one message
 * for both, so the form does not tell which addresses exist), 429 with Retry-After when slowed down.
 */
export function answerFailedSignIn(
  reply: FastifyReply,
  outcome: Exclude<SignInOutcome, { signedIn: unknown }>,
  formWith: (problem: string) => SafeHtml,
): FastifyReply {
  if (outcome.problem === 'wrong-credentials') return sendPage(reply, 401, formWith('The e-mail or password is not right.'));
  const seconds = outcome.retryAfterSeconds;
  reply.header('retry-after', String(seconds));
  return sendPage(reply, 429, formWith(`Too many attempts to sign in. Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and try again.`));
}

export interface SignInFormView {
  readonly action: string;
  /** Parameters the form carries along so the flow continues after sign-in. */
  readonly carried: ReadonlyArray<readonly [string, string]>;
  readonly csrfToken: string;
  /** The e-mail typed before, kept after a wrong password. */
  readonly email?: string;
  readonly showKeepSignedIn: boolean;
  readonly problem?: string;
}

export function hiddenFields(pairs: ReadonlyArray<readonly [string, string]>): SafeHtml {
  return html`${pairs.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">\n`)}`;
}

export function signInForm(view: SignInFormView): SafeHtml {
  return html`${view.problem && html`<p class="notice error" role="alert">${view.problem}</p>`}
<form method="post" action="${view.action}">
${csrfField(view.csrfToken)}
${hiddenFields(view.carried)}<div class="field"><label for="email">E-mail</label>
<input type="email" id="email" name="email" value="${view.email ?? ''}" autocomplete="username" autocapitalize="none" spellcheck="false" required${
    view.email ? '' : html` autofocus`
  }></div>
<div class="field"><label for="pass">Password</label>
<input type="password" id="pass" name="pass" autocomplete="current-password" required${view.email ? html` autofocus` : ''}></div>
${view.showKeepSignedIn && html`<div class="check"><input type="checkbox" id="persistent" name="persistent" value="1"><label for="persistent">Keep me signed in</label></div>`}
<div class="actions"><button class="button" type="submit">Sign in</button></div>
</form>
<p class="muted"><a href="/recover.php">Forgot your password?</a></p>`;
}
