/**
 * friends.get. Shape from the Facebook Developer Wiki page Friends.get (2008–09 copies, also on
 * tools4facebook.com): `<friends_get_response … list="true"><uid>222333</uid><uid>1240079</uid>…`,
 * JSON `[222333,1240079]`, and "if no friends are found, the method returns an empty
 * friends_get_response element". The 2009 page adds `uid`: a web app may call without a session
 * key for a person who authorized it ("the user must have authorized your application in order to
 * make this call without a session key"). Every copy documents `flid`, "the friends in a friend
 * list": here the members of one of that person's lists. See docs/protocol-choices.md, "Friends".
 */
import { invalidParameter } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { defineMethod, optional, positiveId, uid } from '../../../dispatch/method-kit.js';

export const friendsGet = defineMethod({
  name: 'friends.get',
  summary: "A person's friends' uids, or the members of one of their friend lists, ascending.",
  params: {
    uid: optional(uid, 'web apps: whose friends, a person who authorized the app; defaults to the session user'),
    flid: optional(positiveId(), "one of that person's friend lists (friends.getLists): only its members; another's list is refused (100)"),
  },
  // A session exists only for a person who authorized the app, so `app-user` holds for the session user too.
  answer: 'uids',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ targetUid, params, services }) => {
    if (params.flid === undefined) return new ApiList('uid', await services.friends.friendsOf(targetUid));
    // Lists are private to their owner: someone else's list is answered as one that does not
    // exist, so a flid tells nothing about whose it is.
    const members = await services.friendLists.membersOf(targetUid, params.flid);
    if (members === undefined) throw invalidParameter('flid', 'no such friend list');
    return new ApiList('uid', members);
  },
});
