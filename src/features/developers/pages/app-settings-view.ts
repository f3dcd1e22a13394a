/**
 * The settings page of one app as its developer sees it: the keys (the secret only on request)
 * with "Reset secret", each section of settings as a form of its own, and the developers list.
 */
import { csrfField } from '../../../http/page-kit/csrf.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { profilePath, signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { SECTIONS, type SectionId, type SettingSection } from '../app-settings.js';
import { CONFIRM_CANVAS_RENAME } from '../developer-service.js';
import { callbackUrlWarning } from '../setting-checks.js';
import { appSettingsPath, DEVELOPERS_PATH } from './developer-paths.js';
import { settingField } from './setting-fields.js';

export const RESET_BUTTON = 'reset_secret';
export const CONFIRM_RESET_BUTTON = 'confirm_reset';
export const ADD_DEVELOPER_BUTTON = 'add_developer';
export const REMOVE_DEVELOPER_BUTTON = 'remove_developer';
export const saveButton = (section: SectionId): string => `save_${section}`;

/** A section's form as shown: its values (stored, or as typed when refused) and the problems. */
export interface SectionState {
  readonly values: ReadonlyMap<string, string>;
  readonly problems?: ReadonlyMap<string, string>;
}

export interface AppSettingsView {
  readonly person: Person;
  readonly app: App;
  readonly sections: ReadonlyMap<SectionId, SectionState>;
  readonly developers: readonly Person[];
  readonly csrfToken: string;
  readonly showSecret: boolean;
  readonly done?: string;
  readonly developerProblem?: string;
  readonly typedDeveloper?: string;
}

function keysView(view: AppSettingsView): SafeHtml {
  const { app } = view;
  return html`<h2 id="keys">Keys</h2>
<p><span class="property-name">App ID</span> <code id="app_id">${app.appId}</code></p>
<p><span class="property-name">API key</span> <code id="api_key">${app.apiKey}</code></p>
<p><span class="property-name">Secret</span> ${view.showSecret ? html`<code id="secret">${app.secret}</code>` : html`<a href="${appSettingsPath(app.appId, 'show_secret=1')}#keys">Show the secret</a>`}</p>
<p class="muted">Keep the secret on your servers: whoever has it can act as your application.</p>
<form method="post" action="${appSettingsPath(app.appId)}">
${csrfField(view.csrfToken)}
<button class="button secondary small" type="submit" name="${RESET_BUTTON}" value="1">Reset secret</button>
</form>`;
}

function sectionView(view: AppSettingsView, section: SettingSection): SafeHtml {
  const state = view.sections.get(section.id)!;
  const problems = state.problems ?? new Map<string, string>();
  const fields = section.fields.map((field) => settingField(field, state.values.get(field.name) ?? '', problems.get(field.name)));
  const warning = section.id === 'canvas' ? callbackUrlWarning(view.app.callbackUrl) : undefined;
  const rename =
    section.id === 'canvas' && view.app.canvasName !== null
      ? html`<div class="check"><input type="checkbox" id="${CONFIRM_CANVAS_RENAME}" name="${CONFIRM_CANVAS_RENAME}" value="1"><label for="${CONFIRM_CANVAS_RENAME}">Change the canvas page name (links to /apps/${view.app.canvasName}/ stop working)</label></div>`
      : html``;
  return html`<h2 id="${section.id}">${section.title}</h2>
${problems.size > 0 && html`<p class="notice error" role="alert">Nothing in ${section.title} was saved: ${problems.size === 1 ? 'one setting needs' : `${problems.size} settings need`} a change.</p>`}
${warning && html`<p class="notice info" role="status" id="callback-warning">${warning}</p>`}
<form method="post" action="${appSettingsPath(view.app.appId)}#${section.id}" novalidate>
${csrfField(view.csrfToken)}
${fields}
${rename}
<div class="actions"><button class="button" type="submit" name="${saveButton(section.id)}" value="1">Save ${section.title} settings</button></div>
</form>`;
}

function developersView(view: AppSettingsView): SafeHtml {
  const aria = view.developerProblem ? html` aria-invalid="true" aria-describedby="developer-error"` : html` aria-describedby="developer-hint"`;
  return html`<h2 id="developers">Developers</h2>
<p class="muted">Developers see and change these settings, and can use the application in sandbox mode.</p>
<ul class="apps developer-list">${view.developers.map(
    (developer) => html`<li data-uid="${developer.uid}"><span class="app-name"><a href="${profilePath(developer.uid)}">${displayName(developer)}</a> <span class="muted">uid ${developer.uid}${developer.uid === view.person.uid && ' · you'}</span></span>
<form method="post" action="${appSettingsPath(view.app.appId)}#developers">${csrfField(view.csrfToken)}<button class="button secondary small" type="submit" name="${REMOVE_DEVELOPER_BUTTON}" value="${developer.uid}" aria-label="Remove ${displayName(developer)}">Remove</button></form></li>`,
  )}</ul>
<form method="post" action="${appSettingsPath(view.app.appId)}#developers" novalidate>
${csrfField(view.csrfToken)}
<div class="field"><label for="developer">Add a developer</label>
<input type="text" id="developer" name="developer" value="${view.typedDeveloper ?? ''}" autocomplete="off" spellcheck="false"${aria}>
${view.developerProblem ? html`<p class="field-error" id="developer-error">${view.developerProblem}</p>` : html`<p class="hint" id="developer-hint">Their uid (the number in their profile’s address) or their e-mail address.</p>`}</div>
<div class="actions"><button class="button" type="submit" name="${ADD_DEVELOPER_BUTTON}" value="1">Add developer</button></div>
</form>`;
}

export function appSettingsView(view: AppSettingsView): SafeHtml {
  const body = html`<h1>${view.app.name}</h1>
<p class="muted"><a href="${DEVELOPERS_PATH}">Your applications</a> · ${[
    html`<a href="#keys">Keys</a>`,
    ...SECTIONS.map((section) => html` · <a href="#${section.id}">${section.title}</a>`),
    html` · <a href="#developers">Developers</a>`,
  ]}</p>
${view.done && html`<p class="notice success" role="status">${view.done}</p>`}
${keysView(view)}
${SECTIONS.map((section) => sectionView(view, section))}
${developersView(view)}
${signedInLine(view.person)}`;
  return renderPage({ title: view.app.name, body, topNote: displayName(view.person), wide: true });
}

/** "Reset secret" asks first: the old secret stops working at once. */
export function confirmResetView(person: Person, app: App, csrfToken: string): SafeHtml {
  const body = html`<h1>Reset the secret of ${app.name}?</h1>
<p>A new secret replaces the old one at once: every call signed with the old secret fails from then on, until your servers have the new one.</p>
<form method="post" action="${appSettingsPath(app.appId)}" class="actions">
${csrfField(csrfToken)}
<button class="button" type="submit" name="${CONFIRM_RESET_BUTTON}" value="1">Reset secret</button>
<a class="button secondary" href="${appSettingsPath(app.appId)}#keys">Cancel</a>
</form>`;
  return renderPage({ title: 'Reset secret', body, topNote: displayName(person) });
}
