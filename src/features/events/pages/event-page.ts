/**
 * `/event.php?eid=N`: one event — its name, tagline, host, type, times (in the viewer's time zone),
 * place, description and creator; the guests in four lists; the viewer's answer with three buttons;
 * "Invite friends" for those events.invite would let invite; and the event's wall (place-wall.ts,
 * whose readers and writers the stream's rule for events decides: event-place.ts). The rules are
 * the events service's (event-visibility.ts): a SECRET event is the 404 page for everyone but its
 * guests, a CLOSED one shows its guests only to them. A cancelled event says so, with its
 * message, and takes no answers or invitations.
 *
 * The page's forms post back here: `rsvp` (attending, unsure, declined) is the person's own answer,
 * needing no app and no rsvp_event; `invite` invites the friends whose boxes are ticked.
 */
import { eventPictureUrl } from '../event-pictures.js';
import type { FastifyReply } from 'fastify';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { redirectTo, sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Services } from '../../feature.js';
import { loadPlaceWall, placeWallSection, type Place } from '../../home/place-wall.js';
import type { Person } from '../../people/records.js';
import { profilePath } from '../../sign-in/pages/account-nav.js';
import { displayName, signedInPerson } from '../../sign-in/pages/browser-sign-in.js';
import { MAX_EVENT_TEXT } from '../event-info.js';
import type { EventOnPage, PageRefusal } from '../event-service.js';
import { ANSWERS, type HearthEvent, type RsvpAnswer } from '../records.js';
import {
  EVENT_PAGE_PATH,
  eventPagePath,
  EVENTS_PAGE_PATH,
  eventsFrame,
  eventTime,
  GUEST_GROUPS,
  noSuchEvent,
  privacyLabel,
  problemNotice,
  readEid,
  statusText,
} from './event-page-parts.js';

/** The buttons of the answer form, in the order shown. */
const ANSWER_BUTTONS: ReadonlyArray<{ readonly value: RsvpAnswer; readonly label: string }> = [
  { value: 'attending', label: 'Attending' },
  { value: 'unsure', label: 'Maybe' },
  { value: 'declined', label: 'Not Attending' },
];

/** A friend's check box in the invitation form is named for them: `invite_500000002`. */
const INVITE_BOX = 'invite_';

export const eventPage = definePage({
  path: EVENT_PAGE_PATH,
  forms: 'checked',
  handler: (page) => answer(page),
});

async function answer(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const eid = readEid(params);
  if (eid === undefined) {
    const given = params.get('eid');
    return sendProblem(reply, {
      status: 400,
      title: 'Which event?',
      message: given === undefined ? 'This link does not say which event to show.' : `“${given}” is not an event id, so Hearth cannot tell which event to show.`,
      note: html`Links to events look like <code>${EVENT_PAGE_PATH}?eid=7</code>.`,
    });
  }
  const viewer = await signedInPerson(request, services);
  if (request.method === 'POST') {
    if (viewer === undefined) {
      return sendProblem(reply, { status: 403, title: 'Sign in first', message: 'Sign in to answer an invitation or to invite your friends.', startOver: { href: '/', label: 'Sign in' } });
    }
    if (params.flag('rsvp')) return rsvp(page, eid, viewer);
    if (params.flag('invite')) return invite(page, eid, viewer);
    return sendProblem(reply, { status: 400, title: 'Nothing to do', message: 'This form did not say what to do. Go back to the event and use one of its buttons.', startOver: { href: eventPagePath(eid), label: 'Back to the event' } });
  }
  const shown = await services.events.onPage(eid, viewer?.uid);
  if (shown === undefined) return noSuchEvent(reply);
  return show(page, viewer, shown);
}

async function rsvp({ reply, services, params }: PageContext, eid: number, viewer: Person): Promise<FastifyReply> {
  const value = params.get('rsvp');
  const status = ANSWERS.find((candidate) => candidate === value);
  if (status === undefined) {
    return sendProblem(reply, { status: 400, title: 'Not an answer', message: 'Answer Attending, Maybe or Not Attending.', startOver: { href: eventPagePath(eid), label: 'Back to the event' } });
  }
  const outcome = await services.events.answerOnPage(eid, viewer.uid, status);
  if (outcome === 'done') return redirectTo(reply, 303, eventPagePath(eid));
  return refused(reply, eid, outcome, 'This event takes answers only from the people invited.');
}

async function invite(page: PageContext, eid: number, viewer: Person): Promise<FastifyReply> {
  const { reply, services, params } = page;
  const shown = await services.events.onPage(eid, viewer.uid);
  if (shown === undefined) return noSuchEvent(reply);
  if (shown.event.cancelled) return refused(reply, eid, 'cancelled', '');
  if (!shown.mayInvite) return refused(reply, eid, 'not-allowed', inviteRule(shown.event));
  // Only the friends the form offered are read: a box named for anyone else is not one of them.
  const chosen = (await services.events.invitableFriends(eid, viewer.uid)).filter((uid) => params.flag(`${INVITE_BOX}${uid}`));
  const message = (params.raw('personal_message') ?? '').trim();
  if (chosen.length === 0) return show(page, viewer, shown, 'Choose at least one friend to invite.');
  if (message.length > MAX_EVENT_TEXT) return show(page, viewer, shown, `The message may be at most ${MAX_EVENT_TEXT} characters long.`);
  const outcome = await services.events.inviteOnPage(eid, viewer.uid, chosen, message);
  if (typeof outcome === 'string') return refused(reply, eid, outcome, inviteRule(shown.event));
  // Unfriended meanwhile, in another tab.
  if ('notFriends' in outcome) return show(page, viewer, shown, 'You can invite only your friends.');
  return redirectTo(reply, 303, `${eventPagePath(eid)}&invited=${outcome.invited.length}`);
}

function inviteRule(event: HearthEvent): string {
  return event.privacy === 'OPEN' ? 'Only the event’s guests can invite their friends to it.' : 'Only the person who made this event can invite people to it.';
}

function refused(reply: FastifyReply, eid: number, why: PageRefusal, notAllowed: string): FastifyReply {
  if (why === 'no-such-event') return noSuchEvent(reply);
  const back = { href: eventPagePath(eid), label: 'Back to the event' };
  if (why === 'cancelled') return sendProblem(reply, { status: 403, title: 'This event was cancelled', message: 'A cancelled event takes no answers and no invitations.', startOver: back });
  return sendProblem(reply, { status: 403, title: 'Not open to you', message: notAllowed, startOver: back });
}

async function show({ request, reply, services, params, csrfToken }: PageContext, viewer: Person | undefined, shown: EventOnPage, problem?: string): Promise<FastifyReply> {
  const { event } = shown;
  const uids = [...new Set([...(shown.guests ?? []).map((guest) => guest.uid), ...(event.creator === null ? [] : [event.creator])])];
  const place: Place = { id: event.eid, name: event.name, path: eventPagePath(event.eid) };
  const [people, madeBy, invitable, wall] = await Promise.all([
    services.people.findMany(uids),
    event.creator === null && event.appId !== null ? services.apps.findMany([event.appId]) : [],
    shown.mayInvite && viewer ? inviteChoices(services, event.eid, viewer) : [],
    loadPlaceWall(services, place, viewer, params.get('before')),
  ]);
  const names = new Map(people.map((person) => [person.uid, person]));
  const token = csrfToken();
  const invited = params.get('invited');
  const body = html`${viewer && html`<p class="note-trail muted"><a href="${EVENTS_PAGE_PATH}">Your events</a></p>`}
${event.pictureKey !== null && html`<img class="event-picture" src="${eventPictureUrl('', event, 'big')}" alt="">`}
<h1 class="event-name">${event.name}</h1>
${event.tagline && html`<p class="event-tagline">${event.tagline}</p>`}
${event.cancelled && html`<p class="notice info event-cancelled" role="status">This event was cancelled.${event.cancelMessage && html` “${event.cancelMessage}”`}</p>`}
${invited !== undefined && problem === undefined && html`<p class="notice success" role="status">${invited === '1' ? 'Your friend is invited.' : 'Your friends are invited.'}</p>`}
${details(event, viewer, names.get(event.creator ?? 0), madeBy[0]?.name)}
${event.description && html`<h2 class="section">Description</h2>
<p class="story-message event-description">${event.description}</p>`}
${!event.cancelled && answerBox(shown, viewer, token)}
${guestList(shown, viewer, names)}
${shown.mayInvite && viewer && inviteForm(event, invitable, token, problem)}
${placeWallSection(request, place, wall, viewer, token)}`;
  return sendPage(reply, problem === undefined ? 200 : 400, eventsFrame({ title: event.name, body, viewer }));
}

function details(event: HearthEvent, viewer: Person | undefined, creator: Person | undefined, appName: string | undefined): SafeHtml {
  const row = (name: string, value: SafeHtml | string) => html`<li><span class="property-name">${name}:</span> ${value}</li>`;
  const type = [event.eventType, event.eventSubtype].filter((part) => part !== '').join(' – ');
  return html`<ul class="attachment-properties event-details">
${event.host && row('Host', event.host)}
${type && row('Type', type)}
${row('Start time', eventTime(event.startTime, viewer))}
${row('End time', eventTime(event.endTime, viewer))}
${event.location && row('Location', event.location)}
${event.street && row('Street', event.street)}
${event.city && row('City', event.city)}
${event.phone && row('Phone', event.phone)}
${event.email && row('E-mail', event.email)}
${creator ? row('Created by', html`<a href="${profilePath(creator.uid)}">${displayName(creator)}</a>`) : appName && row('Created by', `the application ${appName}`)}
${row('Privacy', `${privacyLabel(event.privacy)} event`)}
</ul>`;
}

function answerBox(shown: EventOnPage, viewer: Person | undefined, token: string): SafeHtml {
  const heading = html`<h2 class="section" id="rsvp-title">Your answer</h2>`;
  if (viewer === undefined) return html`<section class="event-rsvp" aria-labelledby="rsvp-title">${heading}<p class="muted"><a href="/">Sign in</a> to answer.</p></section>`;
  if (!shown.mayAnswer) return html`<section class="event-rsvp" aria-labelledby="rsvp-title">${heading}<p class="muted">This event takes answers only from the people invited.</p></section>`;
  const current = shown.status;
  return html`<section class="event-rsvp" aria-labelledby="rsvp-title">${heading}
<p class="event-status">${current === undefined ? 'Will you attend?' : statusText(current)}</p>
<form class="inline-form" method="post" action="${eventPagePath(shown.event.eid)}">${csrfField(token)}${ANSWER_BUTTONS.map(({ value, label }) =>
    value === current
      ? html`<button class="button small" type="submit" name="rsvp" value="${value}" aria-pressed="true">${label}</button>`
      : html`<button class="button small secondary" type="submit" name="rsvp" value="${value}" aria-pressed="false">${label}</button>`,
  )}</form>
</section>`;
}

function guestList(shown: EventOnPage, viewer: Person | undefined, names: ReadonlyMap<number, Person>): SafeHtml {
  const heading = html`<h2 class="section" id="guests-title">Guests</h2>`;
  if (shown.guests === undefined) {
    const why = viewer === undefined ? html`<a href="/">Sign in</a> to see who is invited.` : 'Only the guests see who is invited to this event.';
    return html`<section class="event-guests" aria-labelledby="guests-title">${heading}<p class="muted">${why}</p></section>`;
  }
  const { guests } = shown;
  const groups = GUEST_GROUPS.map(({ status, heading: title }) => {
    const people = guests.flatMap((guest) => (guest.rsvpStatus === status && names.has(guest.uid) ? [names.get(guest.uid)!] : []));
    people.sort((a, b) => displayName(a).localeCompare(displayName(b)) || a.uid - b.uid);
    return people.length > 0 && html`<div class="fbml-box event-guest-group" data-status="${status}">
<h3 class="fbml-box-title">${title} (${people.length})</h3>
<div class="fbml-box-body"><ul class="friend-links">${people.map((person) => html`<li><a href="${profilePath(person.uid)}">${displayName(person)}</a></li>`)}</ul></div>
</div>`;
  });
  return html`<section class="event-guests" aria-labelledby="guests-title">${heading}<div class="profile-boxes">${groups}</div></section>`;
}

/** The viewer's friends who are not guests yet, by name. */
async function inviteChoices(services: Services, eid: number, viewer: Person): Promise<Person[]> {
  const people = await services.people.findMany(await services.events.invitableFriends(eid, viewer.uid));
  return people.sort((a, b) => displayName(a).localeCompare(displayName(b)) || a.uid - b.uid);
}

function inviteForm(event: HearthEvent, friends: readonly Person[], token: string, problem: string | undefined): SafeHtml {
  return html`<section class="event-invite" aria-labelledby="invite-title">
<h2 class="section" id="invite-title">Invite friends</h2>
${problemNotice(problem)}
${
  friends.length === 0
    ? html`<p class="muted">There is no friend of yours left to invite.</p>`
    : html`<form method="post" action="${eventPagePath(event.eid)}">${csrfField(token)}
<div class="event-invitees" role="group" aria-label="Friends to invite">
${friends.map((friend) => html`<div class="check"><input type="checkbox" id="${INVITE_BOX}${friend.uid}" name="${INVITE_BOX}${friend.uid}" value="1"><label for="${INVITE_BOX}${friend.uid}">${displayName(friend)}</label></div>`)}
</div>
<div class="field"><label for="personal_message">Message <span class="optional">(optional)</span></label><textarea id="personal_message" name="personal_message" rows="2" maxlength="${MAX_EVENT_TEXT}"></textarea></div>
<div class="actions"><button class="button" type="submit" name="invite" value="1">Invite</button></div>
</form>`
}
</section>`;
}
