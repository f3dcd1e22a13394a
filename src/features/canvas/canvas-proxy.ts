/**
 * An FBML canvas request through the proxy (docs/canvas.md, "FBML pages"): POST to the app's URL
 * with the viewer's form fields and a fresh signed `fb_sig_*` set, the viewer's cookie jar,
 * redirects inside the callback URL followed as new signed GETs (at most five), and the answer
 * sorted into what the page does with it. Nothing here waits longer than the settings' deadline,
 * which covers every hop together.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { canvasFbSig, canvasPostBody } from './fb-sig-params.js';
import { fetchFromApp, type FetchLimits } from './callback-fetch.js';
import { cookieHeader, MAX_COOKIES_PER_ANSWER, parseSetCookie } from './cookie-jar.js';
import { canvasRestOf, insideCallback } from './canvas-target.js';
import type { CanvasViewer, JarCookie } from './records.js';

export const MAX_REDIRECTS = 5;

/** Marks Hearth's own requests, so that a callback URL pointing back at Hearth cannot loop. */
export const PROXY_MARK_HEADER = 'x-hearth-canvas-proxy';

const USER_AGENT = 'Hearth canvas proxy (facebookexternalhit compatible)';

/** Why a page could not be shown; the page tells viewers in general and the app's developers exactly. */
export type CanvasFailure =
  | { readonly reason: 'timeout'; readonly url: string; readonly timeoutMs: number }
  | { readonly reason: 'unreachable'; readonly url: string; readonly detail: string }
  | { readonly reason: 'forbidden-address'; readonly url: string; readonly address: string }
  | { readonly reason: 'status'; readonly url: string; readonly status: number }
  | { readonly reason: 'empty'; readonly url: string }
  | { readonly reason: 'too-large'; readonly url: string; readonly maxBytes: number }
  | { readonly reason: 'not-a-page'; readonly url: string; readonly contentType: string }
  | { readonly reason: 'too-many-redirects'; readonly url: string }
  | { readonly reason: 'bad-redirect'; readonly url: string; readonly location: string }
  /** The canvas path, put after the callback URL, would lead somewhere else (another host, `../`). */
  | { readonly reason: 'outside-callback'; readonly url: string };

export type ProxyOutcome =
  /** FBML to render; `url` is the app URL that answered, `rest` its canvas path. */
  | { readonly kind: 'fbml'; readonly fbml: string; readonly url: string; readonly rest: string }
  /** A `text/*` answer other than HTML or plain text: shown as the app sent it, outside the chrome. */
  | { readonly kind: 'raw'; readonly contentType: string; readonly body: Buffer }
  /** A redirect out of the callback URL, for the browser to follow. */
  | { readonly kind: 'browser-redirect'; readonly location: string }
  | { readonly kind: 'failed'; readonly failure: CanvasFailure };

export interface ProxyRequest {
  readonly url: URL;
  readonly callback: URL;
  readonly method: 'GET' | 'POST';
  /** The viewer's form fields, platform names already removed. */
  readonly fields: ReadonlyArray<readonly [string, string]>;
  readonly viewer: CanvasViewer;
  readonly app: { readonly apiKey: string; readonly appId: number; readonly secret: string };
  readonly baseDomain?: string;
  readonly clientAddress: string;
  readonly time: () => string;
  readonly limits: FetchLimits;
}

export interface CookieJarAccess {
  list(): Promise<JarCookie[]>;
  store(cookies: readonly JarCookie[]): Promise<void>;
}

function setCookieHeaders(headers: IncomingHttpHeaders): string[] {
  return headers['set-cookie'] ?? [];
}

/** The media type of an answer, lower-case, without parameters; '' when none was given. */
function mediaType(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

export async function proxyCanvasRequest(request: ProxyRequest, jar: CookieJarAccess): Promise<ProxyOutcome> {
  const deadline = Date.now() + request.limits.timeoutMs;
  let url = request.url;
  let method = request.method;
  let fields = request.fields;
  let cookies = await jar.list();
  for (let hop = 0; ; hop++) {
    const signed = canvasFbSig({ mode: 'fbml', requestMethod: method, viewer: request.viewer, app: request.app, time: request.time(), baseDomain: request.baseDomain });
    const cookie = cookieHeader(cookies, `/${canvasRestOf(url, request.callback).split('?', 1)[0]}`);
    const outcome = await fetchFromApp(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': USER_AGENT,
          'x-forwarded-for': request.clientAddress,
          accept: 'text/html, text/plain, */*',
          [PROXY_MARK_HEADER]: '1',
          ...(cookie ? { cookie } : {}),
        },
        body: canvasPostBody(fields, signed),
      },
      { ...request.limits, timeoutMs: deadline - Date.now() },
    );
    const at = url.href;
    switch (outcome.kind) {
      case 'timeout':
        return { kind: 'failed', failure: { reason: 'timeout', url: at, timeoutMs: request.limits.timeoutMs } };
      case 'too-large':
        return { kind: 'failed', failure: { reason: 'too-large', url: at, maxBytes: request.limits.maxBytes } };
      case 'unreachable':
        return { kind: 'failed', failure: { reason: 'unreachable', url: at, detail: outcome.reason } };
      case 'forbidden-address':
        return { kind: 'failed', failure: { reason: 'forbidden-address', url: at, address: outcome.address } };
    }
    const set = setCookieHeaders(outcome.headers)
      .slice(0, MAX_COOKIES_PER_ANSWER)
      .map((header) => parseSetCookie(header, request.callback.pathname, new Date()))
      .filter((parsed): parsed is JarCookie => parsed !== undefined);
    if (set.length > 0) {
      await jar.store(set);
      cookies = await jar.list();
    }
    const { status } = outcome;
    if (status >= 300 && status < 400 && outcome.headers.location !== undefined) {
      const location = outcome.headers.location;
      let target: URL;
      try {
        target = new URL(location, url);
      } catch {
        return { kind: 'failed', failure: { reason: 'bad-redirect', url: at, location } };
      }
      if (target.protocol !== 'http:' && target.protocol !== 'https:') return { kind: 'failed', failure: { reason: 'bad-redirect', url: at, location } };
      const inside = insideCallback(target.href, request.callback);
      if (!inside) return { kind: 'browser-redirect', location: target.href };
      if (hop + 1 > MAX_REDIRECTS) return { kind: 'failed', failure: { reason: 'too-many-redirects', url: at } };
      // A redirect is a fresh GET of the new page: the form the viewer posted went to the first one.
      url = inside;
      method = 'GET';
      fields = [];
      continue;
    }
    if (status < 200 || status >= 300) return { kind: 'failed', failure: { reason: 'status', url: at, status } };
    const type = mediaType(outcome.headers);
    if (outcome.body.length === 0) return { kind: 'failed', failure: { reason: 'empty', url: at } };
    if (type === '' || type === 'text/html' || type === 'text/plain') {
      return { kind: 'fbml', fbml: outcome.body.toString('utf8'), url: at, rest: canvasRestOf(url, request.callback) };
    }
    if (type.startsWith('text/')) return { kind: 'raw', contentType: outcome.headers['content-type']!, body: outcome.body };
    return { kind: 'failed', failure: { reason: 'not-a-page', url: at, contentType: type } };
  }
}
