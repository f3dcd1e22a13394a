/** admin.getAppProperties: the named properties as a string holding one JSON object (docs/app-admin.md). */
import { defineMethod, nameList, required } from '../../../dispatch/method-kit.js';
import { invalidParameter } from '../../../wire/errors.js';
import { isPropertyName } from '../app-properties.js';

export const adminGetAppProperties = defineMethod({
  name: 'admin.getAppProperties',
  summary: 'Properties of the calling app, as a string holding a JSON object in the order asked.',
  params: { properties: required(nameList(), 'the property names (JSON array or comma list)') },
  answer: 'string',
  access: { session: 'optional', sessionSecret: false, appTypes: ['web', 'desktop'] },
  handler: async ({ app, params, services }) => {
    if (params.properties.length === 0) throw invalidParameter('properties', 'no property named');
    const unknown = params.properties.find((name) => !isPropertyName(name));
    if (unknown !== undefined) throw invalidParameter('properties', `unknown property ${JSON.stringify(unknown)}`);
    return services.appProperties.read(app, params.properties);
  },
});
