/**
 * The one place an FBML canvas answer is rendered (docs/canvas.md, "FBML pages"): the FBML
 * renderer's canvas entry point (docs/canvas-fbml.md), given what the proxy knows — the app, where
 * the page is, the viewer, and the signed parameters an `fb:iframe` gets.
 */
import { CanvasRenderCache, renderCanvasFbml, type CanvasRenderResult, type FbmlServices, type IframeParameters } from '../../fbml/index.js';

/**
 * Renders kept for the whole process: the key holds everything a render reads, facts fetched for
 * the request included, so one cache serves every store and server in it correctly.
 */
const RENDERS = new CanvasRenderCache();

export interface CanvasRenderInput {
  readonly fbml: string;
  readonly app: { readonly appId: number; readonly name: string; readonly apiKey: string; readonly canvasName: string | null };
  readonly iconUrl: string | undefined;
  /** `/apps/NAME/`, where the page is shown. */
  readonly canvasBase: string;
  /** The page after the base, with its query. */
  readonly pagePath: string;
  readonly callbackUrl: string;
  readonly viewerUid: number | undefined;
  readonly viewerAuthorized: boolean;
  /** The host name the viewer reached Hearth by. */
  readonly platformHost: string;
  readonly iframeParameters: IframeParameters;
}

export type CanvasRenderOutput = CanvasRenderResult;

export function renderCanvas(input: CanvasRenderInput, services: FbmlServices): Promise<CanvasRenderOutput> {
  return renderCanvasFbml({
    fbml: input.fbml,
    app: { id: input.app.appId, name: input.app.name, apiKey: input.app.apiKey, iconUrl: input.iconUrl ?? null, ...(input.app.canvasName ? { canvasName: input.app.canvasName } : {}) },
    canvasBase: input.canvasBase,
    pagePath: input.pagePath,
    callbackUrl: input.callbackUrl,
    viewerUid: input.viewerUid,
    viewerAuthorized: input.viewerAuthorized,
    platformHost: input.platformHost,
    iframeParameters: input.iframeParameters,
    services,
  }, RENDERS);
}
