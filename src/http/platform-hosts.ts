/**
 * The platform's host names that old apps and client libraries hard-code, and what Hearth serves
 * under each (docs/platform-hosts.md). An operator points these names at Hearth (hosts file, DNS,
 * or `hearth serve --proxy-port`); a request whose Host is one of them is routed here, before any
 * route is looked up. Any other Host is served as it always was.
 */

/**
 * `api`: the REST API at any path ending in /restserver.php. `pages`: the same paths as on
 * Hearth's own name. `canvas`: apps.facebook.com/NAME/… is the canvas page /apps/NAME/….
 * `static`: the same paths (the Connect library's files).
 */
export type PlatformHostRole = 'api' | 'pages' | 'canvas' | 'static';

export const PLATFORM_HOSTS: ReadonlyMap<string, PlatformHostRole> = new Map([
  // The PHP client, pyfacebook and facebook-java-api call api.; uploads went to api-photo. and
  // api-video.; later clients sent reads to api-read.
  ['api.facebook.com', 'api'],
  ['api-read.facebook.com', 'api'],
  ['api-photo.facebook.com', 'api'],
  ['api-video.facebook.com', 'api'],
  // login.php, authorize.php, code_gen.php and the rest; the v0.4 Connect login popup opened on www.connect.
  ['www.facebook.com', 'pages'],
  ['login.facebook.com', 'pages'],
  ['www.connect.facebook.com', 'pages'],
  ['apps.facebook.com', 'canvas'],
  // Where every Connect page loads FeatureLoader.js.php and XdCommReceiver.js from.
  ['static.ak.connect.facebook.com', 'static'],
  ['static.ak.facebook.com', 'static'],
  ['ssl.connect.facebook.com', 'static'],
]);

/** The host of the platform's pages: links in API answers given under an `api` host point there. */
export const PAGES_HOST = 'www.facebook.com';

/** Where a canvas page lives on Hearth's own name: apps.facebook.com/NAME/… is served as /apps/NAME/…. */
export const CANVAS_PREFIX = '/apps';

/** The name in a Host header or URL authority, without port, trailing dot or case; undefined for none. */
export function hostNameOf(authority: string | undefined): string | undefined {
  if (!authority) return undefined;
  const name = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.replace(/:\d*$/, '');
  return name.toLowerCase().replace(/\.$/, '');
}

export function platformHostRole(authority: string | undefined): PlatformHostRole | undefined {
  const name = hostNameOf(authority);
  return name === undefined ? undefined : PLATFORM_HOSTS.get(name);
}

/**
 * The URL (path and query) Hearth serves for `url` asked under a host of `role`.
 * `isHearthSegment` says whether a first path segment is one of Hearth's own (`inbox`,
 * `profile.php`, `apps` …): under apps.facebook.com those stay as they are, so the links of
 * Hearth's own chrome around a canvas page keep working there.
 */
export function routedUrl(role: PlatformHostRole, url: string, isHearthSegment: (segment: string) => boolean): string {
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  const query = mark === -1 ? '' : url.slice(mark);
  if (!path.startsWith('/')) return url;
  if (role === 'api') return path.endsWith('/restserver.php') ? `/restserver.php${query}` : url;
  if (role === 'canvas') {
    const segment = path.slice(1).split('/', 1)[0]!;
    return segment === '' || isHearthSegment(segment) ? url : `${CANVAS_PREFIX}${url}`;
  }
  return url;
}

/** The first segment of a route's path, or undefined when it is a parameter or wildcard (it names no fixed path). */
export function fixedFirstSegment(routePath: string): string | undefined {
  const segment = routePath.replace(/^\//, '').split('/', 1)[0]!;
  return /[:*]/.test(segment) ? undefined : segment;
}

/**
 * The origin of the URLs an answer carries (pictures, profile links, redirects). Under an `api`
 * host these are pages, which the platform served from www.facebook.com (profile_url was
 * http://www.facebook.com/profile.php?id=…); under any other host, the origin it was asked by.
 */
export function generatedUrlOrigin(request: { readonly protocol: string; readonly host: string }): string {
  if (platformHostRole(request.host) !== 'api') return `${request.protocol}://${request.host}`;
  const port = /:(\d+)$/.exec(request.host)?.[1];
  return `${request.protocol}://${PAGES_HOST}${port ? `:${port}` : ''}`;
}
