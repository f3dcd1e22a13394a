/**
 * friends.getMutualFriends: the friends two people have in common, as `<uid>` items under a
 * `list="true"` root (JSON an array of numbers), like friends.get. The platform documented
 * `target_uid` (required) and `source_uid` (default: the session user), and that the source must
 * have authorized the app. Its "session or source, not both" is not enforced: clients send their
 * session key along, so with both the `source_uid` is used. Hearth has no privacy settings, so
 * nothing hides a friend list or a friend. See docs/protocol-choices.md, "Friends".
 */
import { ApiError } from '../../../wire/errors.js';
import { ApiList } from '../../../wire/values.js';
import { defineMethod, optional, required, uid } from '../../../dispatch/method-kit.js';

export const getMutualFriends = defineMethod({
  name: 'friends.getMutualFriends',
  summary: 'The friends the source (default: the session user) and the target have in common, ascending uids.',
  params: {
    target_uid: required(uid, 'the other person; one who names nobody has no friends in common'),
    source_uid: optional(uid, 'web apps: a person who authorized the app; defaults to the session user'),
  },
  answer: 'uids',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services, signedWithSessionSecret }) => {
    let source: number;
    if (app.type === 'desktop') {
      // Desktop apps act only in their session, as for every method that names a person.
      if (!session) throw new ApiError(102, 'desktop applications must call this method with a session_key');
      if (params.source_uid !== undefined && params.source_uid !== session.uid) throw new ApiError(200, 'desktop applications may only act on the session user');
      source = session.uid;
    } else if (params.source_uid !== undefined) {
      // A session secret is held by client-side code, which may act only for its own person.
      if (signedWithSessionSecret && params.source_uid !== session?.uid) throw new ApiError(200, 'a call signed with a session secret may only act on the session user');
      source = params.source_uid;
    } else if (session) {
      source = session.uid;
    } else {
      throw new ApiError(102, 'pass a source_uid or a session_key');
    }
    if (!(await services.grants.isAppUser(source, app.appId, session))) throw new ApiError(200, `uid ${source} has not authorized this application`);
    return new ApiList('uid', await services.friends.mutualFriends(source, params.target_uid));
  },
});
