/** Canvas pages (docs/canvas.md): the render modes, who is looking, and the cookie jar's records. */

/** FBML: Hearth fetches the page and renders it. iframe: the browser loads the app's page in a frame. */
export type CanvasMode = 'fbml' | 'iframe';

/** The viewer of a canvas page, as the `fb_sig_*` set describes them. */
export type CanvasViewer =
  | { readonly kind: 'visitor' }
  /** Signed in, has not authorized the app. */
  | { readonly kind: 'signed-in'; readonly uid: number; readonly locale: string }
  | {
      readonly kind: 'app-user';
      readonly uid: number;
      readonly locale: string;
      readonly sessionKey: string;
      /** Unix seconds; 0 for a session that never expires. */
      readonly expires: number;
      /** Only sessions that expire have one (docs/protocol-choices.md, "Sessions"). */
      readonly sessionSecret: string | null;
      /** Unix seconds of the person's last profile change; 0 if never. */
      readonly profileUpdateTime: number;
      readonly extendedPermissions: readonly string[];
      readonly friends: readonly number[];
    };

/** A cookie an FBML canvas page set, as the jar keeps it. */
export interface JarCookie {
  readonly name: string;
  readonly value: string;
  /** Relative to the callback URL, starting with `/`. */
  readonly path: string;
  readonly expiresAt: Date;
}

/** Whose jar: a signed-in person's, or a visitor's browser's. */
export type JarOwner = { readonly uid: number } | { readonly browserId: string };

export interface CanvasCookieRepository {
  /** The unexpired cookies of the jar for the app. */
  list(owner: JarOwner, appId: number, now: Date): Promise<JarCookie[]>;
  /** Stores or replaces each cookie (by name and path); an expired one is deleted. */
  store(owner: JarOwner, appId: number, cookies: readonly JarCookie[], now: Date): Promise<void>;
  deleteExpired(now: Date): Promise<number>;
}
