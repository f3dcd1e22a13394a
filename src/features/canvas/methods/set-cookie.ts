/**
 * data.setCookie: stores one cookie in a person's canvas cookie jar with the app, where the next
 * canvas request of theirs sends it back. Without `expires` it lasts 24 hours; an `expires` in the
 * past, or no value, deletes it. Answers false for a cookie too large to keep.
 */
import { defineMethod, optional, required, uid } from '../../../dispatch/method-kit.js';
import { DEFAULT_COOKIE_LIFETIME_MS, MAX_API_COOKIE_BYTES } from '../app-cookie-service.js';
import { cookieExpiresParam, cookieNameParam, cookiePathParam, cookieValueParam } from './cookie-params.js';
import { COOKIE_ACCESS, cookieOwner } from './cookie-owner.js';

export const dataSetCookie = defineMethod({
  name: 'data.setCookie',
  summary: `Sets, replaces or deletes a cookie of a person’s canvas cookie jar with the app; false when name and value exceed ${MAX_API_COOKIE_BYTES} bytes.`,
  params: {
    uid: required(uid, 'the person the cookie belongs to (they need not have authorized the app)'),
    name: required(cookieNameParam, 'the cookie’s name'),
    value: optional(cookieValueParam, 'the value; absent or empty deletes the cookie'),
    expires: optional(cookieExpiresParam, `Unix time; absent or 0 is ${DEFAULT_COOKIE_LIFETIME_MS / 3_600_000} hours from now; a past time deletes the cookie`),
    path: optional(cookiePathParam, 'relative to the callback URL; default /'),
  },
  answer: 'boolean',
  access: COOKIE_ACCESS,
  handler: async (call) => {
    const owner = await cookieOwner(call, call.params.uid);
    const { name, value, expires, path } = call.params;
    return call.services.appCookies.set(owner, call.app.appId, { name, value, expires, path: path ?? '/' });
  },
});
