/**
 * `/reqs.php`: the requests and invitations a signed-in person's friends sent them through apps,
 * newest first, grouped by app (the app whose request came last first). Each shows who sent it,
 * what it says (its FBML rendered as in a profile box) and its fb:req-choice buttons, which answer
 * it and lead to the choice's address, and Ignore, which answers it and stays here. A visitor gets
 * the sign-in form.
 */
import type { FastifyReply } from 'fastify';
import type { PageContext } from '../../../http/page-kit/define-page.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { redirectTo, sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { accountNav, signedInLine } from '../../sign-in/pages/account-nav.js';
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import type { StoredAppRequest } from '../app-request-service.js';
import { renderRequestContent, requestChoices } from '../request-content.js';
import { choiceDestination } from '../request-links.js';
import { REQUEST_PAGE_HEADERS, requestItem } from './request-views.js';

export const REQUESTS_PATH = '/reqs.php';

const ACCEPT_BUTTON = 'accept';
const IGNORE_BUTTON = 'ignore';

export const requestsPage = defineAccountPage({
  path: REQUESTS_PATH,
  heading: 'Your requests',
  reason: 'Sign in to see the requests and invitations your friends sent you through applications.',
  actions: [ACCEPT_BUTTON, IGNORE_BUTTON],
  show: (page, person) => showRequests(page, person),
  change: (page, person) => answerRequest(page, person),
});

function origin(page: PageContext): string {
  return `${page.request.protocol}://${page.request.host}`;
}

/** The buttons of one request: its choices that lead somewhere, then Ignore. */
function answerForm(request: StoredAppRequest, app: App | undefined, page: PageContext): SafeHtml {
  const choices = requestChoices(request.content).flatMap((choice, index) =>
    app && choiceDestination(choice.url, app, origin(page)) ? [html`<button type="submit" class="button small" name="${ACCEPT_BUTTON}" value="${String(index)}">${choice.label}</button>`] : [],
  );
  return html`<form method="post" action="${REQUESTS_PATH}" class="actions">
${csrfField(page.csrfToken())}<input type="hidden" name="request_id" value="${String(request.requestId)}">
${choices}<button type="submit" class="button small secondary" name="${IGNORE_BUTTON}" value="1">Ignore</button>
</form>`;
}

/** The requests by app, each app's newest first, apps in the order of their newest request. */
function byApp(requests: readonly StoredAppRequest[]): StoredAppRequest[][] {
  const groups = new Map<number, StoredAppRequest[]>();
  for (const request of requests) {
    const group = groups.get(request.appId);
    if (group) group.push(request);
    else groups.set(request.appId, [request]);
  }
  return [...groups.values()];
}

async function showRequests(page: PageContext, person: Person): Promise<FastifyReply> {
  const { request, reply, services } = page;
  const waiting = await services.appRequests.waiting(person.uid);
  const [apps, senders, rendered] = await Promise.all([
    services.apps.findMany([...new Set(waiting.map((item) => item.appId))]),
    services.people.findMany([...new Set(waiting.map((item) => item.sender))]),
    Promise.all(
      waiting.map((item) => renderRequestContent(item.content, { appId: item.appId, sender: item.sender, viewerUid: person.uid, platformHost: request.hostname }, services)),
    ),
  ]);
  const appsById = new Map(apps.map((app) => [app.appId, app]));
  const sendersById = new Map(senders.map((sender) => [sender.uid, sender]));
  const contentById = new Map(waiting.map((item, index) => [item.requestId, rendered[index]!.html]));
  const groups = byApp(waiting).map((group) => {
    const app = appsById.get(group[0]!.appId);
    const items = group.flatMap((item) => {
      const sender = sendersById.get(item.sender);
      if (!sender) return [];
      const view = { sender, type: item.type, invite: item.invite, contentHtml: contentById.get(item.requestId) ?? '', at: item.at };
      return [requestItem(view, answerForm(item, app, page), html` data-request="${String(item.requestId)}"`)];
    });
    return html`<section class="request-group">
<h2>${app?.name ?? 'An application'}</h2>
<ul class="note-list request-list">${items}</ul>
</section>`;
  });
  const body = html`${accountNav(undefined, person)}
<h1>Requests</h1>
${groups.length === 0 ? html`<p class="muted">No requests waiting for you.</p>` : groups}
${signedInLine(person)}`;
  return sendPage(reply, 200, renderPage({ title: 'Requests', body, wide: true, topNote: displayName(person) }), REQUEST_PAGE_HEADERS);
}

function noSuchRequest(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, {
    status: 404,
    title: 'This request is not waiting',
    message: 'This request was answered already, or it is not one of yours.',
    startOver: { href: REQUESTS_PATH, label: 'Your requests' },
  });
}

/** Accept (a choice) or Ignore: either answers the request; a choice then leads to its address. */
async function answerRequest(page: PageContext, person: Person): Promise<FastifyReply> {
  const { reply, services, params } = page;
  const id = params.get('request_id');
  const choice = params.get(ACCEPT_BUTTON);
  const accepting = !params.flag(IGNORE_BUTTON);
  if (id === undefined || !/^[1-9]\d{0,15}$/.test(id) || (accepting && (choice === undefined || !/^\d{1,4}$/.test(choice)))) {
    return sendProblem(reply, { status: 400, title: 'Which request?', message: 'This form does not say which request to answer.', startOver: { href: REQUESTS_PATH, label: 'Your requests' } });
  }
  const answered = await services.appRequests.answer(person.uid, Number(id));
  if (!answered) return noSuchRequest(reply);
  if (!accepting) return redirectTo(reply, 303, REQUESTS_PATH);
  const written = requestChoices(answered.content)[Number(choice)];
  const [app] = await services.apps.findMany([answered.appId]);
  const destination = written && app && choiceDestination(written.url, app, origin(page));
  return redirectTo(reply, 303, destination ?? REQUESTS_PATH);
}
