/**
 * Events: making, changing and cancelling them, guests and their answers, and who sees what
 * (event-visibility.ts). Shared by the API methods, the FQL tables and the event pages.
 */
import { ApiError, invalidParameter } from '../../wire/errors.js';
import type { Services, Store } from '../feature.js';
import type { PictureImages, PictureSize, StoredImage } from '../photos/images.js';
import type { EventChanges } from './event-info.js';
import { newPictureKey } from './event-pictures.js';
import { mayAnswer, mayInvite, mayListGuests, maySeeEvent, viewerMayListGuests, viewerMaySee, type EventReader } from './event-visibility.js';
import type { EventFields, EventMember, HearthEvent, RsvpAnswer, RsvpStatus } from './records.js';

/** An event without end_time lasts three hours. */
export const DEFAULT_DURATION = 3 * 60 * 60;

const seconds = (now: Date) => Math.floor(now.getTime() / 1000);

/** The keys of event_info whose values keep an event from being made or changed. */
export type EventProblemKey = 'name' | 'start_time' | 'end_time';

function fieldProblems(fields: EventFields): Map<EventProblemKey, ApiError> {
  const problems = new Map<EventProblemKey, ApiError>();
  if (fields.name.trim() === '') problems.set('name', invalidParameter('event_info', 'an event needs a name'));
  if (fields.endTime < fields.startTime) problems.set('end_time', new ApiError(1000, 'end_time is before start_time'));
  return problems;
}

function checkedFields(fields: EventFields): EventFields {
  const [first] = fieldProblems(fields).values();
  if (first !== undefined) throw first;
  return fields;
}

/**
 * What events.create refuses in these changes, by key, in the order it checks them: a missing or
 * blank name, a missing start, an end before the start. Empty when the event can be made.
 */
export function creationProblems(changes: EventChanges): ReadonlyMap<EventProblemKey, ApiError> {
  const problems = new Map<EventProblemKey, ApiError>();
  if (changes.name === undefined) problems.set('name', invalidParameter('event_info', 'name is required'));
  if (changes.startTime === undefined) problems.set('start_time', invalidParameter('event_info', 'start_time is required'));
  const fields = newFields(changes, '');
  for (const [key, problem] of fieldProblems(fields)) if (!problems.has(key)) problems.set(key, problem);
  return problems;
}

/** The changes over a new event's defaults. */
function newFields(changes: EventChanges, defaultHost: string): EventFields {
  const startTime = changes.startTime ?? 0;
  return {
    name: changes.name ?? '',
    tagline: changes.tagline ?? '',
    host: changes.host ?? defaultHost,
    description: changes.description ?? '',
    eventType: changes.eventType ?? '',
    eventSubtype: changes.eventSubtype ?? '',
    startTime,
    endTime: changes.endTime ?? startTime + DEFAULT_DURATION,
    location: changes.location ?? '',
    street: changes.street ?? '',
    city: changes.city ?? '',
    phone: changes.phone ?? '',
    email: changes.email ?? '',
    privacy: changes.privacy ?? 'OPEN',
    hostId: changes.hostId ?? null,
  };
}

/** An event as its page shows it to one viewer (event.php). */
export interface EventOnPage {
  readonly event: HearthEvent;
  /** The viewer's own status, when they are a guest (the creator is attending). */
  readonly status: RsvpStatus | undefined;
  /** Every guest, when the viewer may read the list; undefined when not. */
  readonly guests: readonly EventMember[] | undefined;
  /** The viewer may answer: signed in, the event not cancelled, and the rule of mayAnswer. */
  readonly mayAnswer: boolean;
  /** The viewer may invite their friends: signed in, the event not cancelled, and events.invite's rule. */
  readonly mayInvite: boolean;
}

/** Why a page's answer or invitation was not taken. */
export type PageRefusal = 'no-such-event' | 'cancelled' | 'not-allowed';

/** An event of a person's, with their status. */
export interface PersonsEvent {
  readonly event: HearthEvent;
  readonly status: RsvpStatus;
}

export interface NewEventInput {
  readonly changes: EventChanges;
  /** The session user (or the person on Hearth's pages); null for an app acting alone. */
  readonly creator: number | null;
  /** Null for an event made on Hearth's own pages: no app is its admin. */
  readonly appId: number | null;
  /** The host when event_info names none: the creator's or the app's name. */
  readonly defaultHost: string;
  /** The event's picture (event-pictures.ts), made from an upload with photos' pictureImages. */
  readonly picture?: PictureImages;
  readonly now?: Date;
}

export class EventService {
  readonly #store: Store;
  readonly #services: Services;

  constructor(store: Store, services: Services) {
    this.#store = store;
    this.#services = services;
  }

  async create(input: NewEventInput): Promise<HearthEvent> {
    const [first] = creationProblems(input.changes).values();
    if (first !== undefined) throw first;
    const fields = newFields(input.changes, input.defaultHost);
    const picture = input.picture;
    const updateTime = seconds(input.now ?? new Date());
    const event = await this.#store.events.create({ ...fields, creator: input.creator, appId: input.appId, updateTime });
    if (picture === undefined) return event;
    const pictureKey = newPictureKey(picture);
    await this.#store.events.setPicture(event.eid, pictureKey, picture, updateTime);
    return { ...event, pictureKey };
  }

  /** Only the keys given change; the name no longer once a guest other than the creator has answered (1001). */
  async edit(event: HearthEvent, changes: EventChanges, now = new Date(), picture?: PictureImages): Promise<void> {
    if (changes.name !== undefined && changes.name !== event.name) {
      const members = await this.#store.events.membersOf([event.eid]);
      if (members.some((member) => member.uid !== event.creator && member.rsvpStatus !== 'not_replied')) throw new ApiError(1001);
    }
    const fields = checkedFields({ ...pickFields(event), ...changes });
    await this.#store.events.update(event.eid, fields, seconds(now));
    if (picture !== undefined) await this.#store.events.setPicture(event.eid, newPictureKey(picture), picture, seconds(now));
  }

  /** One size of an event's picture, for its URL; undefined when the key is not the current one. */
  pictureAt(eid: number, key: string, size: PictureSize): Promise<StoredImage | undefined> {
    return this.#store.events.pictureAt(eid, key, size);
  }

  async cancel(event: HearthEvent, message: string, now = new Date()): Promise<void> {
    await this.#store.events.cancel(event.eid, message, seconds(now));
  }

  /** The event, unless it is unknown or cancelled (150 for both). */
  async live(eid: number): Promise<HearthEvent> {
    const [event] = await this.#store.events.byIds([eid]);
    if (event === undefined || event.cancelled) throw new ApiError(150, `eid ${eid}`);
    return event;
  }

  /** Events by id, not cancelled, that the reader may see; by start_time. */
  async visible(reader: EventReader, eids: readonly number[]): Promise<HearthEvent[]> {
    const events = (await this.#store.events.byIds(eids)).filter((event) => !event.cancelled);
    const guestOf = await this.guestOf(reader, events);
    return events.filter((event) => maySeeEvent(reader, event, guestOf.has(event.eid)));
  }

  /** The person's memberships: every event they are a guest of (any status; the creator is attending). */
  async eventsOfPerson(uid: number): Promise<EventMember[]> {
    return this.#store.events.membershipsOf([uid]);
  }

  /**
   * The guests the reader may see: none of a list they may not read; without a session only people
   * who authorized the app.
   */
  async guests(reader: EventReader, events: readonly HearthEvent[]): Promise<EventMember[]> {
    const guestOf = await this.guestOf(reader, events);
    const readable = new Set(events.filter((event) => mayListGuests(reader, event, guestOf.has(event.eid))).map((event) => event.eid));
    const members = (await this.#store.events.membersOf([...readable])).filter((member) => readable.has(member.eid));
    if (reader.uid !== undefined) return members;
    const users = await this.#services.grants.appUsersAmong(reader.appId, members.map((member) => member.uid));
    return members.filter((member) => users.has(member.uid));
  }

  /** Whether the reader may read the event's guest list. */
  async mayListGuests(reader: EventReader, event: HearthEvent): Promise<boolean> {
    const guestOf = await this.guestOf(reader, [event]);
    return mayListGuests(reader, event, guestOf.has(event.eid));
  }

  membersOf(eid: number): Promise<EventMember[]> {
    return this.#store.events.membersOf([eid]);
  }

  invite(event: HearthEvent, uids: readonly number[], invitedBy: number | null, message: string, now = new Date()): Promise<number[]> {
    return this.#store.events.invite(event.eid, uids, invitedBy, message, seconds(now));
  }

  answer(event: HearthEvent, uid: number, status: RsvpAnswer, now = new Date()): Promise<void> {
    return this.#store.events.answer(event.eid, uid, status, seconds(now));
  }

  async guestOf(reader: EventReader, events: readonly HearthEvent[]): Promise<Set<number>> {
    if (reader.uid === undefined || events.length === 0) return new Set();
    const wanted = new Set(events.map((event) => event.eid));
    return new Set((await this.#store.events.membershipsOf([reader.uid])).map((member) => member.eid).filter((eid) => wanted.has(eid)));
  }

  /**
   * The event as event.php shows it to `viewer` (undefined: nobody signed in), cancelled or not;
   * undefined when it is unknown or hidden from them (a SECRET event from all but its guests).
   */
  async onPage(eid: number, viewer: number | undefined): Promise<EventOnPage | undefined> {
    const [event] = await this.#store.events.byIds([eid]);
    if (event === undefined) return undefined;
    const members = await this.#store.events.membersOf([eid]);
    const status = members.find((member) => member.uid === viewer)?.rsvpStatus;
    const isGuest = status !== undefined;
    if (!viewerMaySee(viewer, event, isGuest)) return undefined;
    const live = viewer !== undefined && !event.cancelled;
    return {
      event,
      status,
      guests: viewerMayListGuests(viewer, event, isGuest) ? members : undefined,
      mayAnswer: live && mayAnswer(viewer, event, isGuest),
      mayInvite: live && mayInvite(viewer, event, isGuest),
    };
  }

  /** The person's own answer from event.php: no app and no rsvp_event, but the rules of events.rsvp. */
  async answerOnPage(eid: number, uid: number, status: RsvpAnswer, now = new Date()): Promise<PageRefusal | 'done'> {
    const shown = await this.onPage(eid, uid);
    if (shown === undefined) return 'no-such-event';
    if (shown.event.cancelled) return 'cancelled';
    if (!shown.mayAnswer) return 'not-allowed';
    await this.answer(shown.event, uid, status, now);
    return 'done';
  }

  /** The person's friends who are not guests yet: whom event.php offers to invite. */
  async invitableFriends(eid: number, uid: number): Promise<number[]> {
    const [friends, members] = await Promise.all([this.#services.friends.friendsOf(uid), this.#store.events.membersOf([eid])]);
    const guests = new Set(members.map((member) => member.uid));
    return friends.filter((friend) => !guests.has(friend));
  }

  /**
   * Invitations from event.php, by events.invite's rules for a person: only to their friends
   * (`not-friends` names anyone else, and nobody is invited). Answers the uids added.
   */
  async inviteOnPage(eid: number, uid: number, uids: readonly number[], message: string, now = new Date()): Promise<PageRefusal | { readonly notFriends: readonly number[] } | { readonly invited: readonly number[] }> {
    const shown = await this.onPage(eid, uid);
    if (shown === undefined) return 'no-such-event';
    if (shown.event.cancelled) return 'cancelled';
    if (!shown.mayInvite) return 'not-allowed';
    const wanted = [...new Set(uids)].filter((invitee) => invitee !== uid);
    const friends = await this.#services.friends.friendsAmong(uid, wanted);
    const notFriends = wanted.filter((invitee) => !friends.has(invitee));
    if (notFriends.length > 0) return { notFriends };
    return { invited: await this.invite(shown.event, wanted, uid, message, now) };
  }

  /** Every event the person is a guest of, cancelled ones too, with their status; by start_time. */
  async ofPerson(uid: number): Promise<PersonsEvent[]> {
    const memberships = await this.#store.events.membershipsOf([uid]);
    const statusOf = new Map(memberships.map((member) => [member.eid, member.rsvpStatus]));
    const events = await this.#store.events.byIds([...statusOf.keys()]);
    return events.map((event) => ({ event, status: statusOf.get(event.eid)! }));
  }
}

function pickFields(event: HearthEvent): EventFields {
  const { eid: _eid, creator: _creator, appId: _appId, cancelled: _cancelled, cancelMessage: _cancelMessage, updateTime: _updateTime, ...fields } = event;
  return fields;
}
