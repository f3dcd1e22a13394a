/**
 * Where a canvas request goes on the app's server (docs/canvas.md, "Addresses"): the callback URL
 * and the rest of the canvas path and query, concatenated as written. The result is parsed the way
 * the request will use it and must stay inside the callback URL — same scheme, host and port, a
 * path that starts with the callback's — so that no rest (`.evil.com/`, `@evil.com/`, `../`) can
 * point the proxy anywhere else. What was checked is what is requested.
 */

/** Viewer-supplied names the app would take for the platform's: `fb_sig*`, `fb_post_sig*`. */
export function isPlatformParameter(name: string): boolean {
  // PHP turns `.`, ` ` and `[` in a parameter name into `_`: `fb.sig_user` arrives as `fb_sig_user`.
  const asPhpReadsIt = name.replace(/[. []/g, '_');
  return asPhpReadsIt.startsWith('fb_sig') || asPhpReadsIt.startsWith('fb_post_sig');
}

function decodedName(piece: string): string {
  const name = piece.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A canvas URL's own parameter (`fb_force_mode`): for Hearth, not forwarded. */
export const FORCE_MODE_PARAMETER = 'fb_force_mode';

/** The pieces of a raw query whose (decoded) names `keep` accepts, each byte for byte, in order. */
export function filterQuery(rawQuery: string, keep: (name: string) => boolean): string {
  if (rawQuery === '') return '';
  return rawQuery
    .split('&')
    .filter((piece) => keep(decodedName(piece)))
    .join('&');
}

/** The query as the browser sent it, minus the platform's parameters and `fb_force_mode`. */
export function forwardedQuery(rawQuery: string): string {
  return filterQuery(rawQuery, (name) => !isPlatformParameter(name) && name !== FORCE_MODE_PARAMETER);
}

/** http(s) only, and no user name or password (`http://app@evil/` reads as the app to people). */
export function parseCallbackUrl(callbackUrl: string): URL | undefined {
  try {
    const url = new URL(callbackUrl);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `text` as a URL, if it lies inside the callback URL. */
export function insideCallback(text: string, callback: URL): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const sameServer = url.protocol === callback.protocol && url.hostname === callback.hostname && url.port === callback.port;
  if (!sameServer || url.username !== '' || url.password !== '' || !url.pathname.startsWith(callback.pathname)) return undefined;
  url.hash = '';
  return url;
}

/** The app's URL for `rest` (the canvas path after `/apps/NAME/`) and a query already filtered, if it is inside the callback. */
export function appUrlFor(callback: URL, callbackUrl: string, rest: string, query: string): URL | undefined {
  return insideCallback(`${callbackUrl}${rest}${query === '' ? '' : `?${query}`}`, callback);
}

/** The canvas path (after the canvas base) of a URL inside the callback URL: what the browser should see. */
export function canvasRestOf(url: URL, callback: URL): string {
  return `${url.pathname.slice(callback.pathname.length)}${url.search}`;
}
