/**
 * `/pages.php`: the signed-in person's pages — those they run (admin) and those they are a fan
 * of, each linked to its page with its type and fan count. A visitor who is not signed in gets the
 * sign-in form, as on the person's other own pages.
 */
import { renderPage } from '../../../http/page-kit/layout.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Person } from '../../people/records.js';
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import { accountNav, signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { pagePath, YOUR_PAGES_PATH } from '../page-paths.js';
import type { Page } from '../records.js';
import { fanCountText, typeLabel } from './page-details-view.js';

export const yourPagesPage = defineAccountPage({
  path: YOUR_PAGES_PATH,
  heading: 'Your pages',
  reason: 'Sign in to see the pages you run and the pages you are a fan of.',
  // Nothing changes here: becoming a fan and leaving are on each page's own page.
  actions: [],
  show: async ({ reply, services }, person) => {
    const { admin, fan } = await services.pages.pagesOf(person.uid);
    const counts = await services.pages.fanCounts([...admin, ...fan].map((page) => page.pageId));
    return sendPage(reply, 200, yourPagesView(person, admin, fan, counts));
  },
  change: async ({ reply }) => redirectTo(reply, 303, YOUR_PAGES_PATH),
});

function pageList(pages: readonly Page[], counts: ReadonlyMap<number, number>, className: string, empty: string): SafeHtml {
  if (pages.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<ul class="friends ${className}">${pages.map(
    (page) => html`<li><a class="friend-name" href="${pagePath(page.pageId)}">${page.name}</a><span class="muted">${typeLabel(page.type)} · ${fanCountText(counts.get(page.pageId) ?? 0)}</span></li>`,
  )}</ul>`;
}

function yourPagesView(person: Person, admin: readonly Page[], fan: readonly Page[], counts: ReadonlyMap<number, number>): SafeHtml {
  const body = html`${accountNav(undefined, person)}
<h1>Your pages</h1>
<h2 class="section" id="pages-admin">Pages you run</h2>
${pageList(admin, counts, 'pages-admin', 'You run no pages. Hearth’s operators make pages and name their admins.')}
<h2 class="section" id="pages-fan">Pages you are a fan of</h2>
${pageList(fan, counts, 'pages-fan', 'You are not a fan of any page yet. Open a page and choose “Become a fan”.')}
${signedInLine(person)}`;
  return renderPage({ title: 'Your pages', body, wide: true, topNote: displayName(person) });
}
