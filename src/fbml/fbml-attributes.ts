/** Reading FBML tag attributes: flags and uids (docs/fbml.md, "Viewers and uids"). */
import type { Element } from 'domhandler';
import type { RenderRequest } from './fbml-api.js';

/**
 * `true`/`false` flags as FBML writes them; `1`/`0` and `yes`/`no` too. A bare attribute
 * (`<fb:name uid="1" possessive/>`) is true; anything unreadable keeps the default.
 */
export function flag(element: Element, name: string, fallback: boolean): boolean {
  const value = element.attribs[name];
  if (value === undefined) return fallback;
  const word = value.trim().toLowerCase();
  if (word === '' || word === 'true' || word === '1' || word === 'yes') return true;
  if (word === 'false' || word === '0' || word === 'no') return false;
  return fallback;
}

/** Whether `text` is something a uid attribute may hold: digits, `loggedinuser` or `profileowner`. */
export function isUidText(text: string): boolean {
  const word = text.trim().toLowerCase();
  return word === 'loggedinuser' || word === 'profileowner' || isDigits(word);
}

/**
 * The uid `text` names in this box: `loggedinuser` is the viewer, `profileowner` the owner.
 * `undefined` when it names nobody (not a uid, or `loggedinuser` with nobody signed in).
 */
export function resolveUid(text: string, request: RenderRequest): number | undefined {
  const word = text.trim().toLowerCase();
  if (word === 'loggedinuser') return request.viewerUid;
  if (word === 'profileowner') return request.ownerUid;
  if (!isDigits(word)) return undefined;
  const uid = Number(word);
  return Number.isSafeInteger(uid) ? uid : undefined;
}

/** A comma list of uids (`fb:if-is-user`, `fb:visible-to-user`); entries that name nobody are left out. */
export function resolveUidList(text: string, request: RenderRequest): number[] {
  return text.split(',').flatMap((part) => {
    const uid = resolveUid(part, request);
    return uid === undefined ? [] : [uid];
  });
}

/** The uid in attribute `name`, or the tag's default when the attribute is absent. */
export function uidAttribute(element: Element, name: string, request: RenderRequest, fallback?: number): number | undefined {
  const value = element.attribs[name];
  return value === undefined ? fallback : resolveUid(value, request);
}

function isDigits(word: string): boolean {
  if (word.length === 0 || word.length > 19) return false;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
