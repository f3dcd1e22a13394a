/**
 * profile.setInfoOptions: the typeahead choices of one of the app's thumbnail fields. They belong
 * to the app, not to a person, so the call names nobody and needs no session.
 */
import { defineMethod, required } from '../../../dispatch/method-kit.js';
import { infoFieldName, jsonText } from './info-params.js';

export const setInfoOptions = defineMethod({
  name: 'profile.setInfoOptions',
  summary: 'Replaces the options (items) offered for one of the app\'s info fields; [] removes them.',
  params: {
    field: required(infoFieldName, 'the field name, as used in profile.setInfo'),
    options: required(jsonText, 'JSON array of items {"label", "link", "image", "sublabel", "description"}'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, params, services }) => {
    await services.profileInfo.setOptions(app.appId, params.field, params.options);
    return true;
  },
});
