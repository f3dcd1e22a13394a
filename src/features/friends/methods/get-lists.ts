/**
 * friends.getLists. Shape from the Facebook Developer Wiki page Friends.getLists (and its
 * tools4facebook.com copy, and the facebooker fixtures): one `<friendlist>` per list, with `flid`
 * and `name`, under a `list="true"` root; JSON an array of `{"flid":…,"name":…}` with flid a
 * number. The schema allows an `owner` after `name`; it is left out, as every list here is the
 * session user's. "The current user is determined from the session_key parameter", so a session
 * is required. See docs/protocol-choices.md, "Friends".
 */
import { ApiList } from '../../../wire/values.js';
import { defineMethod } from '../../../dispatch/method-kit.js';

export const getLists = defineMethod({
  name: 'friends.getLists',
  summary: "The session user's friend lists (flid and name), in the order they were made.",
  params: {},
  answer: 'friend_lists',
  access: { session: 'required', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, services }) =>
    new ApiList(
      'friendlist',
      (await services.friendLists.listsOf(session.uid)).map((list) => ({ flid: list.flid, name: list.name })),
    ),
});
