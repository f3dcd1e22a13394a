/** What the events methods share: the eid parameter, event_info, the create_event rule and the picture. */
import { positiveId, text } from '../../../dispatch/method-kit.js';
import type { MethodServices } from '../../../dispatch/define-method.js';
import type { CallSession, MethodApp } from '../../../dispatch/ports.js';
import { listItems, type ParamType } from '../../../dispatch/params.js';
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import type { Upload } from '../../../wire/upload.js';
import { ImageRefusedError, pictureImages, type PictureImages } from '../../photos/images.js';
import type { HearthEvent } from '../records.js';

/** A malformed eid is as unknown as one that names nothing. */
export const eidParam = positiveId(150);
export const eventInfoParam: ParamType<string> = text(64 * 1024);

/** Acting for a person needs create_event (290); a web app acting alone needs nothing, a desktop app cannot (102). */
export async function needCreateEvent(services: MethodServices, app: MethodApp, session: CallSession | undefined): Promise<void> {
  if (session === undefined && app.type === 'desktop') throw new ApiError(102, 'desktop applications need a session');
  if (session === undefined) return;
  if (!(await services.grants.hasPermission(session.uid, app.appId, 'create_event', session))) throw new ApiError(290);
}

/**
 * events.edit and events.cancel: the app must be the event's admin (the one it was made through);
 * without a session the app must also be its creator (no person made it), with one the session user.
 */
export function needAdmin(event: HearthEvent, app: MethodApp, session: CallSession | undefined): void {
  if (event.appId !== app.appId) throw new ApiError(200, 'this application is not an admin of the event');
  if (session === undefined ? event.creator !== null : event.creator !== session.uid) {
    throw new ApiError(200, session === undefined ? 'the event was made by a person: a session of theirs is needed' : 'only the event’s creator may change it');
  }
}

/** A list of eids (JSON array or comma-separated); anything else is 100. */
export const eidListParam: ParamType<number[]> = {
  description: 'list of int',
  clientType: 'readonly number[]',
  parse(raw, name) {
    const items = listItems(raw);
    if (items === undefined) throw invalidParameter(name, 'not a JSON array or a comma-separated list');
    if (items.length > 1000) throw invalidParameter(name, 'more than 1000 eids');
    return items.map((item) => {
      const value = /^[1-9]\d{0,15}$/.test(item) ? Number(item) : NaN;
      if (!Number.isSafeInteger(value)) throw invalidParameter(name, `${JSON.stringify(item.slice(0, 40))} is not an eid`);
      return value;
    });
  },
};

/** Unix seconds; 0 means no bound. */
export const timeBoundParam: ParamType<number> = {
  description: 'int (Unix time)',
  clientType: 'number',
  parse(raw, name) {
    const value = /^-?\d{1,16}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!Number.isSafeInteger(value)) throw invalidParameter(name, 'not a Unix time');
    return value;
  },
};

/**
 * The picture sent with events.create or events.edit (the call's file part), in its four sizes;
 * undefined without one. A file that is not an image Hearth takes refuses the whole call (100),
 * before anything is stored.
 */
export async function uploadedPicture(upload: Upload | undefined): Promise<PictureImages | undefined> {
  if (upload === undefined) return undefined;
  try {
    return await pictureImages(upload.bytes);
  } catch (error) {
    if (error instanceof ImageRefusedError) throw invalidParameter('picture', error.message);
    throw error;
  }
}
