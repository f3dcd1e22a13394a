import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { defineMethod, nameList, optional, required, uidList } from '../../../dispatch/method-kit.js';
import type { StatusEntry } from '../../status/records.js';
import { describePerson, isUserField } from './user-fields.js';

export const getInfo = defineMethod({
  name: 'users.getInfo',
  summary: 'Profile fields of several people; fields the app may not see come back nil.',
  params: {
    uids: optional(uidList(114), 'the people (JSON array or comma list); `users` is accepted instead, as the Firefox toolbar sent it'),
    users: optional(uidList(114), 'old name of uids'),
    fields: required(nameList(), 'the fields to return (JSON array or comma list)'),
  },
  answer: 'users',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services, origin }) => {
    const unknown = params.fields.find((field) => !isUserField(field));
    if (unknown !== undefined) throw new ApiError(111, `fields: ${JSON.stringify(unknown)}`);
    const uids = [...new Set(params.uids ?? params.users ?? [])];
    const found = new Map((await services.people.findMany(uids)).map((person) => [person.uid, person]));
    const statuses = params.fields.includes('status') ? await services.status.currentOf([...found.keys()]) : new Map<number, StatusEntry>();
    const now = new Date();
    // Presence is read at call time: the presence feature is built after this one.
    const presences = session !== undefined && params.fields.includes('online_presence') ? await services.presence.of([...found.keys()], now) : new Map<number, string>();
    const users = [];
    for (const uid of uids) {
      const person = found.get(uid);
      if (!person) continue;
      const isAppUser = await services.grants.isAppUser(uid, app.appId);
      // Without a session only the public fields; in a session the person, their friends and the
      // app's users are seen in full (Hearth has no finer privacy settings), except that whether
      // someone is online is for themselves and their friends only.
      const selfOrFriend = session !== undefined && (uid === session.uid || (await services.friends.areFriends(session.uid, uid)));
      const seesEverything = selfOrFriend || (session !== undefined && isAppUser);
      const status = statuses.get(uid);
      const summary = status && { message: status.message, time: Math.floor(status.createdAt.getTime() / 1000), statusId: status.statusId };
      const presence = selfOrFriend ? presences.get(uid) : undefined;
      users.push(describePerson(person, [...new Set(params.fields)], seesEverything, { isAppUser, origin, now, status: summary, presence }));
    }
    return new ApiList('user', users);
  },
});
