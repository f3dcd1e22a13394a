/**
 * `/logout.php` (flows.md §5, a proposal): ends the browser's platform sign-in, expires the app
 * session the link names if it is the signed-in person's session with that app, and returns to
 * the app (`connect_next` + `next` on its callback origin) or shows a signed-out page.
 *
 * GET works too, although it can be triggered by another site: the PHP client sends browsers here
 * with a plain link, and the worst a forged link can do is sign someone out.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../services/services.js';
import { findAppByApiKey } from './app-lookup.js';
import { signOut } from './browser-sign-in.js';
import { renderPage } from './layout.js';
import { readPageParams } from './page-params.js';
import { redirectTo, sendPage, sendProblem, unreadableRequest } from './page-replies.js';
import { resolveOnApp } from './redirect-targets.js';
import { html } from './templates.js';

export const LOGOUT_PATH = '/logout.php';

export function registerLogoutPage(server: FastifyInstance, services: Services): void {
  server.route({ method: ['GET', 'POST'], url: LOGOUT_PATH, handler: (request, reply) => handleLogout(request, reply, services) });
}

async function handleLogout(request: FastifyRequest, reply: FastifyReply, services: Services): Promise<FastifyReply> {
  const read = readPageParams(request);
  if ('unreadable' in read) return sendProblem(reply, unreadableRequest(read.unreadable));
  const { params } = read;
  // The PHP lib sends app_key, the mobile lib api_key (flows.md §1).
  const apiKey = params.get('app_key') ?? params.get('api_key');
  const app = apiKey === undefined ? undefined : await findAppByApiKey(services, apiKey);

  const person = await signOut(request, reply, services);
  const sessionKey = params.get('session_key');
  // Only the person's own session with the named app: a link must not end other people's sessions.
  if (person && app && sessionKey !== undefined) await services.sessions.expireFor(app, person.uid, sessionKey);

  const next = params.get('next');
  if (params.flag('connect_next') && app?.callbackUrl && next !== undefined) {
    const target = resolveOnApp(app.callbackUrl, next);
    if (target) return redirectTo(reply, 302, target.href);
  }
  const compact = params.flag('popup') || params.get('display') === 'popup';
  const body = html`<h1>You are signed out</h1>
<p>${person ? html`Goodbye, ${person.firstName}. ` : ''}Nobody is signed in to Hearth in this browser any more.</p>
${app && html`<p class="muted">You can close this window and go back to ${app.name}.</p>`}`;
  return sendPage(reply, 200, renderPage({ title: 'Signed out', body, compact }));
}
