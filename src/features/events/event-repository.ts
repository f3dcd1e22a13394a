/** Events and their guests in the database, one SQL for both dialects. */
import type { Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { PictureImages, PictureSize, StoredImage } from '../photos/images.js';
import type { EventFields, EventMember, EventPrivacy, EventRepository, HearthEvent, NewEvent, RsvpAnswer, RsvpStatus } from './records.js';
import type { EventMembersTable, EventsTable } from './tables.js';

function toEvent(row: Selectable<EventsTable>): HearthEvent {
  return {
    eid: Number(row.eid),
    creator: row.creator_uid === null ? null : Number(row.creator_uid),
    appId: row.app_id === null ? null : Number(row.app_id),
    name: row.name,
    tagline: row.tagline,
    host: row.host,
    description: row.description,
    eventType: row.event_type,
    eventSubtype: row.event_subtype,
    startTime: Number(row.start_time),
    endTime: Number(row.end_time),
    location: row.location,
    street: row.street,
    city: row.city,
    phone: row.phone,
    email: row.email,
    privacy: row.privacy as EventPrivacy,
    hostId: row.host_id === null ? null : Number(row.host_id),
    cancelled: Number(row.cancelled) === 1,
    cancelMessage: row.cancel_message,
    updateTime: Number(row.update_time),
    pictureKey: row.picture_key,
  };
}

function toMember(row: Selectable<EventMembersTable>): EventMember {
  return {
    eid: Number(row.eid),
    uid: Number(row.uid),
    rsvpStatus: row.rsvp_status as RsvpStatus,
    invitedBy: row.invited_by === null ? null : Number(row.invited_by),
    personalMessage: row.personal_message,
  };
}

function fieldColumns(fields: EventFields) {
  return {
    name: fields.name,
    tagline: fields.tagline,
    host: fields.host,
    description: fields.description,
    event_type: fields.eventType,
    event_subtype: fields.eventSubtype,
    start_time: fields.startTime,
    end_time: fields.endTime,
    location: fields.location,
    street: fields.street,
    city: fields.city,
    phone: fields.phone,
    email: fields.email,
    privacy: fields.privacy,
    host_id: fields.hostId,
  };
}

export class StoredEventRepository implements EventRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async create(event: NewEvent): Promise<HearthEvent> {
    return this.#db.transaction(async (trx) => {
      const { eid } = await trx
        .insertInto('events')
        .values({ ...fieldColumns(event), creator_uid: event.creator, app_id: event.appId, update_time: event.updateTime })
        .returning('eid')
        .executeTakeFirstOrThrow();
      if (event.creator !== null) {
        await trx
          .insertInto('event_members')
          .values({ eid, uid: event.creator, rsvp_status: 'attending', invited_by: null, personal_message: '', updated_at: event.updateTime })
          .execute();
      }
      const row = await trx.selectFrom('events').selectAll().where('eid', '=', eid).executeTakeFirstOrThrow();
      return toEvent(row);
    });
  }

  async update(eid: number, fields: EventFields, updateTime: number): Promise<void> {
    await this.#db.query.updateTable('events').set({ ...fieldColumns(fields), update_time: updateTime }).where('eid', '=', eid).execute();
  }

  async cancel(eid: number, message: string, updateTime: number): Promise<void> {
    await this.#db.query.updateTable('events').set({ cancelled: 1, cancel_message: message, update_time: updateTime }).where('eid', '=', eid).execute();
  }

  async byIds(eids: readonly number[]): Promise<HearthEvent[]> {
    if (eids.length === 0) return [];
    const rows = await this.#db.query.selectFrom('events').selectAll().where('eid', 'in', [...eids]).orderBy('start_time').orderBy('eid').execute();
    return rows.map(toEvent);
  }

  async membersOf(eids: readonly number[]): Promise<EventMember[]> {
    if (eids.length === 0) return [];
    const rows = await this.#db.query.selectFrom('event_members').selectAll().where('eid', 'in', [...eids]).orderBy('eid').orderBy('uid').execute();
    return rows.map(toMember);
  }

  async membershipsOf(uids: readonly number[]): Promise<EventMember[]> {
    if (uids.length === 0) return [];
    const rows = await this.#db.query.selectFrom('event_members').selectAll().where('uid', 'in', [...uids]).orderBy('uid').orderBy('eid').execute();
    return rows.map(toMember);
  }

  async invite(eid: number, uids: readonly number[], invitedBy: number | null, message: string, at: number): Promise<number[]> {
    if (uids.length === 0) return [];
    return this.#db.transaction(async (trx) => {
      const present = new Set(
        (await trx.selectFrom('event_members').select('uid').where('eid', '=', eid).where('uid', 'in', [...uids]).execute()).map((row) => Number(row.uid)),
      );
      const added = [...new Set(uids)].filter((uid) => !present.has(uid));
      if (added.length > 0) {
        await trx
          .insertInto('event_members')
          .values(added.map((uid) => ({ eid, uid, rsvp_status: 'not_replied', invited_by: invitedBy, personal_message: message, updated_at: at })))
          .onConflict((conflict) => conflict.columns(['eid', 'uid']).doNothing())
          .execute();
      }
      return added;
    });
  }

  async answer(eid: number, uid: number, status: RsvpAnswer, at: number): Promise<void> {
    await this.#db.query
      .insertInto('event_members')
      .values({ eid, uid, rsvp_status: status, invited_by: null, personal_message: '', updated_at: at })
      .onConflict((conflict) => conflict.columns(['eid', 'uid']).doUpdateSet({ rsvp_status: status }))
      .execute();
  }

  async setPicture(eid: number, key: string, images: PictureImages, updateTime: number): Promise<void> {
    await this.#db.transaction(async (trx) => {
      await trx.deleteFrom('event_pictures').where('eid', '=', eid).execute();
      await trx
        .insertInto('event_pictures')
        .values(
          (Object.entries(images) as [PictureSize, StoredImage][]).map(([size, image]) => ({
            eid,
            size,
            image_hash: image.hash,
            content_type: image.contentType,
            width: image.width,
            height: image.height,
            bytes: image.bytes,
          })),
        )
        .execute();
      await trx.updateTable('events').set({ picture_key: key, update_time: updateTime }).where('eid', '=', eid).execute();
    });
  }

  async pictureAt(eid: number, key: string, size: PictureSize): Promise<StoredImage | undefined> {
    const row = await this.#db.query
      .selectFrom('event_pictures')
      .innerJoin('events', 'events.eid', 'event_pictures.eid')
      .select(['event_pictures.image_hash', 'event_pictures.content_type', 'event_pictures.width', 'event_pictures.height', 'event_pictures.bytes'])
      .where('event_pictures.eid', '=', eid)
      .where('event_pictures.size', '=', size)
      .where('events.picture_key', '=', key)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return { hash: row.image_hash, contentType: row.content_type as StoredImage['contentType'], width: Number(row.width), height: Number(row.height), bytes: Buffer.from(row.bytes) };
  }
}
