/** What login.php shows: the sign-in form, the authorization prompt and the desktop end pages. */
import type { App, Person } from '../store/store.js';
import { displayName } from './browser-sign-in.js';
import { csrfField } from './csrf.js';
import { appMark, renderPage } from './layout.js';
import { LOGIN_PATH, loginUrl, type LoginRequest } from './login-request.js';
import { hiddenFields, signInForm } from './sign-in-form.js';
import { html, type SafeHtml } from './templates.js';

function appBanner(app: App, heading: SafeHtml): SafeHtml {
  return html`<div class="app-banner"><span class="app-mark" aria-hidden="true">${appMark(app.name)}</span><h1>${heading}</h1></div>`;
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

function whoIsSignedIn(person: Person, login: LoginRequest): SafeHtml {
  return html`<div class="person">${person.pictureUrl && html`<img src="${person.pictureUrl}" alt="">`}<div class="person-text">Signed in as <strong>${displayName(person)}</strong>.
<a href="${loginUrl(login, { skipcookie: '1' })}">Not you?</a></div></div>`;
}

function decisionForm(login: LoginRequest, csrfToken: string, allowLabel: string, cancelLabel: string): SafeHtml {
  return html`<form method="post" action="${LOGIN_PATH}">
${csrfField(csrfToken)}
${hiddenFields(login.carried)}<div class="actions"><button class="button" type="submit" name="grant" value="1">${allowLabel}</button>
<button class="button secondary" type="submit" name="cancel" value="1">${cancelLabel}</button></div>
</form>`;
}

export interface DecisionPageView {
  readonly app: App;
  readonly person: Person;
  readonly login: LoginRequest;
  readonly csrfToken: string;
}

/** First use of an app (flows.md §2.2 step 2): what it will see, Allow or Don't allow. */
export function authorizePage(view: DecisionPageView): SafeHtml {
  const { app, person, login } = view;
  const body = html`${appBanner(app, html`<span class="app">${app.name}</span> would like to connect to your account`)}
${whoIsSignedIn(person, login)}
<p>If you allow it, <strong>${app.name}</strong> will see your basic information:</p>
<ul class="sees">
<li>Your name and profile picture</li>
<li>Your friends list</li>
<li>Other information you share with everyone</li>
</ul>
<p class="muted">${app.name} is not run by Hearth; its own terms apply. You can remove it at any time on <a href="/editapps.php">your applications</a> page.</p>
${decisionForm(login, view.csrfToken, 'Allow', "Don't allow")}`;
  return renderPage({ title: `Allow ${app.name}?`, body, compact: login.compact });
}

/**
 * A desktop program asks to be signed in as a person who already allowed it, and nobody typed a
 * password in this flow: a link someone else made (with a token they hold) must not bind silently.
 */
export function confirmDesktopPage(view: DecisionPageView): SafeHtml {
  const { app, person, login } = view;
  const body = html`${appBanner(app, html`Continue to <span class="app">${app.name}</span>?`)}
${whoIsSignedIn(person, login)}
<p><strong>${app.name}</strong> on a computer asked to use your account. Continue only if you just started it yourself.</p>
${decisionForm(login, view.csrfToken, 'Continue', 'Cancel')}`;
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
