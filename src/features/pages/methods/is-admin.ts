/** pages.isAdmin: whether a person is an admin of a page. */
import { defineMethod } from '../../../dispatch/method-kit.js';
import { pageId, person, personOf } from './page-params.js';

export const pagesIsAdmin = defineMethod({
  name: 'pages.isAdmin',
  summary: 'Whether a person is an admin of a page.',
  params: { page_id: pageId, uid: person },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ session, params, services }) => services.pages.isAdmin(params.page_id, personOf(params.uid, session)),
});
