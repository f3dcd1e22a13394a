/**
 * friends.areFriends. Shape from the Facebook Developer Wiki page Friends.areFriends (and the
 * facebooker test fixtures `example_check_friendship_xml` / `…_with_unknown_result`): a list of
 * `<friend_info><uid1>…</uid1><uid2>…</uid2><are_friends>1</are_friends></friend_info>`, one per
 * pair in the order asked, and `<are_friends xsi:nil="true"/>` (JSON `null`) for "users not visible
 * to the Facebook Platform" — here, a uid that names nobody. "They must be of equal size": the
 * Facebook Cookbook says unequal lists get an invalid parameter error (100).
 */
import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { defineMethod, required, uidList } from '../../../dispatch/method-kit.js';

export const areFriends = defineMethod({
  name: 'friends.areFriends',
  summary: 'Whether each pair (uids1[i], uids2[i]) are friends; nil where a uid names nobody.',
  params: {
    uids1: required(uidList(114), 'first half of each pair (JSON array or comma list)'),
    uids2: required(uidList(114), 'second half of each pair, as many as uids1'),
  },
  answer: 'friend_info',
  access: { session: 'required', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ params, services }) => {
    const { uids1, uids2 } = params;
    if (uids1.length === 0) throw new ApiError(100, 'uids1: empty list');
    if (uids1.length !== uids2.length) throw new ApiError(100, `uids1 and uids2 must be of equal size (${uids1.length} and ${uids2.length})`);
    const known = new Set((await services.people.findMany([...new Set([...uids1, ...uids2])])).map((person) => person.uid));
    const pairs = [];
    for (const [index, uid1] of uids1.entries()) {
      const uid2 = uids2[index]!;
      const visible = known.has(uid1) && known.has(uid2);
      pairs.push({ uid1, uid2, are_friends: visible ? await services.friends.areFriends(uid1, uid2) : null });
    }
    return new ApiList('friend_info', pairs);
  },
});
