/**
 * The FQL `cookies` table: the cookies the calling app keeps for people, in their canvas cookie
 * jars (set by canvas answers or data.setCookie) — the rows data.getCookies lists. Any person's,
 * with or without a session, but only the calling app's; a call signed with a session secret reads
 * only the session user's (604 for anyone else).
 */
import { column, defineFqlTable } from '../../fql/table.js';
import { int, string } from '../../fql/types.js';
import { expiresOf } from './cookie-values.js';
import type { PersonCookie } from './person-cookie-repository.js';

export const cookiesTable = defineFqlTable<PersonCookie, undefined>({
  name: 'cookies',
  summary: 'The cookies the calling app keeps for a person: those its canvas answers set and those data.setCookie stored, unexpired.',
  privacyDoc: 'Only the calling app’s cookies, of anyone, with or without a session; signed with a session secret, only the session user’s (604 otherwise).',
  session: 'optional',
  key: ['uid', 'name', 'path'],
  refuse: (lookup, context) => {
    if (!context.signedWithSessionSecret || lookup.values.every((value) => value === context.viewer)) return undefined;
    return 'a call signed with a session secret may read only the session user’s cookies';
  },
  columns: {
    uid: column(int, 'the person the cookie belongs to', (cookie) => cookie.uid, { index: true }),
    name: column(string, 'the cookie’s name', (cookie) => cookie.name),
    value: column(string, 'its value', (cookie) => cookie.value),
    expires: column(int, 'when it expires, Unix time (never 0: a cookie set without expiry lasts 24 hours)', (cookie) => expiresOf(cookie)),
    path: column(string, 'its path, relative to the app’s callback URL', (cookie) => cookie.path),
  },
  fetch: (_name, values, context) => context.services.appCookies.list(values.map(Number).filter(Number.isSafeInteger), context.app.appId),
  facts: async () => undefined,
});
