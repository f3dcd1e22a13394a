/**
 * Events: making, changing and cancelling them, guests and their answers, and who sees what
 * (event-visibility.ts). Shared by the API methods and the FQL tables.
 */
import { ApiError, invalidParameter } from '../../wire/errors.js';
import type { Services, Store } from '../feature.js';
import type { EventChanges } from './event-info.js';
import { mayListGuests, maySeeEvent, type EventReader } from './event-visibility.js';
import type { EventFields, EventMember, HearthEvent, RsvpAnswer } from './records.js';

/** An event without end_time lasts three hours. */
export const DEFAULT_DURATION = 3 * 60 * 60;

const seconds = (now: Date) => Math.floor(now.getTime() / 1000);

function checkedFields(fields: EventFields): EventFields {
  if (fields.name.trim() === '') throw invalidParameter('event_info', 'an event needs a name');
  if (fields.endTime < fields.startTime) throw new ApiError(1000, 'end_time is before start_time');
  return fields;
}

export interface NewEventInput {
  readonly changes: EventChanges;
  /** The session user; null for an app acting alone. */
  readonly creator: number | null;
  readonly appId: number;
  /** The host when event_info names none: the creator's or the app's name. */
  readonly defaultHost: string;
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
    const { changes } = input;
    if (changes.name === undefined) throw invalidParameter('event_info', 'name is required');
    if (changes.startTime === undefined) throw invalidParameter('event_info', 'start_time is required');
    const fields = checkedFields({
      name: changes.name,
      tagline: changes.tagline ?? '',
      host: changes.host ?? input.defaultHost,
      description: changes.description ?? '',
      eventType: changes.eventType ?? '',
      eventSubtype: changes.eventSubtype ?? '',
      startTime: changes.startTime,
      endTime: changes.endTime ?? changes.startTime + DEFAULT_DURATION,
      location: changes.location ?? '',
      street: changes.street ?? '',
      city: changes.city ?? '',
      phone: changes.phone ?? '',
      email: changes.email ?? '',
      privacy: changes.privacy ?? 'OPEN',
      hostId: changes.hostId ?? null,
    });
    return this.#store.events.create({ ...fields, creator: input.creator, appId: input.appId, updateTime: seconds(input.now ?? new Date()) });
  }

  /** Only the keys given change; the name no longer once a guest other than the creator has answered (1001). */
  async edit(event: HearthEvent, changes: EventChanges, now = new Date()): Promise<void> {
    if (changes.name !== undefined && changes.name !== event.name) {
      const members = await this.#store.events.membersOf([event.eid]);
      if (members.some((member) => member.uid !== event.creator && member.rsvpStatus !== 'not_replied')) throw new ApiError(1001);
    }
    const fields = checkedFields({ ...pickFields(event), ...changes });
    await this.#store.events.update(event.eid, fields, seconds(now));
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
}

function pickFields(event: HearthEvent): EventFields {
  const { eid: _eid, creator: _creator, appId: _appId, cancelled: _cancelled, updateTime: _updateTime, ...fields } = event;
  return fields;
}
