/**
 * The FQL tables `event` and `event_member`, read by the rule of the events methods
 * (event-visibility.ts): without a session only the app's events and guests who authorized it;
 * a SECRET event only for its guests; the guests of a CLOSED or SECRET event only for its guests.
 */
import { column, defineFqlTable } from '../../fql/table.js';
import { bool, int, string, struct, time } from '../../fql/types.js';
import { eventPictureUrl } from './event-pictures.js';
import { creatorOf, venueOf } from './event-values.js';
import type { EventMember, HearthEvent } from './records.js';

const venueType = struct({ street: string, city: string, state: string, country: string });

export const eventTable = defineFqlTable<HearthEvent, undefined>({
  name: 'event',
  summary: 'Events by eid.',
  privacyDoc: 'Events not cancelled that the viewer may see: OPEN and CLOSED ones, SECRET ones only by their guests. Without a session, only events the app made.',
  session: 'optional',
  key: ['eid'],
  columns: {
    eid: column(int, 'the event id', (event) => event.eid, { index: true }),
    name: column(string, 'its title', (event) => event.name),
    tagline: column(string, 'its slogan', (event) => event.tagline),
    nid: column(int, 'its network; 0, global', () => 0),
    pic_small: column(string, 'its picture, at most 50 pixels wide; empty without one', (event, _facts, context) => eventPictureUrl(context.origin, event, 'small')),
    pic_big: column(string, 'its picture, at most 200 pixels wide', (event, _facts, context) => eventPictureUrl(context.origin, event, 'big')),
    pic: column(string, 'its picture, at most 100 pixels wide', (event, _facts, context) => eventPictureUrl(context.origin, event, 'normal')),
    pic_square: column(string, 'its picture cropped to 50 × 50', (event, _facts, context) => eventPictureUrl(context.origin, event, 'square')),
    host: column(string, 'the host’s name, as given', (event) => event.host),
    description: column(string, 'what it is', (event) => event.description),
    event_type: column(string, 'the category’s name, e.g. Party', (event) => event.eventType),
    event_subtype: column(string, 'the subcategory’s name, e.g. Cocktail Party', (event) => event.eventSubtype),
    start_time: column(time, 'as the app sent it', (event) => event.startTime),
    end_time: column(time, 'as the app sent it', (event) => event.endTime),
    creator: column(int, 'the person who made it; the app for an event made without a session', (event) => creatorOf(event)),
    update_time: column(time, 'its last change', (event) => event.updateTime),
    location: column(string, 'the place’s name', (event) => event.location),
    venue: column(venueType, 'street and city as given (state and country are not derived)', (event) => venueOf(event)),
    privacy: column(string, 'OPEN, CLOSED or SECRET', (event) => event.privacy),
    hide_guest_list: column(bool, 'always false', () => false),
    show_in_search: column(bool, 'false for SECRET events', (event) => event.privacy !== 'SECRET'),
  },
  fetch: async (_name, values, context) =>
    context.services.events.visible({ uid: context.viewer, appId: context.app.appId }, values.map(Number).filter(Number.isSafeInteger)),
  facts: async () => undefined,
});

export const eventMemberTable = defineFqlTable<EventMember, undefined>({
  name: 'event_member',
  summary: 'Guests of events and their RSVP status: by event, or a person’s events.',
  privacyDoc: 'Guests of events the viewer may see; of a CLOSED or SECRET event only for its guests. Without a session, only the app’s events and guests who authorized the app.',
  session: 'optional',
  key: ['uid', 'eid'],
  columns: {
    uid: column(int, 'the guest', (member) => member.uid, { index: true }),
    eid: column(int, 'the event', (member) => member.eid, { index: true }),
    rsvp_status: column(string, 'attending, unsure, declined or not_replied', (member) => member.rsvpStatus),
  },
  fetch: async (name, values, context) => {
    const reader = { uid: context.viewer, appId: context.app.appId };
    const ids = values.map(Number).filter(Number.isSafeInteger);
    const eids = name === 'eid' ? ids : (await Promise.all(ids.map((uid) => context.services.events.eventsOfPerson(uid)))).flat().map((member) => member.eid);
    const events = await context.services.events.visible(reader, [...new Set(eids)]);
    const guests = await context.services.events.guests(reader, events);
    return name === 'eid' ? guests : guests.filter((guest) => ids.includes(guest.uid));
  },
  facts: async () => undefined,
});
