/**
 * `/developers/` (docs/developers.md): the applications a signed-in person develops, each linked to
 * its settings, and "Create an application", for which a name is all that is needed. A new app is
 * a web app in sandbox mode, and goes on to its settings (303). A visitor gets the sign-in form.
 */
import type { FastifyReply } from 'fastify';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { definePage, type PageContext, type PageRoutes } from '../../../http/page-kit/define-page.js';
import { appMark, renderPage } from '../../../http/page-kit/layout.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { signedInLine } from '../../sign-in/pages/account-nav.js';
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { sentence } from '../setting-checks.js';
import { appSettingsPath, DEVELOPERS_PATH } from './developer-paths.js';

const CREATE_BUTTON = 'create_app';

/** What `?done=` says. */
const DONE: Readonly<Record<string, string>> = {
  left: 'You are no longer a developer of that application.',
};

interface ListView {
  readonly person: Person;
  readonly apps: readonly App[];
  readonly csrfToken: string;
  readonly done?: string;
  readonly typedName?: string;
  readonly problem?: string;
}

function listView(view: ListView): SafeHtml {
  const apps =
    view.apps.length === 0
      ? html`<p class="muted">You have no applications yet.</p>`
      : html`<ul class="apps">${view.apps.map(
          (app) => html`<li><span class="app-mark" aria-hidden="true">${appMark(app.name)}</span><span class="app-name"><a href="${appSettingsPath(app.appId)}">${app.name}</a> <span class="muted">App ID ${app.appId}${app.type === 'desktop' ? ' · desktop' : ''}</span></span></li>`,
        )}</ul>`;
  const aria = view.problem ? html` aria-invalid="true" aria-describedby="name-error"` : html` aria-describedby="name-hint"`;
  const body = html`<h1>Developers</h1>
${view.done && html`<p class="notice success" role="status">${view.done}</p>`}
<h2>Your applications</h2>
${apps}
<h2>Create an application</h2>
<form method="post" action="${DEVELOPERS_PATH}" novalidate>
${csrfField(view.csrfToken)}
<div class="field"><label for="name">Application name</label>
<input type="text" id="name" name="name" value="${view.typedName ?? ''}" autocomplete="off" required${aria}>
${view.problem ? html`<p class="field-error" id="name-error">${view.problem}</p>` : html`<p class="hint" id="name-hint">You get its API key and secret at once. It starts in sandbox mode: only its developers can use it until you turn that off.</p>`}</div>
<div class="actions"><button class="button" type="submit" name="${CREATE_BUTTON}" value="1">Create application</button></div>
</form>
${signedInLine(view.person)}`;
  return renderPage({ title: 'Developers', body, topNote: displayName(view.person), wide: true });
}

export const developersPage = defineAccountPage({
  path: DEVELOPERS_PATH,
  heading: 'Developers',
  reason: 'Sign in to create applications and change their settings.',
  actions: [CREATE_BUTTON],
  show: async ({ reply, services, params, csrfToken }, person) =>
    sendPage(reply, 200, listView({ person, apps: await services.developers.appsOf(person.uid), csrfToken: csrfToken(), done: DONE[params.get('done') ?? ''] })),
  change: (page, person) => create(page, person),
});

async function create({ reply, services, params, csrfToken }: PageContext, person: Person): Promise<FastifyReply> {
  const typedName = params.raw('name') ?? '';
  try {
    const app = await services.developers.create(person.uid, typedName);
    return redirectTo(reply, 303, appSettingsPath(app.appId, 'done=created'));
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const apps = await services.developers.appsOf(person.uid);
    return sendPage(reply, 400, listView({ person, apps, csrfToken: csrfToken(), typedName, problem: sentence(error.message) }));
  }
}

/** `/developers` without the slash is the same page. */
export const developersWithoutSlash: PageRoutes = definePage({
  path: '/developers',
  forms: 'none',
  handler: async ({ reply }) => redirectTo(reply, 302, DEVELOPERS_PATH),
});
