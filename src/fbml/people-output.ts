/** How people appear in a box: their name, their profile link on this server, their picture. */
import type { Element } from 'domhandler';
import type { Person } from './box-facts.js';
import { element, text, type OutputNode } from './html-nodes.js';
import { allowedUrl } from './url-policy.js';

/** Printed for a uid that names nobody: `fb:name`'s `ifcantsee` default (docs/fbml.md, "People"). */
export const UNKNOWN_PERSON_NAME = 'Facebook User';

/** This server's profile page (Facebook's was http://www.facebook.com/profile.php?id=UID). */
export function profileUrl(uid: number): string {
  return `/profile.php?id=${uid}`;
}

export function profileLink(uid: number, children: readonly OutputNode[]): Element {
  return element('a', { href: profileUrl(uid) }, children);
}

export function fullName(person: Person): string {
  return `${person.firstName} ${person.lastName}`;
}

/** Picture sizes of fb:profile-pic (docs/fbml.md, "People"); Hearth keeps one picture and scales it. */
export type PictureSize = 'thumb' | 'small' | 'normal' | 'square';

export const PICTURE_SIZES: Readonly<Record<PictureSize, { readonly width: number; readonly height?: number }>> = {
  thumb: { width: 50 },
  small: { width: 100 },
  normal: { width: 200 },
  square: { width: 50, height: 50 },
};

export interface PictureDimensions {
  readonly width?: number;
  readonly height?: number;
}

/**
 * `<img>` of the person's picture, or `undefined` when they have none. The stored URL was checked
 * when it was saved; it is checked again because a box must never carry anything but http(s).
 */
export function pictureImage(person: Person, dimensions: PictureDimensions, platformHost: string | undefined): Element | undefined {
  const src = person.pictureUrl === null ? undefined : allowedUrl(person.pictureUrl, 'image', platformHost);
  if (src === undefined) return undefined;
  const attributes: Record<string, string> = { src, alt: fullName(person) };
  if (dimensions.width !== undefined) attributes.width = String(dimensions.width);
  if (dimensions.height !== undefined) attributes.height = String(dimensions.height);
  return element('img', attributes);
}

/** The person's name as text, linked to their profile or not. */
export function nameNodes(uid: number, name: string, linked: boolean): OutputNode[] {
  return linked ? [profileLink(uid, [text(name)])] : [text(name)];
}
