/**
 * The one place an FBML canvas answer is rendered (docs/canvas.md, "FBML pages"). Until the FBML
 * renderer has its canvas entry point this uses the profile-box renderer, which keeps the page
 * safe (allow-listed HTML, no script) but knows none of the canvas-only tags; `fb:redirect` is
 * found here so that require_login works already.
 */
import { DomUtils } from 'htmlparser2';
import { renderProfileBox, type FbmlServices } from '../../fbml/index.js';
import { parseFbml } from '../../fbml/fbml-parser.js';

export interface CanvasRenderInput {
  readonly fbml: string;
  readonly app: { readonly appId: number; readonly name: string };
  /** `/apps/NAME/`, where the page is shown. */
  readonly canvasBase: string;
  readonly callbackUrl: string;
  readonly viewerUid: number | undefined;
  readonly viewerAuthorized: boolean;
  /** The host name the viewer reached Hearth by. */
  readonly platformHost: string;
}

export type CanvasRenderOutput =
  | { readonly kind: 'page'; readonly html: string; readonly problems: readonly string[] }
  /** `fb:redirect`: the URL as the app wrote it (the caller resolves and checks it). */
  | { readonly kind: 'redirect'; readonly url: string };

export async function renderCanvas(input: CanvasRenderInput, services: FbmlServices): Promise<CanvasRenderOutput> {
  const redirect = DomUtils.findOne((element) => element.name === 'fb:redirect', parseFbml(input.fbml).children, true);
  if (redirect) return { kind: 'redirect', url: redirect.attribs.url ?? '' };
  const box = await renderProfileBox(
    { fbml: input.fbml, ownerUid: input.viewerUid ?? 0, viewerUid: input.viewerUid, appId: input.app.appId, position: 'main', platformHost: input.platformHost },
    services,
  );
  return { kind: 'page', html: box.html, problems: box.problems };
}
