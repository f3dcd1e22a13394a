/**
 * Where a Connect site lives (docs/connect.md, "Where a Connect site may be sent"): the app's
 * Connect URL host, the subdomains of its base domain, and — for apps that use canvas pages and
 * Connect both — its callback URL's origin. login.php, login_status.php and logout.php send
 * sessions and people only there; anything else gets an error page. The two settings are app
 * properties, kept by the app-admin feature (admin.setAppProperties).
 */
import type { Services } from '../feature.js';
import type { App } from '../apps/records.js';

export interface ConnectSite {
  /** The Connect URL's `host` (name and port), lower-case; undefined when none is set. */
  readonly connectHost: string | undefined;
  /** The base domain without a leading dot, lower-case; undefined when none is set. */
  readonly baseDomain: string | undefined;
  /** The callback URL's origin, when the app has one. */
  readonly callbackOrigin: string | undefined;
}

function httpUrl(text: string | undefined): URL | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    // `http://site.example@evil.example/` reads as the site; user info is refused altogether.
    return url.username === '' && url.password === '' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A base domain as settings write it (`example.com`, `.example.com`); one without a dot is no domain to share. */
function normalBaseDomain(text: string | undefined): string | undefined {
  const domain = text?.trim().toLowerCase().replace(/^\./, '');
  return domain && domain.includes('.') ? domain : undefined;
}

export function connectSiteOf(app: App, properties: { readonly connect_url?: unknown; readonly base_domain?: unknown }): ConnectSite {
  const connect = httpUrl(typeof properties.connect_url === 'string' ? properties.connect_url : undefined);
  return {
    connectHost: connect?.host.toLowerCase(),
    baseDomain: normalBaseDomain(typeof properties.base_domain === 'string' ? properties.base_domain : undefined),
    callbackOrigin: httpUrl(app.callbackUrl ?? undefined)?.origin,
  };
}

export async function readConnectSite(services: Services, app: App): Promise<ConnectSite> {
  const properties: Record<string, unknown> = await services.appProperties.values(app, ['connect_url', 'base_domain']);
  return connectSiteOf(app, properties);
}

/** Whether `hostname` is the base domain or one of its subdomains. */
export function insideBaseDomain(site: ConnectSite, hostname: string): boolean {
  const name = hostname.toLowerCase();
  return site.baseDomain !== undefined && (name === site.baseDomain || name.endsWith(`.${site.baseDomain}`));
}

/** `target` as the browser will read it, when it lies on the Connect site; undefined otherwise. */
export function onConnectSite(site: ConnectSite, target: string | undefined): URL | undefined {
  const url = httpUrl(target);
  if (!url) return undefined;
  if (site.connectHost !== undefined && url.host.toLowerCase() === site.connectHost) return url;
  if (insideBaseDomain(site, url.hostname)) return url;
  return site.callbackOrigin !== undefined && url.origin === site.callbackOrigin ? url : undefined;
}

/** The base domain to hand a page at `pageUrl` (auth.getSession's host_url, the session JSON): only when the page is inside it. */
export function baseDomainFor(site: ConnectSite, pageUrl: string | undefined): string | undefined {
  const url = httpUrl(pageUrl);
  return url && insideBaseDomain(site, url.hostname) ? site.baseDomain : undefined;
}
