/** data.setUserPreferences: several preference slots at once, merged into the others or replacing them all. */
import { bool, defineMethod, optional, required } from '../../../dispatch/method-kit.js';
import { preferenceValuesParam } from './admin-params.js';
import { PREFERENCE_ACCESS } from './preference-access.js';

export const dataSetUserPreferences = defineMethod({
  name: 'data.setUserPreferences',
  summary: 'Sets several preference slots of a person with the app; with replace, the slots not given are removed.',
  params: {
    values: required(preferenceValuesParam, 'JSON object of pref_id → value ("" or "0" removes a slot)'),
    replace: optional(bool, 'true: remove every slot not given; false (the default): merge'),
  },
  answer: 'string',
  xml: { emptyRoot: true },
  access: PREFERENCE_ACCESS,
  handler: async ({ app, targetUid, params, services }) => {
    await services.preferences.set(app.appId, targetUid, params.values, params.replace ?? false);
    return null;
  },
});
