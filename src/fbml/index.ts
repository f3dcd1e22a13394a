/**
 * The FBML renderer (docs/fbml.md): what the profile page, `hearth fbml render` and
 * profile.setFBML use. Everything else in this folder is its implementation.
 */
export type { BoxPosition, FbmlProblems, RenderedBox, RenderRequest } from './fbml-api.js';
export type { FbmlServices } from './box-facts.js';
export { renderProfileBox } from './render-profile-box.js';
export { checkFbml } from './check-fbml.js';
export { allowedUrl, urlIsOnHost, type UrlUse } from './url-policy.js';
export { renderCanvasFbml } from './render-canvas-page.js';
export { CanvasRenderCache } from './canvas-render-cache.js';
export { PERMISSION_PROMPT_PATH, REQUEST_FORM_SUBMIT_PATH } from './canvas-api.js';
export type { CanvasApp, CanvasRenderRequest, CanvasRenderResult, IframeParameters } from './canvas-api.js';
