/**
 * Where the pages may send a browser. Every target taken from a request is checked against the
 * app's callback URL origin before use, and the checked URL (as the WHATWG parser reads it, the
 * way browsers do) is what goes into `Location`, so what we checked is what the browser follows.
 * An open redirect here would hand auth tokens and sessions to whoever wrote the link.
 */

/**
 * The platform's own page for desktop programs that read the final URL
 * (docs/pages.md, "/connect/login_success.html").
 */
export const LOGIN_SUCCESS_PATH = '/connect/login_success.html';

function parseHttpUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // `http://app.example@evil.example/` reads as a link to the app; refuse user info altogether.
  if (url.username !== '' || url.password !== '') return undefined;
  return url;
}

/** True for text with a scheme (`https:…`, `javascript:…`); `//host` and `\\host` are not, and get concatenated. */
function hasScheme(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where `target` leads on the app (docs/pages.md, "/login.php" step 5): text without a scheme is
 * appended to the callback URL as is (`page.php?x=1`); a URL with a scheme is taken as given. The
 * result counts only if it is an http(s) URL on the callback URL's origin. `undefined` target → the
 * callback URL.
 */
export function resolveOnApp(callbackUrl: string, target: string | undefined): URL | undefined {
  const callback = parseHttpUrl(callbackUrl);
  if (!callback) return undefined;
  if (target === undefined) return callback;
  const url = parseHttpUrl(hasScheme(target) ? target : callbackUrl + target);
  return url && url.origin === callback.origin ? url : undefined;
}

/** `target` when it is exactly the platform's own login_success page on this server. */
export function platformLoginSuccess(target: string | undefined, platformOrigin: string): URL | undefined {
  if (target === undefined) return undefined;
  const url = parseHttpUrl(target);
  return url && url.origin === platformOrigin && url.pathname === LOGIN_SUCCESS_PATH ? url : undefined;
}

/**
 * A target a Connect flow may go to: on the app's callback origin, or the platform's
 * login_success page (desktop programs that use the Connect flow point `next` there).
 */
export function resolveConnectTarget(callbackUrl: string | null, target: string | undefined, platformOrigin: string): URL | undefined {
  return platformLoginSuccess(target, platformOrigin) ?? (callbackUrl !== null && target !== undefined ? resolveOnApp(callbackUrl, target) : undefined);
}

/** `url` with `name=value` added to its query, before any fragment, with `?` or `&` as needed. */
export function withQueryParameter(url: URL, name: string, value: string): string {
  const copy = new URL(url.href);
  const pair = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
  // `search` is '' both for no query and for a bare `?`.
  copy.search = copy.search === '' ? `?${pair}` : `${copy.search}&${pair}`;
  return copy.href;
}

/**
 * The web flow's destination (docs/pages.md, "/login.php" step 5): callback URL + `next` +
 * `auth_token`. A `next` that would leave the app's origin is dropped and the callback URL itself
 * is used.
 */
export function webAppDestination(callbackUrl: string, next: string | undefined, authToken: string): string | undefined {
  const url = resolveOnApp(callbackUrl, next) ?? resolveOnApp(callbackUrl, undefined);
  return url && withQueryParameter(url, 'auth_token', authToken);
}
