/** data.getUserPreference: one preference slot's value; an unset slot is the empty answer. */
import { defineMethod, required } from '../../../dispatch/method-kit.js';
import { prefIdParam } from './admin-params.js';
import { PREFERENCE_ACCESS } from './preference-access.js';

export const dataGetUserPreference = defineMethod({
  name: 'data.getUserPreference',
  summary: 'The value of one preference slot of a person with the app; empty when it is not set.',
  params: { pref_id: required(prefIdParam, 'the slot, 0–200') },
  answer: 'string',
  xml: { emptyRoot: true },
  access: PREFERENCE_ACCESS,
  handler: async ({ app, targetUid, params, services }) => services.preferences.get(app.appId, targetUid, params.pref_id),
});
