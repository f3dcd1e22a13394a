/**
 * What a canvas page looks like (docs/canvas.md, "The page around the app"): Hearth's top bar,
 * the app's name and mark, then the app's part in a 760-pixel column — its rendered FBML, its
 * iframe, or the page that says why it could not be shown.
 */
import { appMark, renderPage } from '../../../http/page-kit/layout.js';
import { html, trustedHtml, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { App } from '../../apps/records.js';
import type { Person } from '../../people/records.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import type { CanvasFailure } from '../canvas-proxy.js';

/** The iframe's size: the canvas width, and a fixed height (the platform's "smart size" needed its script). */
export const IFRAME_WIDTH = 760;
export const IFRAME_HEIGHT = 800;

export interface CanvasFrame {
  readonly app: App;
  /** `/apps/NAME/`. */
  readonly canvasBase: string;
  readonly viewer: Person | undefined;
}

function canvasChrome(frame: CanvasFrame, content: SafeHtml, title?: string): SafeHtml {
  const body = html`<div class="canvas-head"><span class="app-mark" aria-hidden="true">${appMark(frame.app.name)}</span> <a class="app" href="${frame.canvasBase}">${frame.app.name}</a></div>
<div class="canvas" id="app${String(frame.app.appId)}_canvas">
${content}
</div>`;
  return renderPage({ title: title ? `${title} | ${frame.app.name}` : frame.app.name, body, columns: true, topNote: frame.viewer && displayName(frame.viewer) });
}

/** The renderer's HTML is already safe, allow-listed markup (its contract). */
export function fbmlCanvasPage(frame: CanvasFrame, renderedHtml: string, title?: string): SafeHtml {
  return canvasChrome(frame, trustedHtml(renderedHtml), title);
}

export function iframeCanvasPage(frame: CanvasFrame, src: string): SafeHtml {
  // Top navigation is allowed: the PHP client leaves a frame with `top.location.href` (require_login).
  return canvasChrome(
    frame,
    html`<iframe class="canvas-frame" name="iframe_canvas" src="${src}" width="${String(IFRAME_WIDTH)}" height="${String(IFRAME_HEIGHT)}" title="${frame.app.name}" sandbox="allow-scripts allow-forms allow-same-origin allow-popups allow-top-navigation"></iframe>`,
  );
}

/** What the app's developer is told; viewers see the general apology above it. */
function failureDetail(failure: CanvasFailure): string {
  switch (failure.reason) {
    case 'timeout':
      return `The URL ${failure.url} did not respond within ${failure.timeoutMs / 1000} seconds.`;
    case 'unreachable':
      return `The URL ${failure.url} did not respond (${failure.detail}).`;
    case 'forbidden-address':
      return `The URL ${failure.url} leads to ${failure.address}, an address Hearth does not fetch canvas pages from.`;
    case 'status':
      return `The URL ${failure.url} answered HTTP ${failure.status}.`;
    case 'empty':
      return `The URL ${failure.url} answered with no content.`;
    case 'too-large':
      return `The URL ${failure.url} answered more than ${failure.maxBytes / (1024 * 1024)} MB.`;
    case 'not-a-page':
      return `The URL ${failure.url} answered ${failure.contentType}, which is not a page.`;
    case 'too-many-redirects':
      return `The URL ${failure.url} caused too many redirections.`;
    case 'outside-callback':
      return `The address ${failure.url} is not inside the app’s callback URL, so Hearth does not fetch it.`;
    case 'bad-redirect':
      return `The URL ${failure.url} redirected to ${failure.location}, which is not an address a browser can be sent to.`;
  }
}

/** A problem of the app's own setup rather than of one answer. */
export type SetupProblem = 'no-callback' | 'points-at-hearth';

function setupDetail(problem: SetupProblem): string {
  return problem === 'no-callback'
    ? 'The app has no usable callback URL (an http or https URL), so Hearth has nowhere to fetch its pages from.'
    : 'The app’s callback URL points at Hearth itself, which would fetch its own canvas page without end.';
}

/** The apology every viewer sees; the reason below it only for the app's developers (`forDeveloper`). */
export function failurePage(frame: CanvasFrame, problem: CanvasFailure | SetupProblem, forDeveloper: boolean): SafeHtml {
  const detail = typeof problem === 'string' ? setupDetail(problem) : failureDetail(problem);
  return canvasChrome(
    frame,
    html`<div class="canvas-error">
<h1>${frame.app.name} is not available right now</h1>
<p>There are still a few kinks Hearth and the makers of ${frame.app.name} are trying to iron out. We appreciate your patience as we try to fix these issues. Your problem has been logged; if it persists, please come back in a few days.</p>
${forDeveloper && html`<p class="muted canvas-developer-note">For the app’s developer: ${detail}</p>`}
</div>`,
  );
}
