import { defineMethod } from '../../../dispatch/method-kit.js';

export const getLoggedInUser = defineMethod({
  name: 'users.getLoggedInUser',
  summary: "The uid of the session's person.",
  params: {},
  answer: 'number',
  access: { session: 'required', sessionSecret: true, appTypes: ['web', 'desktop'] },
  // The documented example carries list="true" on its scalar root; clients tolerate it, so it stays.
  xml: { rootList: true },
  handler: async ({ session }) => session.uid,
});
