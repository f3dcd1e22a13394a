/**
 * The parameters of pages.isFan, pages.isAdmin and pages.isAppAdded, each one yes-or-no question
 * about a page. A page id that names no page is answered 0, not an error; the person is the `uid`
 * given or the session user, and neither is 102.
 */
import { optional, positiveId, required, uid } from '../../../dispatch/method-kit.js';
import { ApiError } from '../../../wire/errors.js';

export const pageId = required(positiveId(), 'the page');
export const person = optional(uid, 'the person; defaults to the session user');

export function personOf(given: number | undefined, session: { readonly uid: number } | undefined): number {
  if (given !== undefined) return given;
  if (session === undefined) throw new ApiError(102, 'uid or a session is needed');
  return session.uid;
}

