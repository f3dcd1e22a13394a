/**
 * Links an app wrote to the platform's own pages (docs/fbml.md, "Links to the platform"): apps of
 * the period wrote `http://www.facebook.com/profile.php?id=…` and
 * `http://apps.facebook.com/NAME/…` into their FBML. Hearth serves those pages at the same paths
 * (canvas pages under /apps/), so such a link becomes a link to this server's page, and works
 * wherever Hearth runs, under whatever name.
 */

/** The platform's hosts whose pages Hearth serves at the same paths. */
export const PLATFORM_PAGE_HOSTS: ReadonlySet<string> = new Set(['www.facebook.com', 'facebook.com', 'login.facebook.com', 'www.connect.facebook.com']);
/** The platform's canvas host: `apps.facebook.com/NAME/…` is `/apps/NAME/…` here. */
export const PLATFORM_CANVAS_HOST = 'apps.facebook.com';

/**
 * Could name one of those hosts: checked first because every link of every box comes here, and
 * parsing a URL costs far more than this test (a port, user info or odd spelling is left to the parser).
 */
const MAYBE_PLATFORM = /^\s*https?:\/\/(?:[^/?#]*@)?(?:www\.|login\.|www\.connect\.|apps\.)?facebook\.com\.?(?:[:/?#]|$)/i;

/** The path on this server for an absolute URL of the platform's pages, or undefined for any other URL. */
export function platformPagePath(value: string): string | undefined {
  if (!MAYBE_PLATFORM.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase();
  if (host === PLATFORM_CANVAS_HOST) return `/apps${url.pathname}${url.search}${url.hash}`;
  if (PLATFORM_PAGE_HOSTS.has(host)) return `${url.pathname}${url.search}${url.hash}`;
  return undefined;
}
