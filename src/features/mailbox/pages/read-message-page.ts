/**
 * `/inbox/readmessage.php?t=THREAD`: one thread for a person in it — its subject, who is in it,
 * every message with its author and time, and a box to reply, posted with the CSRF token and
 * answered with a 303 back here. Opening the thread reads it: its messages are no longer counted
 * as unread. Someone not in the thread, like a thread that does not exist, gets 404 — the page
 * tells nobody which threads exist. `&sent=1` (after Compose Message) says the message went.
 */
import type { FastifyReply } from 'fastify';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import type { PageContext } from '../../../http/page-kit/define-page.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { timeText } from '../../../http/page-kit/time-text.js';
import type { Person } from '../../people/records.js';
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import { MAX_BODY_LENGTH, MAX_MESSAGES_PER_THREAD, type ThreadReading } from '../mailbox-service.js';
import { messageIdOf } from '../mailbox-values.js';
import { INBOX, SENT } from '../records.js';
import { bodyHtml, INBOX_PATH, inboxFrame, noSuchThread, peopleLinks, personLink, problemNotice, readThreadId, READ_MESSAGE_PATH, subjectText, threadPath } from './inbox-page-parts.js';

const REPLY_BUTTON = 'reply';

export const readMessagePage = defineAccountPage({
  path: READ_MESSAGE_PATH,
  heading: 'Your Inbox',
  reason: 'Sign in to read your messages.',
  actions: [REPLY_BUTTON],
  show: (page, person) => showThread(page, person),
  change: (page, person) => reply(page, person),
});

async function showThread(page: PageContext, person: Person): Promise<FastifyReply> {
  const threadId = readThreadId(page.params);
  // Signing in here comes back without the thread: the Inbox is where to go on.
  if (threadId === undefined) return page.params.get('t') === undefined ? redirectTo(page.reply, 303, INBOX_PATH) : noSuchThread(page.reply);
  const reading = await page.services.mailbox.open(person.uid, threadId);
  if (reading === undefined) return noSuchThread(page.reply);
  return sendPage(page.reply, 200, await threadView(page, person, reading, { notice: page.params.flag('sent') ? 'Your message was sent.' : undefined, text: '' }));
}

async function reply(page: PageContext, person: Person): Promise<FastifyReply> {
  const threadId = readThreadId(page.params);
  if (threadId === undefined) return noSuchThread(page.reply);
  const text = page.params.raw('body') ?? '';
  let problem: string | undefined;
  try {
    const outcome = await page.services.mailbox.reply(person.uid, threadId, text);
    if (outcome === 'done') return redirectTo(page.reply, 303, threadPath(threadId));
    if (outcome === 'no-such-thread') return noSuchThread(page.reply);
    problem = `This conversation has reached ${MAX_MESSAGES_PER_THREAD} messages and takes no more. Write a new message to go on.`;
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    problem = `${error.message[0]!.toUpperCase()}${error.message.slice(1)}. Your reply is not sent yet.`;
  }
  const reading = await page.services.mailbox.read(person.uid, threadId);
  if (reading === undefined) return noSuchThread(page.reply);
  return sendPage(page.reply, 400, await threadView(page, person, reading, { problem, text }));
}

async function threadView(
  { services, csrfToken }: PageContext,
  person: Person,
  { thread, messages }: ThreadReading,
  state: { readonly notice?: string; readonly problem?: string; readonly text: string },
): Promise<SafeHtml> {
  const uids = new Set([...thread.participants, ...messages.flatMap((message) => (message.author === null ? [] : [message.author]))]);
  const [found, summary] = await Promise.all([services.people.findMany([...uids]), services.mailbox.unreadSummary(person.uid)]);
  const people = new Map(found.map((someone) => [someone.uid, someone]));
  const others = thread.participants.filter((uid) => uid !== person.uid);
  const title = subjectText(thread.subject);
  const full = thread.messageCount >= MAX_MESSAGES_PER_THREAD;
  const body = html`<p class="note-trail muted"><a href="${thread.inInbox ? INBOX_PATH : `${INBOX_PATH}?folder=sent`}">${thread.inInbox ? 'Inbox' : 'Sent Messages'}</a></p>
<h1>${title}</h1>
${state.notice && html`<p class="notice success" role="status">${state.notice}</p>`}
<p class="muted">Between you and ${others.length === 0 ? 'nobody else' : peopleLinks(people, others)}</p>
<ol class="note-list message-list">${messages.map(
    (message) => html`<li class="note-item message-item" id="m${message.position}" data-message="${messageIdOf(message.threadId, message.position)}">
<p class="muted">${personLink(people, message.author)} · <time datetime="${message.createdAt.toISOString()}">${timeText(message.createdAt)}</time></p>
<p class="message-body">${bodyHtml(message.body)}</p>
</li>`,
  )}</ol>
${problemNotice(state.problem)}
${full
  ? html`<p class="muted">This conversation has reached ${MAX_MESSAGES_PER_THREAD} messages and takes no more replies.</p>`
  : html`<form method="post" action="${threadPath(thread.threadId)}" class="reply-form">
${csrfField(csrfToken())}
<div class="field"><label for="body">Reply</label>
<textarea id="body" name="body" rows="4" maxlength="${MAX_BODY_LENGTH}" required>${state.text}</textarea></div>
<div class="actions"><button class="button" type="submit" name="${REPLY_BUTTON}" value="1">Reply</button></div>
</form>`}`;
  return inboxFrame({ title, viewer: person, tab: thread.inInbox ? INBOX : thread.inSent ? SENT : undefined, unread: summary.unread, body });
}
