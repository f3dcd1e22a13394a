/** renderCanvasFbml: an FBML canvas page → the canvas area's HTML, or the redirect it asks for. */
import { gatherFacts } from './box-facts.js';
import { renderParsedBox } from './box-renderer.js';
import type { CanvasRenderRequest, CanvasRenderResult } from './canvas-api.js';
import { CanvasPage, type CanvasBoxRequest } from './canvas-page.js';
import type { CanvasRenderCache } from './canvas-render-cache.js';
import { CANVAS_DIALECT, CANVAS_TAGS } from './canvas-tags/canvas-tags.js';
import { parseFbml } from './fbml-parser.js';
import { collectNeeds } from './fbml-tags.js';

/**
 * A canvas page has no profile owner: `profileowner` names nobody, fb:if-is-own-profile is false
 * and fb:visible-to-owner hides its content from everyone (docs/canvas-fbml.md, "Viewers").
 */
const NO_OWNER = 0;

/**
 * The app's FBML answer → safe HTML for one viewer (docs/canvas-fbml.md). As for profile boxes, the
 * services are asked once, in parallel, for what the tags need; whether the viewer uses the app
 * comes from the request. An fb:redirect that renders wins over the page.
 *
 * @example
 * const result = await renderCanvasFbml({ fbml, app, canvasBase: '/apps/hearthdemo/', pagePath: 'step.php',
 *   callbackUrl: 'http://app.example.com/fb/', viewerUid: 1, viewerAuthorized: true, iframeParameters, services });
 * if (result.kind === 'redirect') reply.redirect(result.url); else page(result.html, result.title);
 */
export async function renderCanvasFbml(request: CanvasRenderRequest, cache?: CanvasRenderCache): Promise<CanvasRenderResult> {
  const page = new CanvasPage(request);
  const boxRequest: CanvasBoxRequest = {
    fbml: request.fbml,
    ownerUid: NO_OWNER,
    viewerUid: request.viewerUid,
    appId: request.app.id,
    // The canvas column is a wide one.
    position: 'wide',
    platformHost: request.platformHost,
    canvas: page,
  };
  const cached = cache?.text(request.fbml);
  const document = cached ? cached.document : parseFbml(request.fbml);
  const needs = collectNeeds(document.children, boxRequest, CANVAS_TAGS);
  const viewer = request.viewerUid;
  if (viewer !== undefined) needs.appUsers.delete(viewer);
  const knownAppUsers = viewer !== undefined && request.viewerAuthorized ? [viewer] : [];
  const facts = await gatherFacts(needs, boxRequest, request.services, knownAppUsers);
  const key = cached ? renderKey(request, facts.fingerprint) : undefined;
  const known = key === undefined ? undefined : cached?.render(key);
  // The caller gets a list of its own to change, as from a render.
  if (known) return known.kind === 'page' ? { ...known, problems: [...known.problems] } : known;
  const rendered = renderParsedBox(document, boxRequest, facts, CANVAS_DIALECT);
  const result = resultOf(page, rendered.html, rendered.problems);
  if (key !== undefined && !page.volatile) cached?.remember(key, result.kind === 'page' ? { ...result, problems: [...result.problems] } : result);
  return result;
}

function resultOf(page: CanvasPage, html: string, problems: readonly string[]): CanvasRenderResult {
  if (page.redirect !== undefined) return { kind: 'redirect', url: page.redirect };
  const result = { kind: 'page' as const, html, problems: [...problems] };
  return page.title === undefined ? result : { ...result, title: page.title };
}

/** Everything a render of one FBML text reads besides the clock and the signer (which make it volatile): the request's fields and the facts. */
function renderKey(request: CanvasRenderRequest, facts: string): string {
  const { app } = request;
  const place = [app.id, app.name, app.apiKey, app.iconUrl ?? null, app.canvasName ?? null, request.canvasBase, request.pagePath, request.callbackUrl, request.platformHost ?? null];
  const viewer = [request.viewerUid ?? null, request.viewerAuthorized, request.googleAnalytics === true, request.developerComments === true];
  return `${JSON.stringify([...place, ...viewer])}\n${facts}`;
}
