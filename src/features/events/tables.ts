/** The events feature's tables (migrations 20 and 26). */
import type { Generated } from 'kysely';

export interface EventsTable {
  eid: Generated<number>;
  /** The person who made it; null for an event an app made without a session. */
  creator_uid: number | null;
  /** The app it was made through, its admin; null for an event made on Hearth's own pages, or once that app is gone. */
  app_id: number | null;
  name: string;
  tagline: string;
  host: string;
  description: string;
  /** The category's and subcategory's names, empty when not given. */
  event_type: string;
  event_subtype: string;
  /** Unix seconds exactly as the app sent them (Pacific wall-clock read as a timestamp). */
  start_time: number;
  end_time: number;
  location: string;
  street: string;
  city: string;
  phone: string;
  email: string;
  /** OPEN, CLOSED or SECRET. */
  privacy: string;
  /** `host_id` of event_info, kept as sent. */
  host_id: number | null;
  /** 1 once events.cancel ran: the event is gone for every reader. */
  cancelled: Generated<number>;
  cancel_message: Generated<string>;
  /** Unix seconds. */
  update_time: number;
  /** The current picture's key and extension (`<16 hex>.jpg` or `.png`); null without a picture. */
  picture_key: Generated<string | null>;
}

export interface EventPicturesTable {
  eid: number;
  /** big, normal, small or square. */
  size: string;
  /** SHA-256 of the bytes, hex: the image's ETag. */
  image_hash: string;
  content_type: string;
  width: number;
  height: number;
  bytes: Uint8Array;
}

export interface EventMembersTable {
  eid: number;
  uid: number;
  /** attending, unsure, declined or not_replied. */
  rsvp_status: string;
  /** Who invited them; null for the creator and for people who answered without an invitation. */
  invited_by: number | null;
  personal_message: string;
  updated_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    events: EventsTable;
    event_members: EventMembersTable;
    event_pictures: EventPicturesTable;
  }
}
