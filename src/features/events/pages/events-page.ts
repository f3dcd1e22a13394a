/**
 * `/events.php`: the signed-in person's upcoming events — invitations awaiting their reply first,
 * then those they attend, then those they might — each linked to event.php with its start time in
 * the person's time zone; `?past=1` lists the events that are over, latest first. Events they
 * declined are not listed; cancelled ones are, marked so. A visitor gets the sign-in form here.
 */
import { eventPictureUrl } from '../event-pictures.js';
import type { FastifyReply } from 'fastify';
import { type PageContext } from '../../../http/page-kit/define-page.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Person } from '../../people/records.js';
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import type { PersonsEvent } from '../event-service.js';
import { storedTimeOf } from '../event-times.js';
import type { RsvpStatus } from '../records.js';
import { CREATE_EVENT_PATH, eventPagePath, EVENTS_PAGE_PATH, eventsFrame, eventTime } from './event-page-parts.js';

/** The upcoming lists, in the order shown. */
const UPCOMING: ReadonlyArray<{ readonly status: RsvpStatus; readonly heading: string; readonly id: string }> = [
  { status: 'not_replied', heading: 'Invitations', id: 'invitations' },
  { status: 'attending', heading: 'Attending', id: 'attending' },
  { status: 'unsure', heading: 'Maybe', id: 'maybe' },
];

const PAST_STATUS: Readonly<Record<RsvpStatus, string>> = {
  attending: 'You attended',
  unsure: 'You might have attended',
  declined: 'You did not attend',
  not_replied: 'You did not reply',
};

export const eventsListPage = defineAccountPage({
  path: EVENTS_PAGE_PATH,
  heading: 'Your events',
  reason: 'Sign in to see the events you are invited to and make your own.',
  // Nothing here is posted but the sign-in form.
  actions: [],
  show: (page, person) => showEvents(page, person),
  change: async ({ reply }) => redirectTo(reply, 303, EVENTS_PAGE_PATH),
});

async function showEvents({ reply, services, params }: PageContext, person: Person): Promise<FastifyReply> {
  const now = storedTimeOf(new Date());
  const mine = (await services.events.ofPerson(person.uid)).filter((entry) => entry.status !== 'declined');
  const past = params.flag('past');
  const title = past ? 'Your past events' : 'Your events';
  const create = html`<p><a class="button small" href="${CREATE_EVENT_PATH}">Create an event</a></p>`;
  if (past) {
    const over = mine.filter((entry) => entry.event.endTime < now).reverse();
    const body = html`<h1>${title}</h1>
${create}
${over.length === 0 ? html`<p class="muted">No past events.</p>` : html`<ul class="note-list event-list">${over.map((entry) => eventItem(entry, person, PAST_STATUS[entry.status]))}</ul>`}
<p class="muted"><a href="${EVENTS_PAGE_PATH}">Upcoming events</a></p>`;
    return sendPage(reply, 200, eventsFrame({ title, body, viewer: person }));
  }
  const upcoming = mine.filter((entry) => entry.event.endTime >= now);
  const lists = UPCOMING.map(({ status, heading, id }) => {
    const entries = upcoming.filter((entry) => entry.status === status);
    return (
      entries.length > 0 &&
      html`<section class="event-group" aria-labelledby="events-${id}">
<h2 class="section" id="events-${id}">${heading} <span class="muted">(${entries.length})</span></h2>
<ul class="note-list event-list">${entries.map((entry) => eventItem(entry, person))}</ul>
</section>`
    );
  });
  const body = html`<h1>${title}</h1>
${create}
${upcoming.length === 0 ? html`<p class="muted">No upcoming events. Make one, or wait for an invitation.</p>` : lists}
<p class="muted"><a href="${EVENTS_PAGE_PATH}?past=1">Past events</a></p>`;
  return sendPage(reply, 200, eventsFrame({ title, body, viewer: person }));
}

function eventItem({ event }: PersonsEvent, person: Person, note?: string): SafeHtml {
  const where = [event.location, event.city].filter((part) => part !== '').join(', ');
  return html`<li class="note-item event-item">
${event.pictureKey !== null && html`<img class="event-square" src="${eventPictureUrl('', event, 'square')}" alt="" width="50" height="50">`}
<a class="note-item-title" href="${eventPagePath(event.eid)}">${event.name}</a>${event.cancelled && html` <span class="muted">(cancelled)</span>`}
<p class="muted">${eventTime(event.startTime, person)}${where && ` · ${where}`}${note && ` · ${note}`}</p>
</li>`;
}
