/**
 * The `fb_sig_*` set a canvas request carries (docs/canvas.md, "What the app receives"), in the
 * order Hearth writes it: the mode's own parameters, the common ones, the viewer's, then `fb_sig`.
 * The order does not change the signature (the names are sorted for it); it is fixed so that what
 * an app logs reads the same every time.
 */
import { signFbSigParams } from '../../wire/fb-sig.js';
import type { CanvasMode, CanvasViewer } from './records.js';

export interface FbSigRequest {
  readonly mode: CanvasMode;
  /** The browser's own method (FBML pages only: `fb_sig_request_method`). */
  readonly requestMethod: 'GET' | 'POST';
  readonly viewer: CanvasViewer;
  readonly app: { readonly apiKey: string; readonly appId: number; readonly secret: string };
  /** Unix time with a fraction, e.g. `1262304000.5678`. */
  readonly time: string;
  /** The app's base domain, when its settings have one. */
  readonly baseDomain?: string;
  /**
   * `false` for an `fb:iframe` outside the callback URL's domain: the viewer's uid, session and
   * friends stay out of it (whether they authorized the app still goes).
   */
  readonly personal?: boolean;
}

/** The signed set, `fb_sig` last, as name/value pairs. */
export function canvasFbSig(request: FbSigRequest): Array<[string, string]> {
  const { viewer } = request;
  const params: Record<string, string> =
    request.mode === 'fbml' ? { fb_sig_in_canvas: '1', fb_sig_request_method: request.requestMethod, fb_sig_position_fix: '1' } : { fb_sig_in_iframe: '1' };
  params.fb_sig_locale = viewer.kind === 'visitor' ? 'en_US' : viewer.locale;
  params.fb_sig_in_new_facebook = '1';
  params.fb_sig_time = request.time;
  if (viewer.kind === 'visitor') params.fb_sig_logged_out_facebook = '1';
  params.fb_sig_added = viewer.kind === 'app-user' ? '1' : '0';
  params.fb_sig_api_key = request.app.apiKey;
  params.fb_sig_app_id = String(request.app.appId);
  if (viewer.kind === 'app-user' && request.personal !== false) {
    params.fb_sig_user = String(viewer.uid);
    params.fb_sig_session_key = viewer.sessionKey;
    params.fb_sig_expires = String(viewer.expires);
    params.fb_sig_profile_update_time = String(viewer.profileUpdateTime);
    params.fb_sig_ext_perms = viewer.extendedPermissions.join(',');
    params.fb_sig_friends = viewer.friends.join(',');
    // The session secret only goes to a page the browser loads itself, inside the callback URL (the iframe).
    if (request.mode === 'iframe' && viewer.sessionSecret !== null) params.fb_sig_ss = viewer.sessionSecret;
  }
  if (request.baseDomain) params.fb_sig_base_domain = request.baseDomain;
  return Object.entries(signFbSigParams(params, request.app.secret));
}

/** An FBML request's body: the viewer's form fields first, then the signed set. */
export function canvasPostBody(fields: ReadonlyArray<readonly [string, string]>, signed: ReadonlyArray<readonly [string, string]>): string {
  return new URLSearchParams([...fields, ...signed] as Array<[string, string]>).toString();
}

/** An iframe's `src`: the app's URL (its query, the viewer's, first), then the signed set. */
export function iframeSrc(target: URL, signed: ReadonlyArray<readonly [string, string]>): string {
  return `${target.href}${target.search === '' ? '?' : '&'}${new URLSearchParams(signed as Array<[string, string]>).toString()}`;
}

/** Unix time now with four decimals, as `fb_sig_time` carries it. */
export function fbSigTimeNow(): string {
  return ((performance.timeOrigin + performance.now()) / 1000).toFixed(4);
}
