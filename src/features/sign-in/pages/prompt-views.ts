/**
 * Pieces shared by the pages that ask a signed-in person to decide something for an app
 * (login.php's authorization step, authorize.php's permission prompt): the app's banner, who is
 * signed in, and the Allow / Don't allow form that carries the flow's parameters.
 */
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { displayName } from './browser-sign-in.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { appMark } from '../../../http/page-kit/layout.js';
import { hiddenFields } from './sign-in-form.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';

/** Where a decision form posts and what it carries, so the flow continues after the click. */
export interface FlowForm {
  /** The page's own path; the form posts back to it. */
  readonly action: string;
  /** The flow's parameters, as hidden inputs. */
  readonly carried: ReadonlyArray<readonly [string, string]>;
  /** The same flow with the sign-in form shown again ("Not you?"). */
  readonly notYouHref: string;
  /** `popup` / `display=popup`: the pop-up frame. */
  readonly compact: boolean;
}

export function appBanner(app: App, heading: SafeHtml): SafeHtml {
  return html`<div class="app-banner"><span class="app-mark" aria-hidden="true">${appMark(app.name)}</span><h1>${heading}</h1></div>`;
}

export function whoIsSignedIn(person: Person, notYouHref: string): SafeHtml {
  return html`<div class="person">${person.pictureUrl && html`<img src="${person.pictureUrl}" alt="">`}<div class="person-text">Signed in as <strong>${displayName(person)}</strong>.
<a href="${notYouHref}">Not you?</a></div></div>`;
}

/**
 * The two buttons every decision page has: `grant` and `cancel`. `extra` adds hidden inputs that
 * say which step the decision belongs to (they are not part of the carried flow).
 */
export function decisionForm(
  form: FlowForm,
  csrfToken: string,
  labels: { readonly allow: string; readonly cancel: string },
  extra: ReadonlyArray<readonly [string, string]> = [],
): SafeHtml {
  return html`<form method="post" action="${form.action}">
${csrfField(csrfToken)}
${hiddenFields(form.carried)}${hiddenFields(extra)}<div class="actions"><button class="button" type="submit" name="grant" value="1">${labels.allow}</button>
<button class="button secondary" type="submit" name="cancel" value="1">${labels.cancel}</button></div>
</form>`;
}
