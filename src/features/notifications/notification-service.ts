/**
 * The notifications' rules, shared by the API, the FQL table, the pages and other features.
 *
 * An app sends a notification either for the person in the session (`user_to_user`: shown with
 * the sender's name in front, to the sender's friends and the app's users) or as itself
 * (`app_to_user`, an announcement: to people who authorized the app). Each send is held to the
 * app's allocation (apps/allocations.ts): a sender's user_to_user notifications through one app in
 * the last day, a recipient's announcements from one app in the last week; the recipients in the
 * order named get it until the allocation is used up, the others are left out without an error.
 * A notification is kept for seven days. Other features tell people things through `notify`.
 */
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { allocationOf, DAY_SECONDS, WEEK_SECONDS } from '../apps/allocations.js';
import type { Services, Store } from '../feature.js';
import type { Person } from '../people/records.js';
import { htmlOfText, notificationMarkup } from './notification-markup.js';
import type { Allowance, Delivery, NotificationKind, StoredNotification } from './records.js';

export type { NotificationKind, StoredNotification } from './records.js';

/** How long the platform kept a notification. */
export const KEPT_SECONDS = WEEK_SECONDS;
/** The most FBML one notification may have. */
export const MAX_NOTIFICATION_LENGTH = 10_000;
/** The most notifications one read gives (the API, FQL, the page). */
export const MAX_READ = 1000;

/** What an app asks to send (notifications.send). */
export interface SendRequest {
  readonly appId: number;
  readonly kind: NotificationKind;
  /** The session user; required for user_to_user. */
  readonly sender: number | undefined;
  /** In the order named; empty with a sender: the sender alone. */
  readonly to: readonly number[];
  /** Stripped-down FBML. */
  readonly fbml: string;
}

/** What another feature tells people (an event cancelled, say), as plain text. */
export interface Notice {
  /** The app it is told through; null for the platform itself. */
  readonly appId: number | null;
  /** The person it is from, whose name comes first; null when it is from the app or the platform. */
  readonly from: number | null;
  readonly to: readonly number[];
  /** Plain text, after the sender's name when there is one: `cancelled the event …`. */
  readonly text: string;
  /** Where it leads: Hearth's own pages relative (/event.php?eid=…). */
  readonly href: string;
}

/** The counts of notifications.get that Hearth has (pokes and shares it has not). */
export interface NotificationCounts {
  readonly messages: { readonly unread: number; readonly mostRecent: number };
  readonly friendRequests: readonly number[];
  readonly groupInvites: readonly number[];
  readonly eventInvites: readonly number[];
}

const ago = (now: Date, seconds: number) => new Date(now.getTime() - seconds * 1000);

function nameLink(person: Person): { readonly html: string; readonly text: string } {
  const name = `${person.firstName} ${person.lastName}`;
  return { html: `<a href="/profile.php?id=${person.uid}">${htmlOfText(name)}</a>`, text: name };
}

export class NotificationService {
  readonly #store: Store;
  readonly #services: Services;

  /** `services` is read when used: events and groups are built before this feature, and ask it. */
  constructor(store: Store, services: Services) {
    this.#store = store;
    this.#services = services;
  }

  /**
   * Sends an app's notification; the uids it reached, in the order named. Throws
   * InvalidInputError when the markup is too long or leaves nothing to read.
   */
  async send(request: SendRequest, now = new Date()): Promise<number[]> {
    if (request.fbml.length > MAX_NOTIFICATION_LENGTH) throw new InvalidInputError(`longer than ${MAX_NOTIFICATION_LENGTH} characters`);
    const markup = await notificationMarkup(request.fbml, { appId: request.appId, senderUid: request.sender, services: this.#services });
    if (markup.text === '') throw new InvalidInputError('nothing to show: only text, links, fb:name and fb:pronoun are shown');
    const named = [...new Set(request.to.length === 0 && request.sender !== undefined ? [request.sender] : request.to)];
    const recipients = await this.#mayReceive(request, named);
    const [app] = await this.#services.apps.findMany([request.appId]);
    const sender = request.kind === 'user_to_user' && request.sender !== undefined ? await this.#services.people.find(request.sender) : undefined;
    const deliveries = recipients.map((uid): Delivery => {
      // The sender's own copy, and an announcement, carry no name in front.
      if (sender === undefined || uid === sender.uid) return { uid, titleHtml: markup.html, titleText: markup.text };
      const name = nameLink(sender);
      return { uid, titleHtml: `${name.html} ${markup.html}`, titleText: `${name.text} ${markup.text}` };
    });
    const allowance: Allowance =
      request.kind === 'user_to_user'
        ? { per: 'sender', limit: allocationOf(request.appId, 'notifications_per_day'), since: ago(now, DAY_SECONDS) }
        : { per: 'recipient', limit: allocationOf(request.appId, 'announcement_notifications_per_week'), since: ago(now, WEEK_SECONDS) };
    return this.#store.notifications.deliver(
      { sender: sender?.uid ?? null, appId: request.appId, kind: request.kind, bodyHtml: '', bodyText: '', href: app?.callbackUrl ?? '', at: now },
      deliveries,
      allowance,
    );
  }

  /** Of the people named, those who exist and may get it: friends of the sender or the app's users, or for an announcement its users. */
  async #mayReceive(request: SendRequest, named: readonly number[]): Promise<number[]> {
    if (named.length === 0) return [];
    const [people, users] = await Promise.all([this.#services.people.findMany(named), this.#services.grants.appUsersAmong(request.appId, named)]);
    const existing = new Set(people.map((person) => person.uid));
    const sender = request.sender;
    const friends = request.kind === 'user_to_user' && sender !== undefined ? await this.#services.friends.friendsAmong(sender, named) : new Set<number>();
    return named.filter((uid) => existing.has(uid) && (users.has(uid) || friends.has(uid) || (request.kind === 'user_to_user' && uid === sender)));
  }

  /**
   * Tells people something for another feature, outside any allocation (the platform's own news
   * about what they take part in); the uids told. Nobody is told twice, nor the sender.
   */
  async notify(notice: Notice, now = new Date()): Promise<number[]> {
    const to = [...new Set(notice.to)].filter((uid) => uid !== notice.from);
    if (to.length === 0) return [];
    const sender = notice.from === null ? undefined : await this.#services.people.find(notice.from);
    const name = sender && nameLink(sender);
    const delivery = (uid: number): Delivery =>
      name ? { uid, titleHtml: `${name.html} ${htmlOfText(notice.text)}`, titleText: `${name.text} ${notice.text}` } : { uid, titleHtml: htmlOfText(notice.text), titleText: notice.text };
    const existing = new Set((await this.#services.people.findMany(to)).map((person) => person.uid));
    return this.#store.notifications.deliver(
      { sender: sender?.uid ?? null, appId: notice.appId, kind: sender ? 'user_to_user' : 'app_to_user', bodyHtml: '', bodyText: '', href: notice.href, at: now },
      to.filter((uid) => existing.has(uid)).map(delivery),
      undefined,
    );
  }

  /** The person's notifications of the last seven days, newest first. */
  received(uid: number, options: { readonly includeRead: boolean; readonly changedSince?: Date }, now = new Date()): Promise<StoredNotification[]> {
    return this.#store.notifications.received(uid, { since: ago(now, KEPT_SECONDS), changedSince: options.changedSince, includeRead: options.includeRead, limit: MAX_READ });
  }

  /** What the person sent to others in the last seven days, newest first: one row per recipient. */
  sent(uid: number, now = new Date()): Promise<StoredNotification[]> {
    return this.#store.notifications.sent(uid, ago(now, KEPT_SECONDS), MAX_READ);
  }

  /** How many of the person's notifications they have not read (the top bar's count). */
  unreadCount(uid: number, now = new Date()): Promise<number> {
    return this.#store.notifications.unreadCount(uid, ago(now, KEPT_SECONDS));
  }

  /** The person has read these of their notifications (others' ids are ignored), or all of them. */
  async markRead(uid: number, ids: readonly number[] | 'all'): Promise<void> {
    await this.#store.notifications.markRead(uid, ids);
  }

  /**
   * notifications.get's sources: the Inbox's unread threads, friend requests waiting for the
   * person, groups they are invited to and have not joined, and events not yet over they were
   * invited to and have not answered.
   */
  async counts(uid: number, now = new Date()): Promise<NotificationCounts> {
    const { mailbox, friends, groups, events } = this.#services;
    const [unread, pending, memberships, own] = await Promise.all([mailbox.unreadSummary(uid), friends.pending(uid), groups.membershipsOf([uid]), events.ofPerson(uid)]);
    const nowSeconds = Math.floor(now.getTime() / 1000);
    return {
      messages: { unread: unread.unread, mostRecent: unread.mostRecentTime },
      friendRequests: [...new Set(pending.incoming.map((request) => request.fromUid))],
      groupInvites: memberships.filter((membership) => !membership.joined).map((membership) => membership.gid),
      eventInvites: own.filter(({ event, status }) => status === 'not_replied' && !event.cancelled && event.endTime > nowSeconds).map(({ event }) => event.eid),
    };
  }

  /** Removes notifications older than a week; how many went. */
  purge(now: Date): Promise<number> {
    return this.#store.notifications.deleteBefore(ago(now, KEPT_SECONDS));
  }
}
