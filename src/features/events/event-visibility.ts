/**
 * Who sees an event and its guest list. A call without a session sees only the events its app made.
 * With one: an OPEN event everyone sees, guests and all; a CLOSED one everyone sees, but only its
 * guests read who else is invited; a SECRET one exists only for its guests.
 */
import type { HearthEvent } from './records.js';

export interface EventReader {
  /** The session user; undefined for an app calling without a session. */
  readonly uid: number | undefined;
  readonly appId: number;
}

export function maySeeEvent(reader: EventReader, event: HearthEvent, isGuest: boolean): boolean {
  if (reader.uid === undefined) return event.appId === reader.appId;
  return event.privacy !== 'SECRET' || isGuest || event.creator === reader.uid;
}

export function mayListGuests(reader: EventReader, event: HearthEvent, isGuest: boolean): boolean {
  if (!maySeeEvent(reader, event, isGuest)) return false;
  return reader.uid === undefined || event.privacy === 'OPEN' || isGuest || event.creator === reader.uid;
}
