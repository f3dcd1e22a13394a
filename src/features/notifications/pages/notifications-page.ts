/**
 * `/notifications.php`: a signed-in person's notifications of the last seven days, newest first —
 * each with what it says (a person's starts with their name), the app it came through and when;
 * the ones not read before are marked. Opening the page reads them all, as opening the platform's
 * notifications did, so the top bar's count is gone on the page itself. Below, the notifications
 * the person sent others through apps. A visitor gets the sign-in form here.
 */
import type { FastifyReply } from 'fastify';
import { renderPage } from '../../../http/page-kit/layout.js';
import type { PageContext } from '../../../http/page-kit/define-page.js';
import { sendPage } from '../../../http/page-kit/page-replies.js';
import { html, trustedHtml, type SafeHtml } from '../../../http/page-kit/templates.js';
import { timeText } from '../../../http/page-kit/time-text.js';
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { accountNav, profilePath, signedInLine } from '../../sign-in/pages/account-nav.js';
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import type { StoredNotification } from '../records.js';

export const NOTIFICATIONS_PATH = '/notifications.php';

/** The page shows this many of each list; the API reads the rest. */
export const SHOWN = 100;

export const notificationsPage = defineAccountPage({
  path: NOTIFICATIONS_PATH,
  heading: 'Your notifications',
  reason: 'Sign in to see what your friends and your applications have told you.',
  actions: [],
  show: (page, person) => showNotifications(page, person),
  // No form changes anything here: a POST is the sign-in form's.
  change: (page, person) => showNotifications(page, person),
});

/** A link apps may lead to: Hearth's own pages and http(s) addresses only. */
function linkable(href: string): boolean {
  return /^https?:\/\//i.test(href) || (href.startsWith('/') && !href.startsWith('//'));
}

function appName(apps: ReadonlyMap<number, App>, notification: StoredNotification): string {
  const app = notification.appId === null ? undefined : apps.get(notification.appId);
  return app?.name ?? 'Hearth';
}

function when(date: Date): SafeHtml {
  return html`<time datetime="${date.toISOString()}">${timeText(date)}</time>`;
}

function receivedItem(notification: StoredNotification, apps: ReadonlyMap<number, App>): SafeHtml {
  const from = appName(apps, notification);
  const source = linkable(notification.href) ? html`<a href="${notification.href}">${from}</a>` : from;
  // The title was made safe when it was sent: text and links only (notification-markup.ts).
  return html`<li class="note-item notification-item${notification.unread ? ' notification-unread' : ''}" data-notification="${String(notification.notificationId)}">
<p>${notification.unread && html`<mark class="unread-mark">New</mark> `}${trustedHtml(notification.titleHtml)}</p>
<p class="muted">${source} · ${when(notification.createdAt)}</p>
</li>`;
}

/** One send to several people is one item, naming them all. */
interface SentItem {
  readonly first: StoredNotification;
  readonly recipients: number[];
}

function sentItems(sent: readonly StoredNotification[]): SentItem[] {
  const items: SentItem[] = [];
  for (const notification of sent) {
    const last = items[items.length - 1];
    const same = last && last.first.createdAt.getTime() === notification.createdAt.getTime() && last.first.appId === notification.appId && last.first.bodyText === notification.bodyText;
    if (same && notification.recipient !== notification.sender) last.recipients.push(notification.recipient);
    else items.push({ first: notification, recipients: [notification.recipient] });
  }
  return items;
}

function sentItem(item: SentItem, apps: ReadonlyMap<number, App>, people: ReadonlyMap<number, Person>): SafeHtml {
  const names = item.recipients.map((uid) => {
    const person = people.get(uid);
    return person ? html`<a href="${profilePath(uid)}">${displayName(person)}</a>` : html`someone no longer on Hearth`;
  });
  return html`<li class="note-item notification-item">
<p>${trustedHtml(item.first.titleHtml)}</p>
<p class="muted">To ${names.map((name, index) => html`${index > 0 && ', '}${name}`)} · ${appName(apps, item.first)} · ${when(item.first.createdAt)}</p>
</li>`;
}

async function showNotifications({ reply, services }: PageContext, person: Person): Promise<FastifyReply> {
  const { notifications } = services;
  const [received, sent] = await Promise.all([notifications.received(person.uid, { includeRead: true }), notifications.sent(person.uid)]);
  const shown = received.slice(0, SHOWN);
  const ownCopies = sent.filter((notification) => notification.recipient !== person.uid);
  const items = sentItems(ownCopies).slice(0, SHOWN);
  const appIds = [...new Set([...shown, ...ownCopies].flatMap((notification) => (notification.appId === null ? [] : [notification.appId])))];
  const [apps, people] = await Promise.all([
    services.apps.findMany(appIds),
    services.people.findMany([...new Set(items.flatMap((item) => item.recipients))]),
  ]);
  const appsById = new Map(apps.map((app) => [app.appId, app]));
  const peopleById = new Map(people.map((someone) => [someone.uid, someone]));
  // Shown once as new, then read: the page is where they are read.
  if (received.some((notification) => notification.unread)) await notifications.markRead(person.uid, 'all');
  const body = html`${accountNav(undefined, person)}
<h1>Notifications</h1>
${shown.length === 0
  ? html`<p class="muted">No notifications in the last week.</p>`
  : html`<ul class="note-list notification-list">${shown.map((notification) => receivedItem(notification, appsById))}</ul>`}
${items.length > 0 && html`<h2>Sent notifications</h2>
<ul class="note-list notification-list sent-notifications">${items.map((item) => sentItem(item, appsById, peopleById))}</ul>`}
${signedInLine(person)}`;
  return sendPage(reply, 200, renderPage({ title: 'Notifications', body, wide: true, topNote: displayName(person) }));
}
