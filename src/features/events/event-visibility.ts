/**
 * Who sees an event and its guest list, who may answer and who may invite. A call without a
 * session sees only the events its app made. With one: an OPEN event everyone sees, guests and
 * all; a CLOSED one everyone sees, but only its guests read who else is invited; a SECRET one
 * exists only for its guests. Hearth's own pages follow the same rules for the person signed in;
 * a visitor nobody signed in as sees OPEN and CLOSED events, and no guest list.
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

/** On Hearth's pages; `viewer` undefined is a visitor nobody signed in as. */
export function viewerMaySee(viewer: number | undefined, event: HearthEvent, isGuest: boolean): boolean {
  return event.privacy !== 'SECRET' || (viewer !== undefined && (isGuest || event.creator === viewer));
}

/** On Hearth's pages: whom people know is for people signed in, as on the profile. */
export function viewerMayListGuests(viewer: number | undefined, event: HearthEvent, isGuest: boolean): boolean {
  return viewer !== undefined && viewerMaySee(viewer, event, isGuest) && (event.privacy === 'OPEN' || isGuest || event.creator === viewer);
}

/** A person answers for themselves: to an OPEN event they see, to a CLOSED or SECRET one once invited. */
export function mayAnswer(uid: number, event: HearthEvent, isGuest: boolean): boolean {
  return event.privacy === 'OPEN' || isGuest || event.creator === uid;
}

/** A person invites (their friends): to an OPEN event they are a guest of, to any event they made. */
export function mayInvite(uid: number, event: HearthEvent, isGuest: boolean): boolean {
  return event.creator === uid || (event.privacy === 'OPEN' && isGuest);
}
