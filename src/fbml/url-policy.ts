/**
 * Which URLs a profile box may carry (docs/fbml.md, "URLs"). A URL is judged the way a browser would
 * read it, only stricter: the parser has already decoded entities (`jav&#x09;ascript:` arrives as
 * `jav<TAB>ascript:`), and every space, control and invisible formatting character is removed
 * before the scheme is read, so no spelling of `javascript:` hides behind them. What is removed
 * here is a superset of what browsers skip, so a URL that passes can never mean another scheme
 * to a browser.
 */

/** What the URL is for; each use has its own rule. */
export type UrlUse =
  /** `a href`, `q cite`, fb:action, fb:subtitle's seeallurl: http, https, mailto or relative. */
  | 'link'
  /** `img src`, `background`, CSS `url()`: absolute http(s), fetched by every viewer's browser. */
  | 'image'
  /** `form action`: absolute http(s), the app's own server. */
  | 'form';

const SCHEMES: Readonly<Record<UrlUse, ReadonlySet<string>>> = {
  link: new Set(['http', 'https', 'mailto']),
  image: new Set(['http', 'https']),
  form: new Set(['http', 'https']),
};

/**
 * Relative links are allowed because they stay on this server; images and forms are not: an
 * `<img src="/logout.php">` would make every viewer's browser request our own pages. For the same
 * reason an absolute image or form URL may not name this server's own host (`platformHost`):
 * the viewer's browser would send it their sign-in cookie.
 */
const RELATIVE_ALLOWED: Readonly<Record<UrlUse, boolean>> = { link: true, image: false, form: false };

/**
 * Refused wherever they appear, not only as the scheme: a link that carries them in its query is
 * asking some other page to run them, and U+FFFD is what a NUL (`&#0;`) or broken text decodes to.
 */
const SUSPICIOUS = ['script:', 'data:', '\ufffd'];

/**
 * The URL to emit (trimmed), or `undefined` when `use` may not have it. `platformHost` is the
 * host name the viewer reached this server by; images and forms may not point there.
 */
export function allowedUrl(value: string, use: UrlUse, platformHost?: string): string | undefined {
  const compact = withoutInvisibleCharacters(value);
  if (compact === '') return undefined;
  const lower = compact.toLowerCase();
  if (SUSPICIOUS.some((text) => lower.includes(text))) return undefined;
  const scheme = schemeOf(compact);
  if (scheme === undefined) return RELATIVE_ALLOWED[use] ? value.trim() : undefined;
  if (!SCHEMES[use].has(scheme)) return undefined;
  // `http:foo` and `http:/foo` are relative to the page in browsers; an image or a form must name its host.
  if ((scheme === 'http' || scheme === 'https') && !compact.slice(scheme.length + 1).startsWith('//')) {
    return RELATIVE_ALLOWED[use] ? value.trim() : undefined;
  }
  if (!RELATIVE_ALLOWED[use] && platformHost !== undefined && urlIsOnHost(compact, platformHost)) return undefined;
  return value.trim();
}

/**
 * Whether an absolute URL names `host` (any port, any scheme: cookies are not kept apart by
 * either), as a browser would resolve it — `HOST.`, `Host`, `0x7f.1` and the like included.
 * A URL that does not parse names no host.
 */
export function urlIsOnHost(url: string, host: string): boolean {
  const target = hostOf(url);
  return target !== undefined && target === hostOf(`http://${host}/`);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.+$/, '');
  } catch {
    return undefined;
  }
}

/** Lower-case scheme (`https`), or `undefined` for a relative URL. */
function schemeOf(url: string): string | undefined {
  const colon = url.indexOf(':');
  if (colon < 1) return undefined;
  const scheme = url.slice(0, colon).toLowerCase();
  for (let index = 0; index < scheme.length; index++) {
    const code = scheme.charCodeAt(index);
    const letter = code >= 97 && code <= 122;
    const other = (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46; // 0-9 + - .
    if (!letter && !(index > 0 && other)) return undefined;
  }
  return scheme;
}

/** Removes C0/C1 controls, spaces of every kind and zero-width/bidi formatting characters. */
export function withoutInvisibleCharacters(text: string): string {
  let result = '';
  for (const character of text) {
    if (!isInvisible(character.codePointAt(0)!)) result += character;
  }
  return result;
}

function isInvisible(code: number): boolean {
  return (
    code <= 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0xad ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    (code >= 0x205f && code <= 0x206f) ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
