/**
 * The frame every page shares: document head (viewport, stylesheet), the blue top bar with the
 * platform's name, one card for the content, and a footer. `compact` is for pop-ups (`popup` /
 * `display=popup`, a 646×436 window: docs/pages.md, "Common to every page"): less chrome, no
 * footer.
 *
 * A signed-in person's pages (those that name them in `topNote`) also get the top bar's links:
 * Home, Profile and Friends, then each feature's own (the Inbox, Notifications…) with its count.
 * The page is rendered first and the links filled in as it is sent (define-page.ts), so that a
 * count is taken after the page's own changes — opening the notifications page reads them.
 */
import type { FastifyRequest } from 'fastify';
import { STYLESHEET_URL } from './stylesheet.js';
import { html, trustedHtml, type SafeHtml } from './templates.js';

export const PLATFORM_NAME = 'Hearth';

export interface PageFrame {
  /** The `<title>`; the platform's name is appended. */
  readonly title: string;
  readonly body: SafeHtml;
  readonly compact?: boolean;
  /** A wider card, for lists. */
  readonly wide?: boolean;
  /** A card wide enough for two columns (the profile page). */
  readonly columns?: boolean;
  /** Short text at the right of the top bar, e.g. who is signed in. */
  readonly topNote?: SafeHtml | string;
}

/** A link of the top bar; `count` shows beside it when above 0 (unread threads, say). */
export interface TopBarLink {
  readonly label: string;
  readonly href: string;
  readonly count?: number;
}

/** What the top bar shows a signed-in person: their uid (for their profile's link) and the features' links. */
export interface TopBar {
  readonly uid: number;
  readonly links: readonly TopBarLink[];
}

/** Who is signed in on a request and the features' links for them; undefined for a visitor. */
export type TopBarSource = (request: FastifyRequest) => Promise<TopBar | undefined>;

/** Where the links go in a signed-in person's page until it is sent. */
export const TOP_BAR_MARK = '<!--hearth:top-bar-->';

/** Every person's own places, before the features' links. */
const OWN_PLACES = (uid: number): TopBarLink[] => [
  { label: 'Home', href: '/' },
  { label: 'Profile', href: `/profile.php?id=${uid}` },
  { label: 'Friends', href: '/friends.php' },
];

export function topBarLinks(bar: TopBar): SafeHtml {
  return html`<nav class="topbar-links" aria-label="Hearth">${[...OWN_PLACES(bar.uid), ...bar.links].map(
    ({ label, href, count }) => html`<a href="${href}">${label}${count !== undefined && count > 0 ? html` <span class="topbar-count">${String(count)}</span>` : ''}</a>`,
  )}</nav>`;
}

/** The page as sent: the mark replaced by the links, or by nothing for a visitor. Only the first mark: it is in the header, before any content. */
export function withTopBar(page: string, bar: TopBar | undefined): string {
  return page.replace(TOP_BAR_MARK, bar === undefined ? '' : topBarLinks(bar).toString());
}

export function renderPage(frame: PageFrame): SafeHtml {
  return html`${trustedHtml('<!DOCTYPE html>')}
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${frame.title} | ${PLATFORM_NAME}</title>
<link rel="stylesheet" href="${STYLESHEET_URL}">
<link rel="icon" href="data:,">
</head>
<body${frame.compact ? trustedHtml(' class="compact"') : ''}>
<header class="topbar"><div class="topbar-inner"><a class="brand" href="/">${PLATFORM_NAME.toLowerCase()}</a>${
    frame.topNote ? html`${trustedHtml(TOP_BAR_MARK)}<span class="topbar-note">${frame.topNote}</span>` : ''
  }</div></header>
<main><div class="card${frame.wide ? ' wide' : ''}${frame.columns ? ' columns' : ''}">
${frame.body}
</div></main>
${frame.compact ? '' : html`<footer>${PLATFORM_NAME} · a home for classic Facebook Platform apps</footer>`}
</body>
</html>
`;
}

/** The first letter of an app's name, shown as its mark (apps have no icons here). */
export function appMark(name: string): string {
  return [...name.trim()][0]?.toUpperCase() ?? '?';
}
