/**
 * profile.getInfo: the app's info section of a person as last stored, in the wiki's layout. The
 * section is on the person's profile for everyone to see, so any existing person may be named
 * (110 for a uid of nobody); a person without one gets 1050.
 */
import { ApiError } from '../../../wire/errors.js';
import { defineMethod, optional, uid } from '../../../dispatch/method-kit.js';
import { sectionValue } from '../info-values.js';

export const getInfo = defineMethod({
  name: 'profile.getInfo',
  summary: "The app's info section of a person: title, info_fields, type.",
  params: {
    uid: optional(uid, 'whose section; defaults to the session user (desktop apps: only the session user)'),
  },
  answer: 'record',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'anyone', otherUserError: 200 } },
  handler: async ({ app, targetUid, services }) => {
    if (!(await services.people.find(targetUid))) throw new ApiError(110, `uid ${targetUid} names nobody`);
    const section = await services.profileInfo.section(targetUid, app.appId);
    if (section === undefined) throw new ApiError(1050);
    return sectionValue(section);
  },
});
