/** profile.getInfoOptions: the options of one of the app's fields, wrapped in `items` as the wiki shows; none for an unknown field. */
import { defineMethod, required } from '../../../dispatch/method-kit.js';
import { itemsValue } from '../info-values.js';
import { infoFieldName } from './info-params.js';

export const getInfoOptions = defineMethod({
  name: 'profile.getInfoOptions',
  summary: "The options offered for one of the app's info fields (an empty list when none).",
  params: {
    field: required(infoFieldName, 'the field name'),
  },
  answer: 'record',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, params, services }) => ({ items: itemsValue(await services.profileInfo.options(app.appId, params.field)) }),
});
