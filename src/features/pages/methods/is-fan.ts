/** pages.isFan: whether a person is a fan of a page; an application’s About page has no fans to the API. */
import { defineMethod } from '../../../dispatch/method-kit.js';
import { pageId, person, personOf } from './page-params.js';

export const pagesIsFan = defineMethod({
  name: 'pages.isFan',
  summary: 'Whether a person is a fan of a page (0 for an application’s About page).',
  params: { page_id: pageId, uid: person },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, params, services }) => services.pages.isFan(params.page_id, personOf(params.uid, session)),
});
