/**
 * admin.getAllocation: how many notifications, requests or e-mails the app may send at an
 * integration point. Hearth limits every recipient alike, so the per-person number asked with
 * `uid` (or `user`, the Java client's name) is the app's.
 */
import { defineMethod, oneOf, optional, positiveId, required } from '../../../dispatch/method-kit.js';
import { allocationOf, INTEGRATION_POINTS } from '../../apps/allocations.js';

export const adminGetAllocation = defineMethod({
  name: 'admin.getAllocation',
  summary: 'The number of notifications, requests or e-mails the app may send at an integration point.',
  params: {
    integration_point_name: required(oneOf(INTEGRATION_POINTS, 'integration point'), INTEGRATION_POINTS.join(', ')),
    uid: optional(positiveId(), 'a person, for emails_per_day: the same number, as Hearth limits every recipient alike'),
    user: optional(positiveId(), 'the same as uid (the Java client’s name)'),
  },
  answer: 'number',
  access: { session: 'optional', sessionSecret: false, appTypes: ['web', 'desktop'] },
  handler: async ({ app, params }) => allocationOf(app.appId, params.integration_point_name),
});
