/**
 * What the event pages (event.php, events.php, createevent.php) share: their paths, reading an
 * eid, event times as a viewer reads and types them, the labels of answers and privacy, and the
 * frame with the viewer's tabs.
 */
import type { FastifyReply } from 'fastify';
import { renderPage } from '../../../http/page-kit/layout.js';
import type { PageParams } from '../../../http/page-kit/page-params.js';
import { sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Person } from '../../people/records.js';
import { accountNav, signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { eventPath } from '../event-place.js';
import { momentOf, storedTimeOf } from '../event-times.js';
import type { EventPrivacy, RsvpStatus } from '../records.js';

export const EVENT_PAGE_PATH = '/event.php';
export const EVENTS_PAGE_PATH = '/events.php';
export const CREATE_EVENT_PATH = '/createevent.php';

/** An event's page: the one its wall's posts link to (event-place.ts). */
export const eventPagePath: (eid: number) => string = eventPath;

/** The eid of `?eid=`, when it is one (events start at 1). */
export function readEid(params: PageParams): number | undefined {
  const text = params.get('eid');
  return text !== undefined && /^[1-9]\d{0,14}$/.test(text) ? Number(text) : undefined;
}

export function noSuchEvent(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, {
    status: 404,
    title: 'No such event',
    message: 'This event does not exist, or you cannot see it.',
    startOver: { href: EVENTS_PAGE_PATH, label: 'Go to your events' },
  });
}

/** The guest lists in the order the event page shows them, with their headings. */
export const GUEST_GROUPS: ReadonlyArray<{ readonly status: RsvpStatus; readonly heading: string }> = [
  { status: 'attending', heading: 'Attending' },
  { status: 'unsure', heading: 'Maybe Attending' },
  { status: 'declined', heading: 'Not Attending' },
  { status: 'not_replied', heading: 'Awaiting Reply' },
];

/** The viewer's own status in words. */
export function statusText(status: RsvpStatus): string {
  switch (status) {
    case 'attending':
      return 'You are attending.';
    case 'unsure':
      return 'You might attend.';
    case 'declined':
      return 'You are not attending.';
    case 'not_replied':
      return 'You are invited and have not replied yet.';
  }
}

export const PRIVACY_CHOICES: ReadonlyArray<{ readonly value: EventPrivacy; readonly label: string; readonly hint: string }> = [
  { value: 'OPEN', label: 'Open', hint: 'Anyone can see the event, its guests and its wall, and answer.' },
  { value: 'CLOSED', label: 'Closed', hint: 'Anyone can see the event; only guests see who is invited and the wall, and only the people invited answer.' },
  { value: 'SECRET', label: 'Secret', hint: 'Only the people invited know the event exists.' },
];

export function privacyLabel(privacy: EventPrivacy): string {
  return PRIVACY_CHOICES.find((choice) => choice.value === privacy)?.label ?? privacy;
}

// One formatter for every call; the moment is shifted to the viewer's wall clock first.
const WALL_CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The furthest stored time a date is drawn for, in seconds: a day short of the end of JavaScript's dates. */
const LAST_DRAWN_TIME = 8.64e12 - 86_400;

/** "GMT−7", "GMT+5:30", "GMT". */
export function zoneLabel(hours: number): string {
  if (hours === 0) return 'GMT';
  const minutes = Math.round(Math.abs(hours) * 60);
  const rest = minutes % 60;
  return `GMT${hours < 0 ? '−' : '+'}${Math.floor(minutes / 60)}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

/** Where the viewer's times are: their time zone when Hearth knows it, else the platform's Pacific time. */
export function zoneOf(viewer: Person | undefined): string {
  return viewer?.timezone == null ? 'Pacific Time' : zoneLabel(viewer.timezone);
}

/**
 * A stored event time in the viewer's time zone ("Friday, 14 May 2010 at 19:30 GMT−7"); for a
 * viewer without one, the stored Pacific wall clock as it is.
 */
export function eventTime(stored: number, viewer: Person | undefined): SafeHtml {
  // The API takes any 16-digit time; the calendar ends 100 million days after 1970.
  if (Math.abs(stored) > LAST_DRAWN_TIME) return html`<span>Unix time ${stored}, beyond the calendar</span>`;
  const moment = momentOf(stored);
  const timezone = viewer?.timezone ?? null;
  const wall = timezone === null ? new Date(stored * 1000) : new Date(moment.getTime() + timezone * 3_600_000);
  return html`<time datetime="${moment.toISOString()}">${WALL_CLOCK.format(wall)} ${zoneOf(viewer)}</time>`;
}

/**
 * The stored time of a date (`2010-05-14`) and time (`19:30`) typed in the viewer's time zone (or
 * Pacific time, without one); undefined when they are not a date and a time.
 */
export function storedTimeFromForm(date: string, time: string, viewer: Person): number | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const clock = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (day === null || clock === null) return undefined;
  const [year, month, dayOfMonth, hour, minute, second] = [day[1], day[2], day[3], clock[1], clock[2], clock[3] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (year < 1000 || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(year, month - 1, dayOfMonth, hour, minute, second);
  // 31 February and the like roll over into the next month: not a date.
  if (new Date(wall).getUTCDate() !== dayOfMonth || new Date(wall).getUTCMonth() !== month - 1) return undefined;
  if (viewer.timezone === null) return wall / 1000;
  return storedTimeOf(new Date(wall - viewer.timezone * 3_600_000));
}

export interface EventsFrame {
  readonly title: string;
  readonly body: SafeHtml;
  readonly viewer: Person | undefined;
}

/** The event pages' frame: the signed-in person's tabs on top, who is signed in below. */
export function eventsFrame(frame: EventsFrame): SafeHtml {
  const { viewer } = frame;
  const body = html`${viewer && accountNav(undefined, viewer)}
${frame.body}
${viewer && signedInLine(viewer)}`;
  return renderPage({ title: frame.title, body, wide: true, topNote: viewer && displayName(viewer) });
}

/** A notice above a form: what went wrong with what was sent. */
export function problemNotice(message: string | undefined): SafeHtml | undefined {
  return message === undefined ? undefined : html`<p class="notice error" role="alert">${message}</p>`;
}
