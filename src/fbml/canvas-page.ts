/**
 * What the canvas tags know about the page they render on: where it is, how its links are
 * rewritten (docs/canvas-fbml.md, "Links, forms and redirects"), and what the render found out
 * on the way (the title, a redirect). One per render.
 */
import { platformPagePath } from './platform-links.js';
import type { CanvasRenderRequest } from './canvas-api.js';
import type { RenderRequest } from './fbml-api.js';
import type { BoxRender } from './fbml-tag.js';
import { allowedUrl, type UrlUse } from './url-policy.js';

/** Stands in for the origin when the canvas base is a path, so relative URLs can be resolved. */
const PATH_ORIGIN = 'http://canvas.invalid';

/** The profile-box request the shared tags read, with the canvas page beside it. */
export interface CanvasBoxRequest extends RenderRequest {
  readonly canvas: CanvasPage;
}

/** The canvas page of a render; only canvas tags call it, and they are only known on canvas pages. */
export function canvasPageOf(box: BoxRender): CanvasPage {
  const page = (box.request as Partial<CanvasBoxRequest>).canvas;
  if (page === undefined) throw new Error(`a canvas tag was rendered outside a canvas page`);
  return page;
}

export interface RequestFormContext {
  /** The noun of the request (`type`), for the buttons. */
  readonly type: string;
  readonly invite: boolean;
  /** Where the sender goes afterwards, resolved (CanvasPage.target). */
  readonly action: string;
}

export class CanvasPage {
  /** From the first fb:title rendered. */
  title: string | undefined;
  /** From the first fb:redirect rendered; the page is then not shown. */
  redirect: string | undefined;
  /** The fb:request-form being rendered, for the friend pickers and submit buttons inside it. */
  requestForm: RequestFormContext | undefined;
  /** Whether the render read the clock or signed parameters: its output is then this moment's only. */
  volatile = false;

  /** Parsed when a tag first asks about a URL: a page whose render is remembered never needs them. */
  #known: PagePlace | undefined;

  constructor(readonly request: CanvasRenderRequest) {}

  get #place(): PagePlace {
    this.#known ??= pagePlace(this.request);
    return this.#known;
  }

  get #base(): URL {
    return this.#place.base;
  }

  get #page(): URL {
    return this.#place.page;
  }

  /** The clock, for date pickers. */
  now(): Date {
    this.volatile = true;
    return this.request.now ?? new Date();
  }

  /** The signed parameters for an `fb:iframe` (fresh ones each time: they carry the time). */
  iframeParameters(src: string): Readonly<Record<string, string>> {
    this.volatile = true;
    return this.request.iframeParameters(src, this.inCallbackDomain(src));
  }

  /** This page's own URL, as links on it should name it (a path when the base is one). */
  get pageUrl(): string {
    return this.#emit(this.#page);
  }

  /** The page as the app knows it (callback URL + the rest), for targets that only accept the app's own URLs. */
  get callbackPageUrl(): string {
    return this.request.callbackUrl + this.#page.href.slice(this.#base.href.length);
  }

  /**
   * An HTML or tag URL on this page: `link` and `form` targets that start with the callback URL
   * (or name this app's apps.facebook.com canvas) become canvas URLs; a relative form action must
   * stay inside the canvas (it posts through the proxy); images keep the profile rule.
   */
  url(value: string, use: UrlUse): string | undefined {
    if (use === 'image') return allowedUrl(value, 'image', this.request.platformHost);
    if (use === 'link') {
      const link = allowedUrl(value, 'link');
      return link === undefined ? undefined : (this.#toCanvas(link) ?? platformPagePath(link) ?? link);
    }
    const checked = allowedUrl(value, 'link');
    if (checked === undefined) return undefined;
    const canvas = this.#toCanvas(checked);
    if (canvas !== undefined) return canvas;
    if (isRelative(checked)) return this.#insideCanvas(checked) ? checked : undefined;
    return allowedUrl(checked, 'form', this.request.platformHost);
  }

  /**
   * Where a URL leads from anywhere (fb:redirect, the end of a request form): relative URLs
   * resolved against this page, callback URLs made canvas URLs; http(s) and relative only.
   */
  target(value: string): string | undefined {
    const checked = allowedUrl(value, 'link');
    if (checked === undefined || /^mailto:/i.test(checked.replace(/\s/g, ''))) return undefined;
    const canvas = this.#toCanvas(checked);
    if (canvas !== undefined) return canvas;
    if (!isRelative(checked)) return new URL(checked).href;
    return this.#emit(new URL(checked, this.#page));
  }

  /** Whether `src` lies in the callback URL's domain or one below it (where the viewer's session may go). */
  inCallbackDomain(src: string): boolean {
    const host = parsed(src)?.hostname;
    const domain = this.#place.callback?.hostname;
    if (host === undefined || domain === undefined || domain === '') return false;
    return host === domain || host.endsWith(`.${domain}`);
  }

  /** The canvas URL for an absolute URL under one of the canvas roots. */
  #toCanvas(value: string): string | undefined {
    const target = parsed(value.trim());
    if (target === undefined) return undefined;
    for (const root of this.#place.canvasRoots) {
      if (target.origin !== root.origin || !target.href.startsWith(root.href)) continue;
      return this.#emit(new URL(this.#base.href + target.href.slice(root.href.length)));
    }
    return undefined;
  }

  #insideCanvas(relative: string): boolean {
    const resolved = new URL(relative, this.#page);
    return resolved.origin === this.#base.origin && resolved.pathname.startsWith(this.#base.pathname);
  }

  /** A path when the base is one and the URL stayed on its (stand-in) origin; otherwise the absolute URL. */
  #emit(url: URL): string {
    return this.#place.baseIsPath && url.origin === PATH_ORIGIN ? url.href.slice(PATH_ORIGIN.length) : url.href;
  }
}

/** Where the page is, as URLs. */
interface PagePlace {
  readonly base: URL;
  readonly page: URL;
  readonly baseIsPath: boolean;
  readonly callback: URL | undefined;
  /** Absolute URLs under these are this canvas: the callback URL, apps.facebook.com/<name>/, the canvas base on this server. */
  readonly canvasRoots: readonly URL[];
}

function pagePlace(request: CanvasRenderRequest): PagePlace {
  const baseIsPath = parsed(request.canvasBase) === undefined;
  const base = new URL(request.canvasBase, PATH_ORIGIN);
  // Textual, as the proxy joins the callback URL and the rest: no slash is added or removed.
  const page = new URL(base.href + request.pagePath);
  const name = request.app.canvasName;
  const host = request.platformHost;
  const ownBase = !baseIsPath ? [base.href] : host ? ['http', 'https'].map((scheme) => `${scheme}://${host}${base.pathname}`) : [];
  const canvasRoots = [request.callbackUrl, ...(name ? [`http://apps.facebook.com/${encodeURIComponent(name)}/`] : []), ...ownBase].flatMap((root) => parsed(root) ?? []);
  return { base, page, baseIsPath, callback: parsed(request.callbackUrl), canvasRoots };
}

function parsed(value: string): URL | undefined {
  try {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? new URL(value) : undefined;
  } catch {
    return undefined;
  }
}

/** No scheme, or `http:foo` (which browsers read as relative): anything allowedUrl let through without `//`. */
function isRelative(url: string): boolean {
  return parsed(url) === undefined;
}
