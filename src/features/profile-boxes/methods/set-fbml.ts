import { ApiError } from '../../../wire/errors.js';
import { defineMethod, optional, text, uid } from '../../../dispatch/method-kit.js';

/** Large enough for any real profile box; keeps one call from storing megabytes. */
export const MAX_FBML_LENGTH = 64 * 1024;

export const setFBML = defineMethod({
  name: 'profile.setFBML',
  summary: "Stores the app's FBML for a person's profile boxes; empty slots keep their stored value.",
  params: {
    uid: optional(uid, 'web apps: the person whose profile it is; defaults to the session user'),
    profile: optional(text(MAX_FBML_LENGTH), 'FBML of the box on the Boxes tab'),
    profile_main: optional(text(MAX_FBML_LENGTH), 'FBML of the main box on the Wall and Info tabs'),
    mobile_profile: optional(text(MAX_FBML_LENGTH), 'FBML of the mobile profile'),
    profile_action: optional(text(MAX_FBML_LENGTH), 'FBML of the profile action links'),
    markup: optional(text(MAX_FBML_LENGTH), 'the 2007 single-slot parameter; fills profile when profile is empty'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 240 } },
  handler: async ({ app, targetUid, params, services }) => {
    const result = await services.profiles.setFbml(targetUid, app.appId, {
      profile: params.profile,
      profileMain: params.profile_main,
      mobileProfile: params.mobile_profile,
      profileAction: params.profile_action,
      markup: params.markup,
    });
    if (result.outcome === 'empty') throw new ApiError(100, 'profile: no FBML given in any of profile, profile_main, mobile_profile, profile_action, markup');
    // Markup checkFbml refuses (docs/fbml.md, "checkFbml"): nothing is stored, every slot kept as it was.
    if (result.outcome === 'refused') throw new ApiError(330, `${result.parameter}: ${result.problem}`);
    return true;
  },
});
