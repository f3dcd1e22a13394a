/**
 * The cookie jar of FBML canvas pages (docs/canvas.md, "Cookies"): the browser never talks to the
 * app's server, so the proxy keeps what the app sets, per viewer and app rather than per domain,
 * and sends it back on the viewer's next canvas requests. Paths are the canvas's: `Path=/` is the
 * whole canvas, and a path under the callback URL's own path (`/fb/step/` for callback `/fb/`) is
 * taken relative to it.
 */
import type { JarCookie } from './records.js';

/** A cookie without Expires or Max-Age. */
const DEFAULT_LIFETIME_MS = 24 * 3_600_000;
/** Beyond these, a cookie is ignored: no browser kept more, and the jar is stored per viewer. */
const MAX_COOKIE_BYTES = 4_096;
export const MAX_COOKIES_PER_ANSWER = 50;

function canvasPath(path: string | undefined, callbackPath: string): string {
  if (path === undefined || !path.startsWith('/')) return '/';
  const base = callbackPath.endsWith('/') ? callbackPath : `${callbackPath}/`;
  return base !== '/' && path.startsWith(base) ? path.slice(base.length - 1) : path;
}

/** One `Set-Cookie` header as the jar keeps it, or undefined for one it ignores. */
export function parseSetCookie(header: string, callbackPath: string, now: Date): JarCookie | undefined {
  const [pair = '', ...attributes] = header.split(';');
  const equals = pair.indexOf('=');
  if (equals <= 0) return undefined;
  const name = pair.slice(0, equals).trim();
  const value = pair.slice(equals + 1).trim();
  if (name === '' || /[\s;,=]/.test(name) || Buffer.byteLength(name + value) > MAX_COOKIE_BYTES) return undefined;
  let path: string | undefined;
  let expiresAt = new Date(now.getTime() + DEFAULT_LIFETIME_MS);
  let maxAgeSeen = false;
  for (const attribute of attributes) {
    const split = attribute.indexOf('=');
    const key = (split === -1 ? attribute : attribute.slice(0, split)).trim().toLowerCase();
    const argument = split === -1 ? '' : attribute.slice(split + 1).trim();
    if (key === 'path') path = argument;
    else if (key === 'max-age' && /^-?\d+$/.test(argument)) {
      maxAgeSeen = true;
      expiresAt = new Date(now.getTime() + Number(argument) * 1000);
    } else if (key === 'expires' && !maxAgeSeen) {
      const when = Date.parse(argument);
      if (!Number.isNaN(when)) expiresAt = new Date(when);
    }
  }
  return { name, value, path: canvasPath(path, callbackPath), expiresAt };
}

/** The `Cookie` header for a request to the canvas path `path` (starting with `/`), longest paths first. */
export function cookieHeader(cookies: readonly JarCookie[], path: string): string | undefined {
  const matching = cookies.filter((cookie) => path.startsWith(cookie.path)).sort((a, b) => b.path.length - a.path.length);
  return matching.length === 0 ? undefined : matching.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}
