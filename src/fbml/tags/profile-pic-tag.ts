/**
 * `fb:profile-pic` (docs/fbml.md, "People"): the person's picture, linked to their profile by default.
 * Hearth keeps one picture per person, so `size` only sets the displayed width (and height for
 * `square`); explicit `width`/`height` replace it. A person without a picture shows nothing.
 */
import type { Element } from 'domhandler';
import { flag } from '../fbml-attributes.js';
import type { BoxRender, FbmlTag } from '../fbml-tag.js';
import type { OutputNode } from '../html-nodes.js';
import { PICTURE_SIZES, pictureImage, profileLink, type PictureDimensions, type PictureSize } from '../people-output.js';
import { needsPerson } from './name-tag.js';
import { requiredUid } from './uid-problems.js';

/** Larger than any profile column; a bigger number is a mistake, not a layout. */
const MAX_DIMENSION = 1000;

function dimensions(element: Element, box: BoxRender): PictureDimensions {
  const width = pixels(element, 'width', box);
  const height = pixels(element, 'height', box);
  if (width !== undefined || height !== undefined) return { width, height };
  const size = (element.attribs.size ?? 'thumb').trim().toLowerCase();
  if (Object.hasOwn(PICTURE_SIZES, size)) return PICTURE_SIZES[size as PictureSize];
  box.problems.add(`fb:profile-pic: size ${JSON.stringify(element.attribs.size)} is not thumb, small, normal or square; thumb used`);
  return PICTURE_SIZES.thumb;
}

function pixels(element: Element, name: string, box: BoxRender): number | undefined {
  const value = element.attribs[name];
  if (value === undefined) return undefined;
  const number = Number(value.trim().replace(/px$/i, ''));
  if (Number.isInteger(number) && number > 0 && number <= MAX_DIMENSION) return number;
  box.problems.add(`fb:profile-pic: ${name} ${JSON.stringify(value)} is not a number of pixels up to ${MAX_DIMENSION}; ignored`);
  return undefined;
}

function render(element: Element, box: BoxRender): OutputNode[] {
  const uid = requiredUid(element, box);
  if (uid === null || uid === undefined) return [];
  const person = box.facts.person(uid);
  if (!person) {
    box.problems.add(`fb:profile-pic: no person with uid ${uid}`);
    return [];
  }
  const image = pictureImage(person, dimensions(element, box), box.request.platformHost);
  if (!image) return [];
  return flag(element, 'linked', true) ? [profileLink(uid, [image])] : [image];
}

export const PROFILE_PIC_TAG: FbmlTag = { needs: needsPerson, render };
