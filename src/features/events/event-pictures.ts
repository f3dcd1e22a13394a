/**
 * Where an event's picture is served: `/eventpics/<n|s|t|q><eid>_<key>.<jpg|png>` for pic_big,
 * pic, pic_small and pic_square, the letters the platform's picture servers used. The key is
 * random and changes with every new picture, so a URL always shows the same image (cached for a
 * year) and cannot be guessed from the eid; like the platform's, the URL is all it takes.
 */
import { randomBytes } from 'node:crypto';
import type { PictureImages, PictureSize } from '../photos/images.js';
import type { HearthEvent } from './records.js';

export const EVENT_PICTURE_PATH = '/eventpics/';

const PREFIX: Readonly<Record<PictureSize, string>> = { big: 'n', normal: 's', small: 't', square: 'q' };
const SIZE_OF_PREFIX: Readonly<Record<string, PictureSize>> = { n: 'big', s: 'normal', t: 'small', q: 'square' };

/** A fresh key for a new picture: 16 hex digits and the extension of its images. */
export function newPictureKey(images: PictureImages): string {
  return `${randomBytes(8).toString('hex')}.${images.big.contentType === 'image/png' ? 'png' : 'jpg'}`;
}

/** The picture's URL at one size, from `origin`; empty for an event without a picture (as the platform answered). */
export function eventPictureUrl(origin: string, event: Pick<HearthEvent, 'eid' | 'pictureKey'>, size: PictureSize): string {
  return event.pictureKey === null ? '' : `${origin}${EVENT_PICTURE_PATH}${PREFIX[size]}${event.eid}_${event.pictureKey}`;
}

const PICTURE_NAME = /^([nstq])([1-9]\d{0,15})_([0-9a-f]{16}\.(?:jpg|png))$/;

/** The parts of a picture's file name, or undefined for a name no picture has. */
export function parsePictureName(name: string): { readonly eid: number; readonly key: string; readonly size: PictureSize } | undefined {
  const match = PICTURE_NAME.exec(name);
  if (!match) return undefined;
  const eid = Number(match[2]);
  if (!Number.isSafeInteger(eid)) return undefined;
  return { eid, key: match[3]!, size: SIZE_OF_PREFIX[match[1]!]! };
}
