/** data.setUserPreference: one preference slot of a person with the app; no value, "" or "0" removes it. */
import { defineMethod, optional, required, text } from '../../../dispatch/method-kit.js';
import { prefIdParam } from './admin-params.js';
import { PREFERENCE_ACCESS } from './preference-access.js';

export const dataSetUserPreference = defineMethod({
  name: 'data.setUserPreference',
  summary: 'Sets one preference slot (0–200) of a person with the app; values are cut to 128 characters; "" or "0" removes the slot.',
  params: {
    pref_id: required(prefIdParam, 'the slot, 0–200'),
    value: optional(text(), 'the value; absent, empty or "0" removes the slot'),
  },
  answer: 'string',
  xml: { emptyRoot: true },
  access: PREFERENCE_ACCESS,
  handler: async ({ app, targetUid, params, services }) => {
    await services.preferences.set(app.appId, targetUid, new Map([[params.pref_id, params.value]]));
    return null;
  },
});
