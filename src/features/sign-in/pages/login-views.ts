/** What login.php shows: the sign-in form, the desktop confirmation and the desktop end pages. */
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { LOGIN_PATH, loginUrl, type LoginRequest } from './login-request.js';
import { appBanner, decisionForm, whoIsSignedIn, type FlowForm } from './prompt-views.js';
import { signInForm } from './sign-in-form.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';

/** The decision forms of login.php post back to it with every login parameter. */
export function loginFlowForm(login: LoginRequest): FlowForm {
  return { action: LOGIN_PATH, carried: login.carried, notYouHref: loginUrl(login, { skipcookie: '1' }), compact: login.compact };
}

export interface SignInPageView {
  readonly app: App;
  readonly login: LoginRequest;
  readonly csrfToken: string;
  readonly email?: string;
  readonly problem?: string;
}

export function signInPage(view: SignInPageView): SafeHtml {
  const { app, login } = view;
  const after =
    login.flow.kind === 'desktop'
      ? html`After you sign in, you can go back to ${app.name} on your computer.`
      : html`After you sign in, you will go back to ${app.name}.`;
  const body = html`${appBanner(app, html`Sign in to continue to <span class="app">${app.name}</span>`)}
${signInForm({
  action: LOGIN_PATH,
  // Carried whole, skipcookie included; the redirect after a successful sign-in drops it.
  carried: login.carried,
  csrfToken: view.csrfToken,
  email: view.email,
  showKeepSignedIn: !login.hideCheckbox,
  problem: view.problem,
})}
<p class="muted below">${after}</p>`;
  return renderPage({ title: `Sign in to ${app.name}`, body, compact: login.compact });
}

export interface DesktopConfirmView {
  readonly app: App;
  readonly person: Person;
  readonly login: LoginRequest;
  readonly csrfToken: string;
}

/**
 * A desktop program asks to be signed in as a person who already allowed it, and nobody typed a
 * password in this flow: a link someone else made (with a token they hold) must not bind silently.
 */
export function confirmDesktopPage(view: DesktopConfirmView): SafeHtml {
  const { app, person, login } = view;
  const form = loginFlowForm(login);
  const body = html`${appBanner(app, html`Continue to <span class="app">${app.name}</span>?`)}
${whoIsSignedIn(person, form.notYouHref)}
<p><strong>${app.name}</strong> on a computer asked to use your account. Continue only if you just started it yourself.</p>
${decisionForm(form, view.csrfToken, { allow: 'Continue', cancel: 'Cancel' })}`;
  return renderPage({ title: `Continue to ${app.name}?`, body, compact: login.compact });
}

export function desktopSignedInPage(app: App, login: LoginRequest): SafeHtml {
  const body = html`${appBanner(app, html`You are signed in to <span class="app">${app.name}</span>.`)}
<p>You are signed in to ${app.name}. You may close this window and return to the application.</p>`;
  return renderPage({ title: `Signed in to ${app.name}`, body, compact: login.compact });
}

export function notAllowedPage(app: App, login: LoginRequest): SafeHtml {
  const body = html`${appBanner(app, html`<span class="app">${app.name}</span> was not allowed`)}
<p>You did not allow ${app.name} to use your account. You may close this window.</p>`;
  return renderPage({ title: `${app.name} was not allowed`, body, compact: login.compact });
}
