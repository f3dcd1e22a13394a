/**
 * `/logout.php`: ends the browser's platform sign-in, expires the app session the link names if
 * it is the signed-in person's session with that app, and returns to the app (`connect_next` +
 * `next` on its callback origin) or shows a signed-out page.
 *
 * Signing out changes state, so it takes a POST carrying the form's CSRF token. Apps send people
 * here with a plain link (the PHP client's get_logout_url), and a GET must never change anything —
 * an `<img>` on another page could make it — so a GET, or a POST without the token (the Firefox
 * toolbar posted `confirm=1`), shows a "Sign out?" page whose button makes the POST with the
 * link's parameters. Nobody signed in: nothing to do, and the browser goes straight on.
 *
 * The Connect library's logout (`extern` with the `session_key` the site holds, docs/connect.md)
 * loads this page in a hidden frame: knowing a live session key of the app proves the request comes
 * from the app's site, so that session ends and, if it is the signed-in person's, so does the
 * sign-in, without the question; `next` may then lead to the app's Connect site too.
 */
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import type { FastifyReply } from 'fastify';
import type { App } from '../../apps/records.js';
import { findAppByApiKey } from '../../apps/app-lookup.js';
import { displayName, signedInPerson, signOut } from './browser-sign-in.js';
import { csrfField, csrfToken } from '../../../http/page-kit/csrf.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { type PageParams } from '../../../http/page-kit/page-params.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { resolveOnApp } from './redirect-targets.js';
import { hiddenFields } from './sign-in-form.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Services } from '../../feature.js';
import type { Person } from '../../people/records.js';
import { onConnectSite, readConnectSite } from '../../connect/connect-site.js';

export const LOGOUT_PATH = '/logout.php';

/** What a logout link may say; the confirmation form carries these to its POST. */
const CARRIED = ['app_key', 'api_key', 'session_key', 'connect_next', 'extern', 'next', 'popup', 'display'] as const;

// A GET, or a POST without the CSRF token, is asked again rather than refused: signing out needs the form's POST.
export const logoutPage = definePage({ path: LOGOUT_PATH, forms: 'page', handler: (page) => handleLogout(page) });

async function handleLogout({ request, reply, services, params, csrfMatches }: PageContext): Promise<FastifyReply> {
  // The PHP lib sends app_key, the mobile lib api_key.
  const apiKey = params.get('app_key') ?? params.get('api_key');
  const app = apiKey === undefined ? undefined : await findAppByApiKey(services, apiKey);
  const compact = params.flag('popup') || params.get('display') === 'popup';

  const person = await signedInPerson(request, services);
  if (app && params.flag('extern') && (await endConnectSession(services, app, person, params.get('session_key')))) {
    if (person) await signOut(request, reply, services);
    const back = await returnTarget(services, params, app);
    if (back) return redirectTo(reply, 302, back);
    return sendPage(reply, 200, signedOutPage(person, app, compact));
  }
  if (person && !(request.method === 'POST' && csrfMatches())) {
    const carried = CARRIED.flatMap((name) => {
      const value = params.raw(name);
      return value === undefined ? [] : [[name, value] as const];
    });
    const body = html`<h1>Sign out of Hearth?</h1>
<p>You are signed in as ${displayName(person)}.${app ? html` ${app.name} sent you here to sign out.` : ''}</p>
<form method="post" action="${LOGOUT_PATH}">
${csrfField(csrfToken(request, reply))}
${hiddenFields(carried)}<div class="actions"><button class="button" type="submit" name="signout" value="1">Sign out</button></div>
</form>`;
    return sendPage(reply, 200, renderPage({ title: 'Sign out', body, compact }));
  }

  if (person) {
    await signOut(request, reply, services);
    const sessionKey = params.get('session_key');
    // Only the person's own session with the named app: a link must not end other people's sessions.
    if (app && sessionKey !== undefined) await services.sessions.expireFor(app, person.uid, sessionKey);
  }
  const back = await returnTarget(services, params, app);
  if (back) return redirectTo(reply, request.method === 'POST' ? 303 : 302, back);
  return sendPage(reply, 200, signedOutPage(person, app, compact));
}

function signedOutPage(person: Person | undefined, app: App | undefined, compact: boolean): SafeHtml {
  const body = html`<h1>You are signed out</h1>
<p>${person ? html`Goodbye, ${person.firstName}. ` : ''}Nobody is signed in to Hearth in this browser any more.</p>
${app && html`<p class="muted">You can close this window and go back to ${app.name}.</p>`}
<div class="actions"><a class="button" href="${signInAgain(app)}">Sign in again</a></div>`;
  return renderPage({ title: 'Signed out', body, compact });
}

/**
 * Ends the live session `sessionKey` of `app` when nobody else is signed in here: nobody at all
 * (the site's frame came without the sign-in cookie), or the session's own person. Answers whether it did.
 */
async function endConnectSession(services: Services, app: App, person: Person | undefined, sessionKey: string | undefined): Promise<boolean> {
  if (sessionKey === undefined) return false;
  const found = await services.sessions.resolve(app, sessionKey);
  if (!('session' in found) || (person && person.uid !== found.session.uid)) return false;
  await services.sessions.expire(found.session);
  return true;
}

/** To the app's sign-in when the link named an app (login.php needs one), else Hearth's front page, which signs people in. */
function signInAgain(app: App | undefined): string {
  return app ? `/login.php?api_key=${encodeURIComponent(app.apiKey)}&v=1.0` : '/home.php';
}

/** `next` with `connect_next` (or the Connect library's `extern`), when it leads inside the app's callback URL origin or its Connect site. */
async function returnTarget(services: Services, params: PageParams, app: App | undefined): Promise<string | undefined> {
  const next = params.get('next');
  if (!(params.flag('connect_next') || params.flag('extern')) || !app || next === undefined) return undefined;
  const onApp = app.callbackUrl === null ? undefined : resolveOnApp(app.callbackUrl, next);
  return (onApp ?? onConnectSite(await readConnectSite(services, app), next))?.href;
}
