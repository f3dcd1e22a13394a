/**
 * friends.get. Shape from the Facebook Developer Wiki page Friends.get (2008–09 copies, also on
 * tools4facebook.com): `<friends_get_response … list="true"><uid>222333</uid><uid>1240079</uid>…`,
 * JSON `[222333,1240079]`, and "if no friends are found, the method returns an empty
 * friends_get_response element". The 2009 page adds `uid`: a web app may call without a session
 * key for a person who authorized it ("the user must have authorized your application in order to
 * make this call without a session key"). See docs/protocol-choices.md, "Friends".
 */
import { invalidParameter } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { defineMethod, optional, positiveId, uid } from '../../../dispatch/method-kit.js';

export const friendsGet = defineMethod({
  name: 'friends.get',
  summary: "A person's friends' uids, ascending.",
  params: {
    uid: optional(uid, 'web apps: whose friends, a person who authorized the app; defaults to the session user'),
    flid: optional(positiveId(), 'a friend list; Hearth has none, so any flid is refused (100)'),
  },
  // A session exists only for a person who authorized the app, so `app-user` holds for the session user too.
  answer: 'uids',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ targetUid, params, services }) => {
    // Ignoring flid would answer every friend where the app asked for a few.
    if (params.flid !== undefined) throw invalidParameter('flid', 'no such friend list');
    return new ApiList('uid', await services.friends.friendsOf(targetUid));
  },
});
