/** feed.getRegisteredTemplateBundles: the app's active bundles, oldest first (docs/feed-stories.md, "Answers"). */
import { ApiList } from '../../../wire/values.js';
import { defineMethod } from '../../../dispatch/method-kit.js';
import { bundleValue } from '../bundle-values.js';

export const getRegisteredTemplateBundles = defineMethod({
  name: 'feed.getRegisteredTemplateBundles',
  summary: "The app's active template bundles, oldest first.",
  params: {},
  answer: 'template_bundles',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, services }) => new ApiList('template_bundle', (await services.templateBundles.activeOf(app.appId)).map(bundleValue)),
});
