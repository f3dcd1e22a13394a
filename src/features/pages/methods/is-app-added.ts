/** pages.isAppAdded: whether a page has added the calling app; needs no session. */
import { defineMethod } from '../../../dispatch/method-kit.js';
import { pageId } from './page-params.js';

export const pagesIsAppAdded = defineMethod({
  name: 'pages.isAppAdded',
  summary: 'Whether a page has added the calling app.',
  params: { page_id: pageId },
  answer: 'boolean',
  access: { session: 'none', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, params, services }) => services.pages.hasApp(params.page_id, app.appId),
});
