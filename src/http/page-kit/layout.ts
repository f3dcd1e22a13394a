/**
 * The frame every page shares: document head (viewport, stylesheet), the blue top bar with the
 * platform's name, one card for the content, and a footer. `compact` is for pop-ups (`popup` /
 * `display=popup`, a 646×436 window: docs/pages.md, "Common to every page"): less chrome, no
 * footer.
 */
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
    frame.topNote ? html`<span class="topbar-note">${frame.topNote}</span>` : ''
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
