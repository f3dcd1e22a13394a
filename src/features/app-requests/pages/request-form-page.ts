/**
 * Where an app's fb:request-form posts (REQUEST_FORM_SUBMIT_PATH, docs/app-requests.md): the
 * sender is asked to confirm — "Send this request to N friends?", the request as its recipients
 * will see it, Send and Cancel — and Send stores one request per friend and sends the browser to
 * the form's `action` with `ids[]` of those who got it; Cancel goes there without.
 *
 * The first post comes from the canvas page and changes nothing, so it needs no CSRF token (the
 * pages' scope refuses posts from other sites); Send does, and the confirmation form carries it.
 * The request form's own fields come first in its body, so the first value of each name is taken:
 * an app's inputs inside the form cannot pass for them.
 */
import type { FastifyReply } from 'fastify';
import { REQUEST_FORM_SUBMIT_PATH } from '../../../fbml/index.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { formExpired, redirectTo, sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { ParsedBody } from '../../../http/request-bodies.js';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { displayName, signedInPerson } from '../../sign-in/pages/browser-sign-in.js';
import type { RequestDraft, SendPlan } from '../app-request-service.js';
import { renderRequestContent, requestChoices } from '../request-content.js';
import { appDestination, withRecipients } from '../request-links.js';
import { nameList, REQUEST_PAGE_HEADERS, requestItem } from './request-views.js';

/** The confirmation form's buttons; named apart from anything an app's request form might hold. */
const SEND_BUTTON = 'confirm_send';
const CANCEL_BUTTON = 'confirm_cancel';
/** fb:friend-selector's field when the app names none (its `idname`). */
const FRIEND_SELECTOR_FIELD = 'friend_selector_id';

/** What the request form posted. */
interface PostedForm {
  readonly appId: number | undefined;
  readonly type: string;
  readonly content: string;
  readonly invite: boolean;
  readonly action: string;
  /** How the browser goes on to `action` with `ids[]`: a form post (the tag's default) or a link. */
  readonly method: 'get' | 'post';
  /** The uids of `ids[]` (and fb:friend-selector's field), in order; anything else is dropped. */
  readonly chosen: number[];
}

function uidOf(text: string): number | undefined {
  const uid = /^\s*[1-9]\d{0,15}\s*$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(uid) ? uid : undefined;
}

function readForm(pairs: ReadonlyArray<readonly [string, string]>): PostedForm {
  const first = (name: string) => pairs.find(([field]) => field === name)?.[1];
  const chosen = pairs.flatMap(([name, value]) => (name === 'ids[]' || name === FRIEND_SELECTOR_FIELD ? (uidOf(value) ?? []) : []));
  return {
    appId: uidOf(first('app_id') ?? ''),
    type: first('type')?.trim() || 'Request',
    content: first('content') ?? '',
    invite: first('invite') === '1',
    action: first('action') ?? '',
    method: first('method')?.trim().toLowerCase() === 'get' ? 'get' : 'post',
    chosen,
  };
}

export const requestFormPage = definePage({ path: REQUEST_FORM_SUBMIT_PATH, forms: 'page', handler: answerRequestForm });

async function answerRequestForm(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  if (request.method !== 'POST') {
    return sendProblem(reply, { status: 400, title: 'Nothing to send', message: 'This page sends the requests of an application’s request form. Open the application and send it from there.' });
  }
  const form = readForm((request.body as ParsedBody | undefined)?.pairs ?? []);
  const [app] = form.appId === undefined ? [] : await services.apps.findMany([form.appId]);
  if (!app) return sendProblem(reply, { status: 404, title: 'No such application', message: 'This request form names no application Hearth knows.' });
  const destination = appDestination(form.action, app, `${request.protocol}://${request.host}`);
  if (!destination) {
    return sendProblem(reply, {
      status: 400,
      title: 'This request cannot be sent',
      message: `This request form of ${app.name} leads to a page outside the application, so Hearth will not send it.`,
      note: 'The developer can fix it by pointing the form’s action at one of the application’s canvas pages.',
    });
  }
  // Nothing is sent, so no sign-in is needed to go back.
  if (params.flag(CANCEL_BUTTON)) return redirectTo(reply, 303, destination.href);
  const person = await signedInPerson(request, services);
  if (!person) return redirectTo(reply, 303, `/login.php?api_key=${encodeURIComponent(app.apiKey)}&v=1.0&canvas=1&next=${encodeURIComponent(destination.href)}`);
  const draft: RequestDraft = { appId: app.appId, sender: person.uid, type: form.type, invite: form.invite, content: form.content };
  try {
    services.appRequests.check(draft);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return sendProblem(reply, { status: 400, title: 'This request cannot be sent', message: `Hearth cannot send this request: ${error.message}.`, startOver: { href: destination.href, label: `Back to ${app.name}` } });
  }
  if (params.flag(SEND_BUTTON)) {
    if (!page.csrfMatches()) return sendProblem(reply, formExpired(destination.href));
    const sent = await services.appRequests.send(draft, form.chosen);
    if (form.method === 'get') return redirectTo(reply, 303, withRecipients(destination, sent));
    return carryOn(page, app, person, draft, destination.href, sent);
  }
  const plan = await services.appRequests.plan(draft, form.chosen);
  return confirm(page, { app, person, draft, plan, action: destination.href, method: form.method });
}

interface Confirmation {
  readonly app: App;
  readonly person: Person;
  readonly draft: RequestDraft;
  readonly plan: SendPlan;
  /** Where the browser goes afterwards, checked. */
  readonly action: string;
  readonly method: 'get' | 'post';
}

/**
 * After a request form with `method="post"`: the app reads who got it from the POSTed `ids[]`, as
 * PHP apps read `$_POST['ids']`, so the browser goes on with a form of those fields only (no token
 * of Hearth's goes to the app). Without a script of Hearth's the person presses Continue.
 */
function carryOn(page: PageContext, app: App, person: Person, draft: RequestDraft, action: string, sent: readonly number[]): FastifyReply {
  const what = draft.invite ? 'invitation' : 'request';
  const body = html`<h1>Your ${what} is sent</h1>
<p>${sent.length === 0 ? `Nobody got this ${what}.` : `${app.name} sent it to ${friendsWord(sent.length)}.`}</p>
<form method="post" action="${action}" class="request-carry-on">
${sent.map((uid) => html`<input type="hidden" name="ids[]" value="${String(uid)}">`)}
<div class="actions"><button type="submit" class="button">Continue to ${app.name}</button></div>
</form>`;
  return sendPage(page.reply, 200, renderPage({ title: `${what[0]!.toUpperCase()}${what.slice(1)} sent`, body, topNote: displayName(person) }), REQUEST_PAGE_HEADERS);
}

function friendsWord(count: number): string {
  return `${count} ${count === 1 ? 'friend' : 'friends'}`;
}

async function confirm(page: PageContext, confirmation: Confirmation): Promise<FastifyReply> {
  const { request, reply, services } = page;
  const { app, person, draft, plan } = confirmation;
  const what = draft.invite ? 'invitation' : 'request';
  const back = html`<a class="button secondary" href="${confirmation.action}">Back to ${app.name}</a>`;
  if (plan.recipients.length === 0) {
    const why =
      plan.overAllowance > 0
        ? `You have sent all ${plan.allowance} requests ${app.name} may send for you today. Try again tomorrow.`
        : `Choose at least one of your friends to send this ${what} to.`;
    const body = html`<h1>No one to send this ${what} to</h1>
<p>${why}</p>
<div class="actions">${back}</div>`;
    return sendPage(reply, 200, renderPage({ title: `Send ${what}`, body, topNote: displayName(person) }));
  }
  const [recipients, rendered] = await Promise.all([
    services.people.findMany(plan.recipients),
    renderRequestContent(draft.content, { appId: app.appId, sender: person.uid, viewerUid: person.uid, platformHost: request.hostname }, services),
  ]);
  if (rendered.problems.length > 0) request.log.debug({ app: app.appId, problems: rendered.problems }, 'request content rendered with problems');
  const byUid = new Map(recipients.map((recipient) => [recipient.uid, recipient]));
  const ordered = plan.recipients.flatMap((uid) => byUid.get(uid) ?? []);
  // What recipients will press, shown but inert here.
  const choices = requestChoices(draft.content).map((choice) => html`<span class="button small secondary request-choice">${choice.label}</span> `);
  const preview = requestItem({ sender: person, type: draft.type, invite: draft.invite, contentHtml: rendered.html }, html`<div class="actions">${choices}<span class="button small secondary request-choice">Ignore</span></div>`);
  const body = html`<h1>Send this ${what} to ${friendsWord(ordered.length)}?</h1>
<p class="muted">${app.name} · ${draft.type} ${what}</p>
<p>To ${nameList(ordered)}</p>
${plan.overAllowance > 0 && html`<p class="notice">${app.name} may send ${plan.allowance} requests a day for you, so ${friendsWord(plan.overAllowance)} you chose will not get this one.</p>`}
<h2>What they will see</h2>
<ul class="note-list request-preview">${preview}</ul>
<form method="post" action="${REQUEST_FORM_SUBMIT_PATH}">
${csrfField(page.csrfToken())}
${hiddenFields(app, draft, confirmation.action, confirmation.method, ordered)}
<div class="actions"><button type="submit" class="button" name="${SEND_BUTTON}" value="1">Send</button><button type="submit" class="button secondary" name="${CANCEL_BUTTON}" value="1">Cancel</button></div>
</form>`;
  return sendPage(reply, 200, renderPage({ title: `Send ${what}`, body, topNote: displayName(person) }), REQUEST_PAGE_HEADERS);
}

function hiddenFields(app: App, draft: RequestDraft, action: string, method: 'get' | 'post', recipients: readonly Person[]): SafeHtml {
  const fields: Array<[string, string]> = [
    ['method', method],
    ['app_id', String(app.appId)],
    ['type', draft.type],
    ['content', draft.content],
    ['invite', draft.invite ? '1' : '0'],
    ['action', action],
    ...recipients.map((recipient): [string, string] => ['ids[]', String(recipient.uid)]),
  ];
  return html`${fields.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}`;
}
