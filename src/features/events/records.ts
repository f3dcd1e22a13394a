/** Events and their guests as the rest of Hearth sees them. */
import type { PictureImages, PictureSize, StoredImage } from '../photos/images.js';


export const EVENT_PRIVACIES = ['OPEN', 'CLOSED', 'SECRET'] as const;
export type EventPrivacy = (typeof EVENT_PRIVACIES)[number];

export const RSVP_STATUSES = ['attending', 'unsure', 'declined', 'not_replied'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];
/** What a guest may answer through events.rsvp; `not_replied` only comes from an invitation. */
export const ANSWERS = ['attending', 'unsure', 'declined'] as const;
export type RsvpAnswer = (typeof ANSWERS)[number];

/** The fields event_info sets; events.edit changes only those given. */
export interface EventFields {
  readonly name: string;
  readonly tagline: string;
  readonly host: string;
  readonly description: string;
  readonly eventType: string;
  readonly eventSubtype: string;
  readonly startTime: number;
  readonly endTime: number;
  readonly location: string;
  readonly street: string;
  readonly city: string;
  readonly phone: string;
  readonly email: string;
  readonly privacy: EventPrivacy;
  readonly hostId: number | null;
}

export interface HearthEvent extends EventFields {
  readonly eid: number;
  readonly creator: number | null;
  /** The app it was made through, its admin; null for one made on Hearth's own pages, or once that app is gone. */
  readonly appId: number | null;
  readonly cancelled: boolean;
  /** What the guests are told of a cancelled event; may be empty. */
  readonly cancelMessage: string;
  readonly updateTime: number;
  /** Names the event's picture in its URLs (event-pictures.ts); null when it has none. */
  readonly pictureKey: string | null;
}

export interface NewEvent extends EventFields {
  readonly creator: number | null;
  /** Null for an event made on Hearth's own pages: no app is its admin. */
  readonly appId: number | null;
  readonly updateTime: number;
}

export interface EventMember {
  readonly eid: number;
  readonly uid: number;
  readonly rsvpStatus: RsvpStatus;
  readonly invitedBy: number | null;
  readonly personalMessage: string;
}

export interface EventRepository {
  /** The new event, its creator (if a person) attending. */
  create(event: NewEvent): Promise<HearthEvent>;
  update(eid: number, fields: EventFields, updateTime: number): Promise<void>;
  cancel(eid: number, message: string, updateTime: number): Promise<void>;
  /** Cancelled ones included. */
  byIds(eids: readonly number[]): Promise<HearthEvent[]>;
  /** Guests of these events, by eid and uid. */
  membersOf(eids: readonly number[]): Promise<EventMember[]>;
  /** These people's memberships. */
  membershipsOf(uids: readonly number[]): Promise<EventMember[]>;
  /** Adds the people not yet guests as not_replied; the uids added. */
  invite(eid: number, uids: readonly number[], invitedBy: number | null, message: string, at: number): Promise<number[]>;
  /** Sets (or makes) the person's answer. */
  answer(eid: number, uid: number, status: RsvpAnswer, at: number): Promise<void>;
  /** Replaces the event's picture (all its sizes) and its key, in one transaction. */
  setPicture(eid: number, key: string, images: PictureImages, updateTime: number): Promise<void>;
  /** One size of the event's picture, when `key` is its current key. */
  pictureAt(eid: number, key: string, size: PictureSize): Promise<StoredImage | undefined>;
}
