/**
 * Canvas names (docs/canvas.md, "Canvas names"): 3–32 characters of `a-z 0-9 _ -`, kept in lower
 * case, and never a first path segment of Hearth's own. A canvas page is served both at
 * `/apps/NAME/…` and at `/NAME/…`; the second only works for names no page of Hearth has, so those
 * names are refused altogether rather than half working.
 */
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';

/** The first path segment under which every canvas page is served. */
export const CANVAS_ROOT = 'apps';

/**
 * Every first path segment Hearth serves without a dot in it (a name cannot have one), and those
 * the platform had that an old app might link to. A test compares it with the routes a server
 * registers, so a new top-level page cannot be left out.
 */
export const RESERVED_CANVAS_NAMES: ReadonlySet<string> = new Set([
  // Hearth's own first segments.
  CANVAS_ROOT,
  'connect',
  'demo',
  'eventpics',
  'fbml',
  'healthz',
  'inbox',
  'photos',
  'readyz',
  // The platform's paths that Hearth serves or may serve (the Connect library's files, extern/, static files).
  'extern',
  'js',
  'rsrc',
  'static',
  'images',
  'css',
  // Names of the platform's own pages and sections, which an app must not appear to be.
  'about',
  'admin',
  'api',
  'developers',
  'events',
  'facebook',
  'friends',
  'groups',
  'hearth',
  'help',
  'home',
  'login',
  'logout',
  'messages',
  'notes',
  'notifications',
  'pages',
  'privacy',
  'profile',
  'settings',
  'terms',
  'www',
]);

const NAME = /^[a-z0-9_-]{3,32}$/;

/** An operator's canvas name, lower-cased and checked, or why it cannot be one. */
export function parseCanvasName(text: string): string {
  const name = text.trim().toLowerCase();
  if (!NAME.test(name)) {
    throw new InvalidInputError(`canvas name must be 3 to 32 characters of a-z, 0-9, _ and -; got ${JSON.stringify(text)}`);
  }
  if (RESERVED_CANVAS_NAMES.has(name)) throw new InvalidInputError(`canvas name ${JSON.stringify(name)} is one of Hearth's own addresses; choose another`);
  return name;
}

/** The stored form of a name a browser asked for, or undefined when no app can have it (no lookup needed). */
export function canvasNameInPath(segment: string): string | undefined {
  const name = segment.toLowerCase();
  return NAME.test(name) && !RESERVED_CANVAS_NAMES.has(name) ? name : undefined;
}
