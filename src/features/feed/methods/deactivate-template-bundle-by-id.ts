/**
 * feed.deactivateTemplateBundleByID: true when the app's bundle was active and no longer is;
 * false for an unknown, foreign or already inactive id (facebooker's comment). A deactivated
 * bundle publishes no more stories (807) and no longer counts against the 100-bundle limit.
 */
import { defineMethod, positiveId, required } from '../../../dispatch/method-kit.js';

export const deactivateTemplateBundleByID = defineMethod({
  name: 'feed.deactivateTemplateBundleByID',
  summary: "Deactivates one of the app's template bundles; false when it was not active.",
  params: { template_bundle_id: required(positiveId(), 'as feed.registerTemplateBundle answered it') },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, params, services }) => services.templateBundles.deactivate(app.appId, params.template_bundle_id),
});
