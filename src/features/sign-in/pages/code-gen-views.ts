/** What /code_gen.php shows (docs/code-gen.md): its sign-in form, the Generate button and the code. */
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import type { Problem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { CODE_GEN_PATH, codeGenUrl, type CodeGenRequest } from './code-gen-request.js';
import { appBanner, whoIsSignedIn, type FlowForm } from './prompt-views.js';
import { hiddenFields, signInForm } from './sign-in-form.js';

export const missingApiKey: Problem = {
  status: 400,
  title: 'This code link is incomplete',
  message: 'The link does not say which application the code is for (api_key is missing). Go back to the application and try again.',
};

/** The authorization step's form posts back here with the page's parameters. */
export function codeGenFlowForm(request: CodeGenRequest): FlowForm {
  return { action: CODE_GEN_PATH, carried: request.carried, notYouHref: codeGenUrl(request, { skipcookie: '1' }), compact: request.compact };
}

export interface CodeGenSignInView {
  readonly app: App;
  readonly request: CodeGenRequest;
  readonly csrfToken: string;
  readonly email?: string;
  readonly problem?: string;
}

export function codeGenSignInPage(view: CodeGenSignInView): SafeHtml {
  const { app, request } = view;
  const body = html`${appBanner(app, html`Sign in to get a code for <span class="app">${app.name}</span>`)}
${signInForm({ action: CODE_GEN_PATH, carried: request.carried, csrfToken: view.csrfToken, email: view.email, showKeepSignedIn: true, problem: view.problem })}
<p class="muted below">After you sign in, you can make a one-time code to paste into ${app.name}.</p>`;
  return renderPage({ title: `Sign in to ${app.name}`, body, compact: request.compact });
}

export interface GenerateView {
  readonly app: App;
  readonly person: Person;
  readonly request: CodeGenRequest;
  readonly csrfToken: string;
  /** The code just made, when the person pressed Generate. */
  readonly code?: string;
  /** How long a code lasts, in minutes. */
  readonly lifetimeMinutes: number;
}

function generateForm(view: GenerateView, label: string): SafeHtml {
  return html`<form method="post" action="${CODE_GEN_PATH}">
${csrfField(view.csrfToken)}
${hiddenFields(view.request.carried)}<div class="actions"><button class="button${view.code === undefined ? '' : ' secondary'}" type="submit" name="generate" value="1">${label}</button></div>
</form>`;
}

/** Before Generate: what the code is for; after it, the code and what to do with it. */
export function generatePage(view: GenerateView): SafeHtml {
  const { app, person, request, code } = view;
  const notYou = codeGenUrl(request, { skipcookie: '1' });
  const body =
    code === undefined
      ? html`${appBanner(app, html`Get a code for <span class="app">${app.name}</span>`)}
${whoIsSignedIn(person, notYou)}
<p><strong>${app.name}</strong> asks for a one-time code. With it, ${app.name} can use your account without asking you to sign in again, until you remove it on <a href="/editapps.php">your applications</a> page.</p>
${generateForm(view, 'Generate')}
<p class="muted">A code works once, within ${String(view.lifetimeMinutes)} minutes. Generating one replaces any code for ${app.name} you have not used yet.</p>`
      : html`${appBanner(app, html`Your code for <span class="app">${app.name}</span>`)}
${whoIsSignedIn(person, notYou)}
<p class="auth-code"><code id="auth_code">${code}</code></p>
<p>Copy this code and paste it into ${app.name} to finish. It works once, within the next ${String(view.lifetimeMinutes)} minutes.</p>
${generateForm(view, 'Generate another code')}
<p class="muted">Another code replaces this one.</p>`;
  return renderPage({ title: code === undefined ? `Get a code for ${app.name}` : `Your code for ${app.name}`, body, compact: request.compact });
}

export function codeGenNotAllowedPage(app: App, request: CodeGenRequest): SafeHtml {
  const body = html`${appBanner(app, html`<span class="app">${app.name}</span> was not allowed`)}
<p>You did not allow ${app.name} to use your account, so no code was made. You may close this window.</p>`;
  return renderPage({ title: `${app.name} was not allowed`, body, compact: request.compact });
}
