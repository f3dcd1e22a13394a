/**
 * Where login.php sends a person back to with `canvas` (docs/canvas.md, "Signing in from a canvas
 * page"): onto the canvas page the app meant, whichever way its client wrote `next` — the callback
 * URL (the PHP client's current_url()), a canvas URL (facebooker), or a path (pyfacebook). The
 * stale signed parameters an iframe's current URL carries are removed, or the app would see them
 * beside the fresh ones and the set would no longer verify; `installed=1` marks the first visit
 * after the person allowed the app.
 */
import type { App } from '../apps/records.js';
import type { Services } from '../feature.js';
import { CANVAS_ROOT } from './canvas-names.js';
import { canvasRestOf, filterQuery, insideCallback, isPlatformParameter, parseCallbackUrl } from './canvas-target.js';

const PLATFORM_CANVAS_HOST = 'apps.facebook.com';

function hasScheme(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(text);
}

/** The canvas path (after the base) `next` names, or undefined when it names no page of this app's canvas. */
function restNamedBy(next: string, app: App & { readonly canvasName: string }, origin: string): string | undefined {
  if (!hasScheme(next)) return next.replace(/^\/+/, '');
  const callback = app.callbackUrl === null ? undefined : parseCallbackUrl(app.callbackUrl);
  const inside = callback && insideCallback(next, callback);
  if (callback && inside) return canvasRestOf(inside, callback);
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    return undefined;
  }
  const onHearth = url.origin === new URL(origin).origin;
  const prefixes = url.hostname === PLATFORM_CANVAS_HOST ? [`/${app.canvasName}/`] : onHearth ? [`/${CANVAS_ROOT}/${app.canvasName}/`, `/${app.canvasName}/`] : [];
  const prefix = prefixes.find((candidate) => url.pathname.toLowerCase().startsWith(candidate));
  return prefix === undefined ? undefined : `${url.pathname.slice(prefix.length)}${url.search}`;
}

/**
 * The canvas URL to send the person to, or undefined when the app has no canvas pages (login.php
 * then goes on as for a web app). `installed`: the person allowed the app during this visit.
 */
export async function canvasReturnUrl(services: Services, app: App, next: string | undefined, origin: string, installed: boolean): Promise<string | undefined> {
  if (app.canvasName === null || app.type !== 'web') return undefined;
  const named = { ...app, canvasName: app.canvasName };
  const wanted = next ?? (await services.canvas.appSettings(app)).afterAuthorize;
  const rest = wanted === undefined ? '' : (restNamedBy(wanted, named, origin) ?? '');
  const mark = rest.indexOf('?');
  const path = mark === -1 ? rest : rest.slice(0, mark);
  const query = filterQuery(mark === -1 ? '' : rest.slice(mark + 1), (name) => !isPlatformParameter(name) && name !== 'auth_token' && name !== 'installed');
  const withInstalled = installed ? (query === '' ? 'installed=1' : `${query}&installed=1`) : query;
  return `${origin}/${CANVAS_ROOT}/${app.canvasName}/${path}${withInstalled === '' ? '' : `?${withInstalled}`}`;
}
