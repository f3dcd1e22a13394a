/**
 * `/page.php?id=PAGE_ID`: a page's own page, open to everyone, signed in or not — its name, type and
 * details (page-details-view.ts), how many fans it has, and its wall. A signed-in viewer also sees
 * some of its fans by name and where they stand: "Become a fan" or "Remove me from fans" (forms
 * posted here), and whether they are one of its admins. The wall is the stream's (home feature's
 * place-wall.ts): everyone reads it, fans and admins write on it, admins may post as the page.
 *
 * The layout is the profile page's (two columns, one on a phone); the wall sits in the profile's
 * wall area so that the phone layout places it. Hearth keeps no page pictures, so the page shows its
 * initial where the picture would be.
 */
import type { FastifyReply } from 'fastify';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { formExpired, redirectTo, sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Services } from '../../feature.js';
import { loadPlaceWall, placeWallSection, type Place } from '../../home/place-wall.js';
import type { Person } from '../../people/records.js';
import { accountNav, profilePath, signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName, signedInPerson } from '../../sign-in/pages/browser-sign-in.js';
import { FAN_PAGE_PATH, pagePath, YOUR_PAGES_PATH } from '../page-paths.js';
import type { PageStanding } from '../page-service.js';
import type { Page } from '../records.js';
import { detailsView, fanCountText, typeLabel } from './page-details-view.js';

/** Fans named on the page; the count says how many there are in all. */
const FANS_SHOWN = 6;

/** The buttons whose POST changes where the viewer stands. */
const BECOME_FAN = 'fan';
const STOP_BEING_FAN = 'unfan';

export const fanPage = definePage({
  path: FAN_PAGE_PATH,
  // The token is checked here, so that an expired form leads back to this page rather than to page.php without an id.
  forms: 'page',
  handler: (page) => answer(page),
});

/** A page_id (`id=`), as the pages API reads it: digits, no leading zero. */
function readPageId(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9]\d{0,14}$/.test(text) ? Number(text) : undefined;
}

async function answer(context: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = context;
  const given = params.get('id');
  const pageId = readPageId(given);
  if (pageId === undefined) {
    return sendProblem(reply, {
      status: 400,
      title: 'Which page?',
      message: given === undefined ? 'This link does not say which page to show.' : `“${given}” is not a page id, so Hearth cannot tell which page to show.`,
      note: html`Links to pages look like <code>${FAN_PAGE_PATH}?id=400000001</code>.`,
    });
  }
  const [page, viewer] = await Promise.all([services.pages.find(pageId), signedInPerson(request, services)]);
  if (!page) return sendProblem(reply, { status: 404, title: 'No such page', message: `No page on Hearth has the id ${pageId}.` });
  if (request.method !== 'POST') return show(context, page, viewer);

  const back = pagePath(page.pageId);
  if (!context.csrfMatches()) return sendProblem(reply, formExpired(back));
  // Signed out in another tab meanwhile: back to the page, which offers no button; nothing changes.
  if (viewer) {
    if (params.flag(BECOME_FAN)) await services.pages.addFan(page.pageId, viewer.uid);
    else if (params.flag(STOP_BEING_FAN)) await services.pages.removeFan(page.pageId, viewer.uid);
  }
  return redirectTo(reply, 303, back);
}

interface FanPageView {
  readonly page: Page;
  readonly viewer: Person | undefined;
  readonly standing: PageStanding;
  readonly fanCount: number;
  /** Some fans by name, for a signed-in viewer. */
  readonly fans: readonly Person[];
  readonly token: string;
}

async function show({ request, reply, services, params, csrfToken }: PageContext, page: Page, viewer: Person | undefined): Promise<FastifyReply> {
  const place: Place = { id: page.pageId, name: page.name, path: pagePath(page.pageId) };
  const [standing, fanCount, fans, wall] = await Promise.all([
    viewer ? services.pages.standing(page.pageId, viewer.uid) : { fan: false, admin: false },
    services.pages.fanCount(page.pageId),
    viewer ? someFans(services, page.pageId) : [],
    loadPlaceWall(services, place, viewer, params.get('before')),
  ]);
  const view: FanPageView = { page, viewer, standing, fanCount, fans, token: csrfToken() };
  const body = html`${viewer && accountNav(undefined, viewer)}
<div class="profile fan-page" data-page-id="${page.pageId}">
<aside class="profile-narrow">
<div class="profile-picture"><span class="profile-placeholder" role="img" aria-label="${page.name} has no picture">${[...page.name.trim()][0]?.toUpperCase() ?? '?'}</span></div>
${fansBox(view)}
</aside>
<div class="profile-wide">
${headView(view)}
${detailsView(page)}
<div class="profile-wall">${placeWallSection(request, place, wall, viewer, view.token)}</div>
</div>
</div>
${viewer && signedInLine(viewer)}`;
  return sendPage(reply, 200, renderPage({ title: page.name, body, columns: true, topNote: viewer && displayName(viewer) }));
}

async function someFans(services: Services, pageId: number): Promise<Person[]> {
  const people = await services.people.findMany(await services.pages.someFans(pageId, FANS_SHOWN));
  return people.sort((a, b) => displayName(a).localeCompare(displayName(b)) || a.uid - b.uid);
}

/** The name, the type, the fan count, and what the viewer may do about being a fan. */
function headView({ page, viewer, standing, fanCount, token }: FanPageView): SafeHtml {
  const form = (name: string, label: string, secondary: boolean) =>
    html`<form class="friend-button" method="post" action="${pagePath(page.pageId)}">${csrfField(token)}<button class="button small${secondary ? ' secondary' : ''}" type="submit" name="${name}" value="1">${label}</button></form>`;
  return html`<div class="profile-head"><h1>${page.name}</h1>
<p class="muted page-type">${typeLabel(page.type)}</p>
<p class="page-fan-count">${fanCountText(fanCount)}</p>
${standing.admin && html`<p class="muted page-admin">You are an admin of this page. <a href="${YOUR_PAGES_PATH}">Your pages</a></p>`}
${
  viewer === undefined
    ? html`<p class="muted page-sign-in"><a href="/">Sign in</a> to become a fan.</p>`
    : standing.fan
      ? html`<p class="muted page-fan-status">You are a fan of ${page.name}.</p>${form(STOP_BEING_FAN, 'Remove me from fans', true)}`
      : form(BECOME_FAN, 'Become a fan', false)
}</div>`;
}

/** Some fans by name, in the narrow column; visitors who are not signed in see only the count, as on a profile. */
function fansBox({ viewer, fanCount, fans }: FanPageView): SafeHtml | undefined {
  if (viewer === undefined) return undefined;
  return html`<section class="profile-friends page-fans" aria-labelledby="fans-title">
<h2 class="fbml-box-title" id="fans-title">Fans <span class="muted">(${fanCount})</span></h2>
${
  fans.length === 0
    ? html`<p class="muted">No fans yet.</p>`
    : html`<ul class="friend-links">${fans.map((fan) => html`<li><a href="${profilePath(fan.uid)}">${fan.uid === viewer.uid ? 'You' : displayName(fan)}</a></li>`)}</ul>`
}
</section>`;
}
