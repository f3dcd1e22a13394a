/**
 * `/editapps.php` (docs/pages.md, "/editapps.php"): the applications a person uses, each with a
 * Remove button. Removing ends the app's access (sessions, permissions, profile boxes) and pings
 * its post-remove URL (docs/pages.md, "App callbacks"). A browser that is not signed in gets the
 * sign-in form here, since login.php always belongs to an app.
 */
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import type { FastifyReply } from 'fastify';
import type { Services } from '../../feature.js';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { type AccountPage } from '../../sign-in/pages/account-sign-in.js';
import { accountNav, EDIT_APPS_PATH, signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { appMark, renderPage } from '../../../http/page-kit/layout.js';
import { type PageParams } from '../../../http/page-kit/page-params.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';

const ACCOUNT_PAGE: AccountPage = {
  path: EDIT_APPS_PATH,
  heading: 'Your applications',
  reason: 'Sign in to see the applications you use and remove the ones you no longer want.',
};

export { EDIT_APPS_PATH };

export const editAppsPage = defineAccountPage({
  ...ACCOUNT_PAGE,
  actions: ['remove'],
  show: async ({ reply, services, params, csrfToken }, person) => {
    const removed = await appById(services, params.get('removed'));
    return sendPage(reply, 200, appListView(person, await services.grants.appsOf(person.uid), csrfToken(), removed));
  },
  change: ({ reply, services, params }, person) => removeApp(reply, services, params, person),
});

async function removeApp(reply: FastifyReply, services: Services, params: PageParams, person: Person): Promise<FastifyReply> {
  const app = await appById(services, params.get('remove'));
  // Only an app the person used counts as removed; anything else just shows the list again.
  if (app && (await services.grants.revoke(person.uid, app, 'person'))) return redirectTo(reply, 303, `${EDIT_APPS_PATH}?removed=${app.appId}`);
  return redirectTo(reply, 303, EDIT_APPS_PATH);
}


async function appById(services: Services, text: string | undefined): Promise<App | undefined> {
  if (text === undefined || !/^\d{1,15}$/.test(text)) return undefined;
  try {
    return await services.apps.find(text);
  } catch (error) {
    if (error instanceof InvalidInputError) return undefined;
    throw error;
  }
}


function appListView(person: Person, apps: readonly App[], token: string, removed: App | undefined): SafeHtml {
  const list =
    apps.length === 0
      ? html`<p class="muted">You do not use any applications.</p>`
      : html`<ul class="apps">
${apps.map(
  (app) => html`<li><span class="app-mark" aria-hidden="true">${appMark(app.name)}</span><span class="app-name">${app.name}</span>
<form method="post" action="${EDIT_APPS_PATH}">${csrfField(token)}<button class="button secondary small" type="submit" name="remove" value="${app.appId}" aria-label="Remove ${app.name}">Remove</button></form></li>
`,
)}</ul>`;
  const body = html`${accountNav('apps', person)}
<h1>Your applications</h1>
${removed && html`<p class="notice info" role="status">You removed ${removed.name}. It can no longer see your information.</p>`}
<p class="muted">These applications can see your basic information. Removing one ends its access.</p>
${list}
${signedInLine(person)}`;
  return renderPage({ title: 'Your applications', body, wide: true, topNote: displayName(person) });
}
