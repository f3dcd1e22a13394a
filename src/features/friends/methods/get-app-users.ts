/**
 * friends.getAppUsers. Shape from the Facebook Developer Wiki page Friends.getAppUsers and its
 * tools4facebook.com copy: `<friends_getAppUsers_response … list="true"><uid>222333</uid>…`, "a
 * subset of the friends returned from the friends.get method"; "if no friends are found, the method
 * returns an empty friends_getAppUsers_response element" (still with `list="true"`;
 * docs/protocol-choices.md, "Friends"). The current user "is determined from the session_key
 * parameter", so a session is required.
 */
import { ApiList } from '../../../wire/values.js';
import { defineMethod } from '../../../dispatch/method-kit.js';

export const getAppUsers = defineMethod({
  name: 'friends.getAppUsers',
  summary: "The session user's friends who authorized the calling app, ascending uids.",
  params: {},
  answer: 'uids',
  access: { session: 'required', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, services }) => new ApiList('uid', await services.friends.appUsersAmongFriends(session.uid, app.appId)),
});
