/** data.getUserPreferences: every set preference slot of a person with the app, in ascending pref_id. */
import { defineMethod } from '../../../dispatch/method-kit.js';
import { ApiList } from '../../../wire/values.js';
import { PREFERENCE_ACCESS } from './preference-access.js';

export const dataGetUserPreferences = defineMethod({
  name: 'data.getUserPreferences',
  summary: 'Every set preference slot of a person with the app, in ascending pref_id.',
  params: {},
  answer: 'fql_rows',
  access: PREFERENCE_ACCESS,
  handler: async ({ app, targetUid, services }) =>
    new ApiList('preference', (await services.preferences.list(app.appId, targetUid)).map((slot) => ({ pref_id: slot.prefId, value: slot.value }))),
});
