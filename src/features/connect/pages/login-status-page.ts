/**
 * `/extern/login_status.php` (docs/connect.md, "The status check"): the Connect library asks,
 * from a hidden frame, whether the visitor is signed in to Hearth and has allowed the app. The
 * answer goes back to the site as a redirect, never as a page:
 *
 *  - with `ok_session`, `no_session` and `no_user` (the later libraries' form): to the one that
 *    fits, `ok_session` with `session=` and the signed session JSON of login.php;
 *  - otherwise to `channel` (the site's receiver) with `#fname=_parent&state=N[&session=…]`, N
 *    being the library's connect state (1 connected, 2 not signed in, 3 app not allowed).
 *
 * Connected, it hands over the session the site already holds (`session_key`, when it is still
 * live and the visitor's), else the visitor's latest live session with a secret, else a new one.
 * Like login.php's hand-over, that GET reaches only the app's own Connect site.
 */
import type { FastifyReply } from 'fastify';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { redirectTo, sendProblem, type Problem } from '../../../http/page-kit/page-replies.js';
import { findAppByApiKey } from '../../apps/app-lookup.js';
import type { App } from '../../apps/records.js';
import type { Services } from '../../feature.js';
import type { Person } from '../../people/records.js';
import type { ApiSession } from '../../sessions/records.js';
import { connectSessionJson } from '../../sessions/pages/connect-session.js';
import { signedInPerson } from '../../sign-in/pages/browser-sign-in.js';
import { withQueryParameter } from '../../sign-in/pages/redirect-targets.js';
import { baseDomainFor, onConnectSite, readConnectSite } from '../connect-site.js';
import type { AppUse } from '../../developers/app-access.js';

export const LOGIN_STATUS_PATH = '/extern/login_status.php';

/** The library's `FB.ConnectState` values. */
const CONNECTED = 1;
const NOT_SIGNED_IN = 2;
const NOT_ALLOWED = 3;

export const loginStatusPage = definePage({ path: LOGIN_STATUS_PATH, forms: 'none', handler: (page) => answerStatus(page) });

function problem(status: number, title: string, message: string): Problem {
  return { status, title, message };
}

async function answerStatus({ request, reply, services, params }: PageContext): Promise<FastifyReply> {
  const apiKey = params.get('api_key');
  if (apiKey === undefined) return sendProblem(reply, problem(400, 'This status check is incomplete', 'The request does not say which application asks (api_key is missing).'));
  const app = await findAppByApiKey(services, apiKey);
  if (!app) return sendProblem(reply, problem(404, 'Unknown application', `No application is registered here with the api_key “${apiKey}”.`));

  const site = await readConnectSite(services, app);
  const returns = { ok: params.get('ok_session'), none: params.get('no_session'), nobody: params.get('no_user') };
  const threeWay = returns.ok !== undefined || returns.none !== undefined || returns.nobody !== undefined;
  const targets = threeWay ? [returns.ok, returns.none, returns.nobody] : [params.get('channel')];
  if (targets.some((target) => target === undefined)) {
    return sendProblem(reply, problem(400, 'This status check is incomplete', 'It needs channel, or all of ok_session, no_session and no_user: the site’s pages to answer to.'));
  }
  const checked = targets.map((target) => onConnectSite(site, target));
  if (checked.some((target) => target === undefined)) {
    return sendProblem(reply, problem(400, 'This status check cannot be answered', `It would send the answer outside ${app.name}: its addresses must be on the app's Connect URL, its base domain or its callback URL.`));
  }
  const [first, second, third] = checked as URL[];

  const person = await signedInPerson(request, services);
  // In sandbox mode only the developers are connected: to anyone else the app is not allowed, and no session is handed over.
  const use: AppUse | undefined = person && (await services.appAccess.mayUse(app, person.uid));
  const state = !person ? NOT_SIGNED_IN : use !== 'sandbox' && (await services.grants.isAppUser(person.uid, app.appId)) ? CONNECTED : NOT_ALLOWED;
  const session = state === CONNECTED && person ? await sessionToHand(services, app, person, params.get('session_key')) : undefined;
  const json = session && connectSessionJson(session, app.secret, baseDomainFor(site, first!.href));

  if (threeWay) {
    if (json !== undefined) return redirectTo(reply, 302, withQueryParameter(first!, 'session', json));
    return redirectTo(reply, 302, (state === NOT_SIGNED_IN ? third! : second!).href);
  }
  const channel = new URL(first!.href);
  channel.hash = `fname=_parent&state=${state}${json === undefined ? '' : `&session=${encodeURIComponent(json)}`}`;
  return redirectTo(reply, 302, channel.href);
}

async function sessionToHand(services: Services, app: App, person: Person, heldKey: string | undefined): Promise<ApiSession> {
  if (heldKey !== undefined) {
    const held = await services.sessions.resolve(app, heldKey);
    if ('session' in held && held.session.uid === person.uid) return held.session;
  }
  const latest = await services.sessions.latestSession(app, person.uid);
  // One that never expires has no secret to give (secrets are temporary); a new one would not either.
  if (latest && (latest.secret !== null || latest.expiresAt === null)) return latest;
  return services.sessions.createSession(app, person.uid, { withSecret: true });
}
