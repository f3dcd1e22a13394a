/**
 * The canvas renderer's public contract (docs/canvas-fbml.md): what the canvas proxy hands in
 * with the app's answer, and what it gets back — a page to put in its chrome, or a redirect.
 */
import type { FbmlServices } from './box-facts.js';
import type { RenderRequest } from './fbml-api.js';

/** Where `fb:request-form` posts: Hearth's confirmation of the requests a person sends. */
export const REQUEST_FORM_SUBMIT_PATH = '/fbml/request_form_submit.php';

/** Where `fb:prompt-permission` leads: the extended-permission prompt. */
export const PERMISSION_PROMPT_PATH = '/authorize.php';

/** The app whose canvas page this is. */
export interface CanvasApp {
  readonly id: number;
  readonly name: string;
  /** For the links to the permission prompt (`fb:prompt-permission`), which names apps by key. */
  readonly apiKey: string;
  /** `icon_url` of the app's settings, shown by fb:dashboard and fb:header; none when absent. */
  readonly iconUrl?: string | null;
  /** Links to `http://apps.facebook.com/<canvasName>/…` are rewritten to the canvas base as well. */
  readonly canvasName?: string;
}

/**
 * The signed `fb_sig_*` parameters to append to an `fb:iframe`'s `src`. `personal` is whether the
 * src lies in the callback URL's domain (or a subdomain of it): only then may the viewer's uid,
 * session key and session secret go along. Returns parameter names with their `fb_sig` prefix.
 */
export type IframeParameters = (src: string, personal: boolean) => Readonly<Record<string, string>>;

export interface CanvasRenderRequest extends Pick<RenderRequest, 'fbml' | 'viewerUid' | 'platformHost'> {
  readonly app: CanvasApp;
  /**
   * The canvas base the viewer reached: a path (`/apps/hearthdemo/`) or an absolute URL
   * (`http://apps.example.net/hearthdemo/`), ending in `/`. Rewritten links and redirects use it.
   */
  readonly canvasBase: string;
  /** The page within the canvas, after the base, with its query: `step.php?to=5`, or `` for the root. */
  readonly pagePath: string;
  /** The app's callback URL: absolute links that start with it become canvas links. */
  readonly callbackUrl: string;
  /** Whether the viewer authorized the app (`fb_sig_added=1`); known to the proxy, so not asked again. */
  readonly viewerAuthorized: boolean;
  readonly iframeParameters: IframeParameters;
  /** `fb:google-analytics` writes its snippet only when the operator turned it on (off in closed networks). */
  readonly googleAnalytics?: boolean;
  /**
   * For the app's developers: unknown `fb:` tags leave an HTML comment naming them. Never for
   * other viewers.
   */
  readonly developerComments?: boolean;
  /** The clock for date pickers (fb:editor-date and the like); now when absent. */
  readonly now?: Date;
  /** Who people are, who the viewer's friends are, who uses the app. */
  readonly services: FbmlServices;
}

export type CanvasRenderResult =
  | {
      readonly kind: 'page';
      /** Safe HTML for the canvas area (the same rules as profile boxes, plus the canvas tags). */
      readonly html: string;
      /** From `fb:title`: the page's title, as text. */
      readonly title?: string;
      /** What was dropped or broken, for the app's developer. */
      readonly problems: string[];
    }
  | {
      readonly kind: 'redirect';
      /** Where `fb:redirect` sends the browser: an absolute http(s) URL, or a canvas path. */
      readonly url: string;
    };
