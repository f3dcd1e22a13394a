/**
 * Where the browser may go from a request (docs/app-requests.md, "Where people are sent"): after
 * the sender confirms or cancels, only to the app's own pages — its canvas pages on Hearth or its
 * callback URL, never elsewhere, since the form's `action` comes from a form anyone can write; from
 * an fb:req-choice button, to any http(s) address the app gave. A callback URL becomes the canvas
 * page for it, and `apps.facebook.com/NAME/` the canvas on Hearth, as on canvas pages.
 */
import type { App } from '../apps/records.js';
import { CANVAS_ROOT } from '../canvas/canvas-names.js';
import { canvasRestOf, insideCallback, parseCallbackUrl } from '../canvas/canvas-target.js';

/** The platform's canvas host, whose paths Hearth serves under /apps/. */
const PLATFORM_CANVAS_HOST = 'apps.facebook.com';

/** `/apps/NAME/` on Hearth, for an app with canvas pages. */
function canvasBase(app: App, origin: string): URL | undefined {
  return app.canvasName === null ? undefined : new URL(`/${CANVAS_ROOT}/${encodeURIComponent(app.canvasName)}/`, origin);
}

function onCanvas(url: URL, app: App, base: URL): boolean {
  if (url.origin !== base.origin) return false;
  const path = url.pathname.toLowerCase();
  return path.startsWith(base.pathname) || path.startsWith(`/${app.canvasName}/`);
}

function httpUrl(written: string, base: URL | undefined): URL | undefined {
  let url: URL;
  try {
    url = new URL(written.trim(), base);
  } catch {
    return undefined;
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  return web && url.username === '' && url.password === '' ? url : undefined;
}

/**
 * Where a request form's `action` leads, resolved against the app's canvas base; undefined when it
 * leaves the app. `origin` is Hearth as the browser reached it (`http://host:port`).
 */
export function appDestination(written: string, app: App, origin: string): URL | undefined {
  const base = canvasBase(app, origin);
  const callback = app.callbackUrl === null ? undefined : parseCallbackUrl(app.callbackUrl);
  const url = httpUrl(written, base ?? callback);
  if (url === undefined) return undefined;
  const inside = callback && insideCallback(url.href, callback);
  if (inside) return base ? new URL(base.href + canvasRestOf(inside, callback)) : inside;
  if (base === undefined) return undefined;
  const onHearth = url.hostname === PLATFORM_CANVAS_HOST ? new URL(`/${CANVAS_ROOT}${url.pathname}${url.search}`, origin) : url;
  return onCanvas(onHearth, app, base) ? onHearth : undefined;
}

/** Where an fb:req-choice button leads: the app's own pages as above, or any other http(s) address. */
export function choiceDestination(written: string, app: App, origin: string): string | undefined {
  return (appDestination(written, app, origin) ?? httpUrl(written, undefined))?.href;
}

/** The destination with `ids[]=UID` for each recipient added to its query, as apps read them. */
export function withRecipients(destination: URL, recipients: readonly number[]): string {
  const url = new URL(destination.href);
  const added = recipients.map((uid) => `ids%5B%5D=${uid}`).join('&');
  if (added !== '') url.search = url.search === '' ? `?${added}` : `${url.search}&${added}`;
  return url.href;
}
