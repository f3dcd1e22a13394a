/**
 * `/connect/login_success.html` (docs/pages.md, "/connect/login_success.html"): where desktop
 * programs that drive an embedded browser point `next`; they read the session from the URL, so the
 * page itself only says that signing in worked.
 */
import { definePage } from '../../../http/page-kit/define-page.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { sendPage } from '../../../http/page-kit/page-replies.js';
import { LOGIN_SUCCESS_PATH } from '../../sign-in/pages/redirect-targets.js';
import { html } from '../../../http/page-kit/templates.js';

export const loginSuccessPage = definePage({
  path: LOGIN_SUCCESS_PATH,
  forms: 'none',
  handler: async ({ reply }) =>
    sendPage(reply, 200, renderPage({ title: 'Success', body: html`<h1>Success</h1><p class="muted">You may close this window.</p>`, compact: true })),
});
