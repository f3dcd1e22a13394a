/**
 * feed.getRegisteredTemplateBundleByID: one bundle's fields directly under the root, as in the
 * Facebook Developer Wiki's example. A deactivated bundle of the app is still answered (the page
 * says "previously registered"); an unknown id or another app's is 807.
 */
import { ApiError } from '../../../wire/errors.js';
import { defineMethod, positiveId, required } from '../../../dispatch/method-kit.js';
import { bundleValue } from '../bundle-values.js';

export const getRegisteredTemplateBundleByID = defineMethod({
  name: 'feed.getRegisteredTemplateBundleByID',
  summary: "One of the app's template bundles, active or deactivated.",
  params: { template_bundle_id: required(positiveId(), 'as feed.registerTemplateBundle answered it') },
  answer: 'template_bundle',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, params, services }) => {
    const bundle = await services.templateBundles.find(app.appId, params.template_bundle_id);
    if (!bundle) throw new ApiError(807, `template_bundle_id ${params.template_bundle_id}`);
    return bundleValue(bundle);
  },
});
