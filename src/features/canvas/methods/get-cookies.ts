/**
 * data.getCookies: the unexpired cookies of a person's canvas cookie jar with the app — those the
 * app's canvas answers set and those data.setCookie stored — by name and path; one name when
 * `name` (or `string`, as pyfacebook sends it) is given.
 */
import { defineMethod, optional, required, text, uid } from '../../../dispatch/method-kit.js';
import { ApiList } from '../../../wire/values.js';
import { cookieValue } from '../cookie-values.js';
import { COOKIE_ACCESS, cookieOwner } from './cookie-owner.js';

export const dataGetCookies = defineMethod({
  name: 'data.getCookies',
  summary: 'The unexpired cookies of a person’s canvas cookie jar with the app (set by canvas answers or data.setCookie), by name and path.',
  params: {
    uid: required(uid, 'the person the cookies belong to'),
    name: optional(text(), 'only the cookies of this name; absent or empty: all of them'),
    string: optional(text(), 'the same as name, which it gives way to (pyfacebook’s word for it)'),
  },
  answer: 'fql_rows',
  access: COOKIE_ACCESS,
  handler: async (call) => {
    const owner = await cookieOwner(call, call.params.uid);
    const cookies = await call.services.appCookies.list([owner], call.app.appId, call.params.name ?? call.params.string);
    return new ApiList('cookies', cookies.map(cookieValue));
  },
});
