/**
 * `/inbox/`: a signed-in person's messages. The Inbox lists the threads someone else wrote in,
 * newest first, 20 at a time (`?folder=messages`, the default); `?folder=sent` the threads they
 * wrote in (Sent Messages); `?folder=updates` the bulk messages of pages, groups and apps (none
 * yet). Each thread shows who is in it, its subject, the start of its newest message and when;
 * one with messages the person has not read is marked. `?compose` is the form for a new message:
 * friends to tick (no script needed), a subject and the text, posted with the CSRF token; a sent
 * message goes on to its thread (303). `?compose&id=UID` starts with that friend ticked.
 * A visitor gets the sign-in form here.
 */
import type { FastifyReply } from 'fastify';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import type { PageContext, PageRoutes } from '../../../http/page-kit/define-page.js';
import { definePage } from '../../../http/page-kit/define-page.js';
import { redirectTo, sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { timeText } from '../../../http/page-kit/time-text.js';
import type { Services } from '../../feature.js';
import type { Person } from '../../people/records.js';
import { FRIENDS_PATH } from '../../sign-in/pages/account-nav.js';
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { MAX_BODY_LENGTH, MAX_RECIPIENTS, MAX_SUBJECT_LENGTH, snippetOf } from '../mailbox-service.js';
import { INBOX, SENT, UPDATES, type FolderId, type MailboxThread } from '../records.js';
import {
  COMPOSE_PATH, folderPath, INBOX_PATH, inboxFrame, peopleLinks, personLink, problemNotice, readFolder, subjectText, threadPath,
} from './inbox-page-parts.js';

/** The button that tells the compose form from the sign-in form. */
const SEND_BUTTON = 'send';
export const THREADS_PER_PAGE = 20;
/** How far back the pages go: older threads are reached through the API. */
const MAX_START = 10_000;

const EMPTY: Readonly<Record<FolderId, string>> = {
  [INBOX]: 'No messages yet.',
  [SENT]: 'You have not sent any messages yet.',
  [UPDATES]: 'No updates. Pages, groups and applications you follow send them here.',
};

const TITLES: Readonly<Record<FolderId, string>> = { [INBOX]: 'Inbox', [SENT]: 'Sent Messages', [UPDATES]: 'Updates' };

export const inboxPage = defineAccountPage({
  path: INBOX_PATH,
  heading: 'Your Inbox',
  reason: 'Sign in to read your messages and write to your friends.',
  actions: [SEND_BUTTON],
  show: (page, person) => (page.params.flag('compose') ? showCompose(page, person) : showFolder(page, person)),
  change: (page, person) => send(page, person),
});

/** `/inbox` without the slash is the same page. */
export const inboxWithoutSlash: PageRoutes = definePage({
  path: '/inbox',
  forms: 'none',
  handler: async ({ request, reply }) => {
    const url = request.raw.url ?? '';
    const mark = url.indexOf('?');
    return redirectTo(reply, 302, mark === -1 ? INBOX_PATH : `${INBOX_PATH}${url.slice(mark)}`);
  },
});

async function unreadCount(services: Services, person: Person): Promise<number> {
  return (await services.mailbox.unreadSummary(person.uid)).unread;
}

/** The people of these uids, by uid. */
async function peopleOf(services: Services, uids: Iterable<number>): Promise<Map<number, Person>> {
  return new Map((await services.people.findMany([...new Set(uids)])).map((person) => [person.uid, person]));
}

async function showFolder({ reply, services, params }: PageContext, person: Person): Promise<FastifyReply> {
  const folder = readFolder(params);
  if (folder === undefined) {
    return sendProblem(reply, { status: 404, title: 'No such folder', message: 'Your messages are in the Inbox, Sent Messages and Updates.', startOver: { href: INBOX_PATH, label: 'Go to your Inbox' } });
  }
  const startText = params.get('start');
  const start = startText !== undefined && /^\d{1,5}$/.test(startText) ? Math.min(Number(startText), MAX_START) : 0;
  // One more than shown tells whether there are older ones.
  const [found, unread] = await Promise.all([services.mailbox.folder(person.uid, folder, { limit: THREADS_PER_PAGE + 1, offset: start }), unreadCount(services, person)]);
  const threads = found.slice(0, THREADS_PER_PAGE);
  const people = await peopleOf(services, threads.flatMap((thread) => [...thread.participants, ...(thread.last.author === null ? [] : [thread.last.author])]));
  const title = TITLES[folder];
  const older = found.length > THREADS_PER_PAGE && start + THREADS_PER_PAGE <= MAX_START;
  const pageLink = (to: number, label: string) => html`<a href="${folderPath(folder)}${folder === INBOX ? '?' : '&'}start=${to}">${label}</a>`;
  const body = html`<h1>${title}</h1>
${threads.length === 0
  ? html`<p class="muted">${start === 0 ? EMPTY[folder] : 'No older messages.'}</p>`
  : html`<ul class="note-list thread-list">${threads.map((thread) => threadItem(thread, folder, person, people))}</ul>`}
${(older || start > 0) && html`<p class="muted load-more">${start > 0 && pageLink(Math.max(0, start - THREADS_PER_PAGE), 'Newer messages')}${start > 0 && older && ' · '}${older && pageLink(start + THREADS_PER_PAGE, 'Older messages')}</p>`}
<p><a class="button small" href="${COMPOSE_PATH}">Compose Message</a></p>`;
  return sendPage(reply, 200, inboxFrame({ title, viewer: person, tab: folder, unread, body }));
}

function threadItem(thread: MailboxThread, folder: FolderId, viewer: Person, people: ReadonlyMap<number, Person>): SafeHtml {
  const others = thread.participants.filter((uid) => uid !== viewer.uid);
  const unread = thread.unread > 0;
  // Unread threads stand out as on the platform: a bold subject and a marked count; read ones are plain.
  const subject = html`<a class="thread-subject" href="${threadPath(thread.threadId)}">${subjectText(thread.subject)}</a>`;
  const fromYou = thread.last.author === viewer.uid;
  return html`<li class="note-item thread-item${unread ? ' thread-unread' : ''}" data-thread="${thread.threadId}">
<p class="muted">${folder === SENT ? 'To ' : ''}${others.length === 0 ? 'Only you' : peopleLinks(people, others)} · <time datetime="${thread.updatedAt.toISOString()}">${timeText(thread.updatedAt)}</time></p>
<p>${unread ? html`<strong>${subject}</strong> <mark class="unread-mark">${thread.unread === 1 ? '1 new message' : `${thread.unread} new messages`}</mark>` : subject}${thread.messageCount > 1 && html` <span class="muted">(${thread.messageCount})</span>`}</p>
<p class="thread-snippet">${fromYou ? 'You: ' : others.length > 1 && thread.last.author !== null ? html`${personLink(people, thread.last.author)}: ` : ''}${snippetOf(thread.last.body)}</p>
</li>`;
}

// ---------------------------------------------------------------------------------------------
// Compose Message.

interface ComposeForm {
  readonly to: ReadonlySet<number>;
  readonly subject: string;
  readonly body: string;
}

async function friendsOf(services: Services, person: Person): Promise<Person[]> {
  const people = await services.people.findMany(await services.friends.friendsOf(person.uid));
  return people.sort((a, b) => displayName(a).localeCompare(displayName(b), 'en') || a.uid - b.uid);
}

async function showCompose({ reply, services, params, csrfToken }: PageContext, person: Person): Promise<FastifyReply> {
  const [friends, unread] = await Promise.all([friendsOf(services, person), unreadCount(services, person)]);
  const chosen = Number(params.get('id'));
  const to = new Set(friends.some((friend) => friend.uid === chosen) ? [chosen] : []);
  return sendPage(reply, 200, composeView(person, friends, { to, subject: '', body: '' }, undefined, csrfToken(), unread));
}

async function send({ reply, services, params, csrfToken }: PageContext, person: Person): Promise<FastifyReply> {
  const friends = await friendsOf(services, person);
  // Only the friends listed can be ticked; a box for anyone else is not on the form.
  const form: ComposeForm = {
    to: new Set(friends.filter((friend) => params.flag(`to_${friend.uid}`)).map((friend) => friend.uid)),
    subject: params.raw('subject') ?? '',
    body: params.raw('body') ?? '',
  };
  try {
    const threadId = await services.mailbox.send({ from: person.uid, to: [...form.to], subject: form.subject, body: form.body });
    return redirectTo(reply, 303, `${threadPath(threadId)}&sent=1`);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const problem = `${error.message[0]!.toUpperCase()}${error.message.slice(1)}. Your message is not sent yet.`;
    return sendPage(reply, 400, composeView(person, friends, form, problem, csrfToken(), await unreadCount(services, person)));
  }
}

function composeView(person: Person, friends: readonly Person[], form: ComposeForm, problem: string | undefined, token: string, unread: number): SafeHtml {
  const picker =
    friends.length === 0
      ? html`<p class="muted" id="to-hint">You can write to your friends, and you have none yet. <a href="${FRIENDS_PATH}">Find your friends</a>.</p>`
      : html`<fieldset class="field friend-picker" aria-describedby="to-hint">
<legend>To</legend>
<p class="hint" id="to-hint">Tick up to ${MAX_RECIPIENTS} of your friends.</p>
<ul class="note-list">${friends.map(
          (friend) => html`<li class="check"><input type="checkbox" id="to_${friend.uid}" name="to_${friend.uid}" value="1"${form.to.has(friend.uid) && html` checked`}><label for="to_${friend.uid}">${displayName(friend)}</label></li>`,
        )}</ul>
</fieldset>`;
  const body = html`<h1>Compose Message</h1>
${problemNotice(problem)}
<form method="post" action="${INBOX_PATH}?compose" class="compose-form">
${csrfField(token)}
${picker}
<div class="field"><label for="subject">Subject <span class="optional">(optional)</span></label>
<input type="text" id="subject" name="subject" value="${form.subject}" maxlength="${MAX_SUBJECT_LENGTH}"></div>
<div class="field"><label for="body">Message</label>
<textarea id="body" name="body" rows="6" maxlength="${MAX_BODY_LENGTH}" required>${form.body}</textarea></div>
<div class="actions"><button class="button" type="submit" name="${SEND_BUTTON}" value="1"${friends.length === 0 && html` disabled`}>Send</button></div>
</form>`;
  return inboxFrame({ title: 'Compose Message', viewer: person, tab: 'compose', unread, body });
}
