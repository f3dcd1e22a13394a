/**
 * What the inbox pages (/inbox/ and /inbox/readmessage.php) share: their addresses, the tabs of
 * the Inbox (Inbox, Sent Messages, Updates, Compose Message), people's names, message bodies as
 * text, and the frame with the person's own tabs.
 */
import type { FastifyReply } from 'fastify';
import { renderPage } from '../../../http/page-kit/layout.js';
import type { PageParams } from '../../../http/page-kit/page-params.js';
import { sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Person } from '../../people/records.js';
import { accountNav, profilePath, signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { INBOX, SENT, UPDATES, type FolderId } from '../records.js';

export const INBOX_PATH = '/inbox/';
export const READ_MESSAGE_PATH = '/inbox/readmessage.php';
export const COMPOSE_PATH = `${INBOX_PATH}?compose`;

/** The folders as `?folder=` names them; the platform's own `[fb]…` names and the folder ids are read too. */
const FOLDER_WORDS: ReadonlyArray<readonly [FolderId, string]> = [
  [INBOX, 'messages'],
  [SENT, 'sent'],
  [UPDATES, 'updates'],
];

export function folderPath(folder: FolderId): string {
  return folder === INBOX ? INBOX_PATH : `${INBOX_PATH}?folder=${FOLDER_WORDS.find(([id]) => id === folder)![1]}`;
}

/** The folder `?folder=` names; the Inbox when none, undefined for one that is not a folder. */
export function readFolder(params: PageParams): FolderId | undefined {
  const text = params.get('folder')?.trim().toLowerCase().replace(/^\[fb\]/, '');
  if (text === undefined) return INBOX;
  return FOLDER_WORDS.find(([id, word]) => word === text || String(id) === text)?.[0];
}

/** The thread `?t=` names, when it is a thread id. */
export function readThreadId(params: PageParams): number | undefined {
  const text = params.get('t');
  return text !== undefined && /^[1-9]\d{0,14}$/.test(text) ? Number(text) : undefined;
}

export function threadPath(threadId: number): string {
  return `${READ_MESSAGE_PATH}?t=${threadId}`;
}

export type InboxTab = FolderId | 'compose';

const TABS: ReadonlyArray<{ readonly tab: InboxTab; readonly label: string; readonly href: string }> = [
  { tab: INBOX, label: 'Inbox', href: folderPath(INBOX) },
  { tab: SENT, label: 'Sent Messages', href: folderPath(SENT) },
  { tab: UPDATES, label: 'Updates', href: folderPath(UPDATES) },
  { tab: 'compose', label: 'Compose Message', href: COMPOSE_PATH },
];

/** The Inbox's tabs; the Inbox's shows how many threads are unread. */
export function inboxTabs(current: InboxTab | undefined, unread: number): SafeHtml {
  return html`<nav class="tabs inbox-tabs" aria-label="Messages">${TABS.map(({ tab, label, href }) => {
    const text = tab === INBOX && unread > 0 ? `${label} (${unread})` : label;
    return tab === current ? html`<a href="${href}" aria-current="page">${text}</a>` : html`<a href="${href}">${text}</a>`;
  })}</nav>`;
}

export interface InboxFrame {
  readonly title: string;
  readonly viewer: Person;
  readonly tab: InboxTab | undefined;
  /** Unread threads in the viewer's Inbox, for its tab. */
  readonly unread: number;
  readonly body: SafeHtml;
}

export function inboxFrame(frame: InboxFrame): SafeHtml {
  const body = html`${accountNav(undefined, frame.viewer)}
${inboxTabs(frame.tab, frame.unread)}
${frame.body}
${signedInLine(frame.viewer)}`;
  return renderPage({ title: frame.title, body, wide: true, topNote: displayName(frame.viewer) });
}

/** A person's name linked to their profile; someone whose account is gone is named so. */
export function personLink(people: ReadonlyMap<number, Person>, uid: number | null): SafeHtml {
  const person = uid === null ? undefined : people.get(uid);
  return person === undefined ? html`<span class="muted">Someone no longer on Hearth</span>` : html`<a href="${profilePath(person.uid)}">${displayName(person)}</a>`;
}

/** A list of people's names, linked, with commas and “and”. */
export function peopleLinks(people: ReadonlyMap<number, Person>, uids: readonly number[]): SafeHtml {
  const links = uids.map((uid) => personLink(people, uid));
  if (links.length <= 1) return html`${links}`;
  return html`${links.slice(0, -1).map((link, index) => html`${index > 0 && ', '}${link}`)} and ${links[links.length - 1]}`;
}

/** A subject as shown: the thread's own, or a plain mark when it has none. */
export function subjectText(subject: string): string {
  return subject === '' ? '(no subject)' : subject;
}

/** A message's text: escaped, its lines kept as lines. */
export function bodyHtml(body: string): SafeHtml {
  return html`${body.split('\n').map((line, index) => html`${index > 0 && html`<br>`}${line}`)}`;
}

export function noSuchThread(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, {
    status: 404,
    title: 'No such message',
    message: 'This message does not exist, or you are not one of the people it was sent to.',
    startOver: { href: INBOX_PATH, label: 'Go to your Inbox' },
  });
}

/** A notice above a form: what went wrong with what was sent. */
export function problemNotice(message: string | undefined): SafeHtml | undefined {
  return message === undefined ? undefined : html`<p class="notice error" role="alert">${message}</p>`;
}
