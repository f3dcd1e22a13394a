/** admin.setAppProperties: changes properties of the calling web app, all of them or none (docs/app-admin.md). */
import { defineMethod, required } from '../../../dispatch/method-kit.js';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { propertyValuesParam } from './admin-params.js';

export const adminSetAppProperties = defineMethod({
  name: 'admin.setAppProperties',
  summary: 'Changes properties of the calling web app; every one given is stored, or none.',
  params: { properties: required(propertyValuesParam, 'a JSON object of property name → value') },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: false, appTypes: ['web', 'desktop'] },
  handler: async ({ app, params, services }) => {
    if (app.type === 'desktop') throw new ApiError(200, 'desktop applications may not change their properties');
    if (params.properties.length === 0) throw invalidParameter('properties', 'no property given');
    try {
      await services.appProperties.write(app, params.properties);
    } catch (error) {
      if (error instanceof InvalidInputError) throw invalidParameter('properties', error.message);
      throw error;
    }
    return true;
  },
});
