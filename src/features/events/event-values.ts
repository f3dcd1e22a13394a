/** An event as events.get writes it: the platform's fields in its order. */
import type { ApiObject } from '../../wire/values.js';
import { eventPictureUrl } from './event-pictures.js';
import type { HearthEvent } from './records.js';

/** For app-made events the creator is the app. */
export function creatorOf(event: HearthEvent): number | null {
  return event.creator ?? event.appId;
}

/** Street and city as given; Hearth places no city, so state and country stay empty. */
export function venueOf(event: HearthEvent): { street: string; city: string; state: string; country: string } {
  return { street: event.street, city: event.city, state: '', country: '' };
}

export function eventValue(origin: string, event: HearthEvent): ApiObject {
  return {
    eid: event.eid,
    name: event.name,
    tagline: event.tagline,
    nid: 0,
    // Empty for an event without a picture, as the platform answered.
    pic: eventPictureUrl(origin, event, 'normal'),
    pic_big: eventPictureUrl(origin, event, 'big'),
    pic_small: eventPictureUrl(origin, event, 'small'),
    host: event.host,
    description: event.description,
    event_type: event.eventType,
    event_subtype: event.eventSubtype,
    start_time: event.startTime,
    end_time: event.endTime,
    creator: creatorOf(event),
    update_time: event.updateTime,
    location: event.location,
    venue: venueOf(event),
    privacy: event.privacy,
    hide_guest_list: false,
    show_in_search: event.privacy !== 'SECRET',
  };
}
