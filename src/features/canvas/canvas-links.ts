/**
 * Where a browser is sent from a canvas page (docs/canvas.md, "Redirects"): `fb:redirect` and
 * redirects that leave the callback URL. A target inside the callback URL becomes the canvas page
 * for it, and the platform's own host names become Hearth's, so that an app written for
 * apps.facebook.com and www.facebook.com works wherever Hearth runs.
 */
import { platformPagePath } from '../../fbml/platform-links.js';
import { canvasRestOf, insideCallback } from './canvas-target.js';


export interface CanvasPlace {
  /** Hearth as the browser reached it, e.g. `http://127.0.0.1:8080`. */
  readonly origin: string;
  /** `/apps/NAME/` (or `/NAME/`), the canvas base on Hearth. */
  readonly canvasBase: string;
  /** The canvas page being shown, absolute. */
  readonly pageUrl: string;
  readonly callback: URL;
}

/** The absolute http(s) URL to send the browser to, or undefined for one it must not go to. */
export function browserTarget(written: string, place: CanvasPlace): string | undefined {
  let url: URL;
  try {
    url = new URL(written.trim(), place.pageUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const inside = insideCallback(url.href, place.callback);
  if (inside) return `${place.origin}${place.canvasBase}${canvasRestOf(inside, place.callback)}`;
  const here = new URL(place.origin);
  if (url.hostname === here.hostname) return url.href;
  const platformPath = platformPagePath(url.href);
  return platformPath === undefined ? url.href : `${place.origin}${platformPath}`;
}
