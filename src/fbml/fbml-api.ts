/**
 * The FBML renderer's public contract (docs/fbml.md): what the profile page, the CLI preview and
 * profile.setFBML use. The renderer itself lives beside this file.
 */

/** Where a box is shown; decides fb:wide / fb:narrow (docs/fbml.md, "Containers and columns"). */
export type BoxPosition = 'wide' | 'narrow' | 'main';

export interface RenderRequest {
  /** The stored FBML text. */
  readonly fbml: string;
  /** Whose profile the box is on. */
  readonly ownerUid: number;
  /** Who is looking; `undefined` when nobody is signed in. */
  readonly viewerUid: number | undefined;
  /** The app that set the box. */
  readonly appId: number;
  readonly position: BoxPosition;
  /**
   * The host name the viewer reached this server by (the page's `Host`): images and forms of the
   * box may not point there. Absent outside a page (the CLI preview).
   */
  readonly platformHost?: string;
}

export interface RenderedBox {
  /** Safe HTML: only allow-listed elements and attributes, no script, no event handlers. */
  readonly html: string;
  /** What was dropped or broken, for the app's developer (unknown fb: tags, missing attributes…). */
  readonly problems: readonly string[];
}

/** Why profile.setFBML refuses markup (error 330), or an empty list when it may be stored. */
export type FbmlProblems = readonly string[];
