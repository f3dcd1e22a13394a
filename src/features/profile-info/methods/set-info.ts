/**
 * profile.setInfo: replaces the app's info section on a person's profile. No extended permission
 * is needed, but the person must have authorized the app (200); fields or items that are not as
 * documented get 1051 and leave the stored section as it was.
 */
import { defineMethod, optional, required, uid } from '../../../dispatch/method-kit.js';
import { jsonText, sectionTitle, sectionType } from './info-params.js';

export const setInfo = defineMethod({
  name: 'profile.setInfo',
  summary: "Replaces the app's info section (title, type, fields of items) on a person's profile.",
  params: {
    title: required(sectionTitle, 'the section header; cut to 25 characters'),
    type: required(sectionType, '1: text items; 5: thumbnail items (image, sublabel, description)'),
    info_fields: required(jsonText, 'JSON array of {"field", "items": [{"label", "link", "image", "sublabel", "description"}]}'),
    uid: optional(uid, 'web apps: whose section, instead of a session; desktop apps: only the session user'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ app, targetUid, params, services }) => {
    await services.profileInfo.setSection(targetUid, app.appId, { title: params.title, type: params.type, fields: params.info_fields });
    return true;
  },
});
