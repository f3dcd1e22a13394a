/**
 * `/demo/callback`: the callback URL of the demo app `hearth serve` creates on an empty database
 * (src/cli/demo-seed.ts), so that signing in to the demo app ends on a page instead of an address
 * nobody answers. It does what a web app's callback does with the `auth_token` login.php sends:
 * exchanges it for a session (as auth.getSession does) and reads the person (as users.getInfo
 * does), then shows both. Its links are relative or built from the host the request came to, so
 * they work on whatever host and port the server runs on.
 *
 * The token is bound to the app it was made for, so the page tries each app whose callback URL is
 * this page; only the one the token belongs to can use it, once.
 */
import type { FastifyReply } from 'fastify';
import { definePage, type PageContext } from '../../http/page-kit/define-page.js';
import { renderPage } from '../../http/page-kit/layout.js';
import { sendPage } from '../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../http/page-kit/templates.js';
import type { App } from '../apps/records.js';
import type { Services } from '../feature.js';
import { describePerson } from '../people/methods/user-fields.js';
import { profilePath } from '../sign-in/pages/account-nav.js';
import { HOME_PATH } from './feed-view.js';

export const DEMO_CALLBACK_PATH = '/demo/callback';

/** The users.getInfo fields shown (those the demo person's own session may read). */
const SHOWN_FIELDS = ['name', 'first_name', 'last_name', 'pic_square', 'profile_url', 'locale', 'is_app_user', 'status'];

export const demoCallbackPage = definePage({ path: DEMO_CALLBACK_PATH, forms: 'none', handler: (page) => showDemo(page) });

/** Apps whose callback URL is this page, on any host. */
async function demoApps(services: Services): Promise<App[]> {
  const apps = await services.apps.withCallbackContaining(DEMO_CALLBACK_PATH);
  return apps.filter((app) => {
    if (app.callbackUrl === null) return false;
    try {
      return new URL(app.callbackUrl).pathname.replace(/\/+$/, '') === DEMO_CALLBACK_PATH;
    } catch {
      return false;
    }
  });
}

function loginLink(app: App): string {
  return `/login.php?api_key=${encodeURIComponent(app.apiKey)}&v=1.0`;
}

async function showDemo({ request, reply, services, params }: PageContext): Promise<FastifyReply> {
  const origin = `${request.protocol}://${request.host}`;
  const apps = await demoApps(services);
  const token = params.get('auth_token');
  const signIns = html`${apps.map((app) => html`<li><a href="${loginLink(app)}">Sign in to ${app.name}</a> <span class="muted">(app_id ${app.appId})</span></li>`)}`;
  const again = apps.length > 0 && html`<ul class="demo-links">${signIns}</ul>`;

  if (token === undefined) {
    const body = html`<h1>The demo app’s callback</h1>
<p>This page plays the demo application: after someone signs in to it, login.php sends their browser here with an <code>auth_token</code>, which the page exchanges for a session, as an application would with <code>auth.getSession</code>.</p>
${again || html`<p class="muted">No application on this server has this page as its callback URL.</p>`}
<p class="muted"><a href="${HOME_PATH}">Hearth’s home page</a></p>`;
    return sendPage(reply, 200, renderPage({ title: 'Demo app', body }));
  }

  for (const app of apps) {
    const session = await services.sessions.exchangeToken(app, token, { withSecret: false });
    if (!session) continue;
    const person = await services.people.find(session.uid);
    const status = person && (await services.status.current(person.uid));
    const user =
      person &&
      describePerson(person, SHOWN_FIELDS, true, {
        isAppUser: await services.grants.isAppUser(person.uid, app.appId),
        origin,
        now: new Date(),
        status: status && { message: status.message, time: Math.floor(status.createdAt.getTime() / 1000), statusId: status.statusId },
      });
    const answer = { session_key: session.sessionKey, uid: session.uid, expires: session.expiresAt === null ? 0 : Math.floor(session.expiresAt.getTime() / 1000) };
    const body = html`<h1>${app.name} has a session</h1>
<p>The <code>auth_token</code> from login.php was exchanged for a session, as <code>auth.getSession</code> does. The application can now call the API at <code>${origin}/restserver.php</code> as ${person ? html`<a href="${profilePath(person.uid)}">${person.firstName} ${person.lastName}</a>` : `uid ${session.uid}`}.</p>
<h2 class="section">auth.getSession</h2>
${jsonBlock(answer)}
${user && html`<h2 class="section">users.getInfo</h2>${jsonBlock([user])}`}
<p class="muted">The token is used up now: reloading this page cannot exchange it again. <a href="${HOME_PATH}">Go to your news feed</a></p>
${again}`;
    return sendPage(reply, 200, renderPage({ title: `${app.name}: signed in`, body, wide: true }));
  }

  const body = html`<h1>This sign-in cannot be used</h1>
<p>The <code>auth_token</code> is unknown, expired or already used (each one is exchanged once). Sign in again to get a new one.</p>
${again}`;
  return sendPage(reply, 400, renderPage({ title: 'Demo app', body }));
}

function jsonBlock(value: unknown): SafeHtml {
  return html`<pre class="demo-json">${JSON.stringify(value, null, 2)}</pre>`;
}
