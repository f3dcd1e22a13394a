/**
 * Tags that act on the canvas page rather than draw in it (docs/canvas-fbml.md, "The page"):
 * fb:title, fb:redirect, fb:iframe, fb:prompt-permission, fb:google-analytics and fb:js-string.
 */
import { Text, type Element } from 'domhandler';
import { PERMISSION_PROMPT_PATH } from '../canvas-api.js';
import { canvasPageOf } from '../canvas-page.js';
import type { BoxRender, FbmlTag } from '../fbml-tag.js';
import { element as htmlElement, type OutputNode } from '../html-nodes.js';
import { filterStyle } from '../style-filter.js';
import { allowedUrl } from '../url-policy.js';
import { plainText, sizeAttribute } from './tag-kit.js';

/** Longer titles are cut; the page's title bar shows far less. */
const MAX_TITLE_LENGTH = 200;

const TITLE_TAG: FbmlTag = {
  render(element, box) {
    const page = canvasPageOf(box);
    const title = plainText(element.children).replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
    if (page.title === undefined && title !== '') page.title = title;
    return [];
  },
};

/** Stops the page: the proxy sends the browser on. Only the first one rendered counts. */
const REDIRECT_TAG: FbmlTag = {
  render(element, box) {
    const page = canvasPageOf(box);
    const value = element.attribs.url;
    if (value === undefined) {
      box.problems.add('fb:redirect: required attribute "url" is missing; ignored');
      return [];
    }
    const target = page.target(value);
    if (target === undefined) box.problems.add(`fb:redirect: url ${JSON.stringify(value)} is not an http(s) or relative URL; ignored`);
    else page.redirect ??= target;
    return [];
  },
};

/** Ringside's defaults, which match the canvas column. */
const IFRAME_DEFAULTS = { width: '646', height: '800', frameborder: '1', scrolling: 'yes' } as const;

function iframe(element: Element, box: BoxRender): OutputNode[] {
  const page = canvasPageOf(box);
  const value = element.attribs.src;
  const src = value === undefined ? undefined : allowedUrl(value, 'form', box.request.platformHost);
  if (src === undefined) {
    box.problems.add(value === undefined ? 'fb:iframe: required attribute "src" is missing; removed' : `fb:iframe: src ${JSON.stringify(value)} must be an absolute http(s) URL of another server; removed`);
    return [];
  }
  const attributes: Record<string, string> = {
    class: 'fbml-iframe',
    src: withParameters(src, page.iframeParameters(src)),
    width: sizeAttribute(element, 'width', box, IFRAME_DEFAULTS.width)!,
    height: sizeAttribute(element, 'height', box, IFRAME_DEFAULTS.height)!,
    frameborder: oneOf(element, 'frameborder', ['0', '1'], IFRAME_DEFAULTS.frameborder, box),
    scrolling: oneOf(element, 'scrolling', ['yes', 'no', 'auto'], IFRAME_DEFAULTS.scrolling, box),
  };
  const name = element.attribs.name?.trim();
  if (name !== undefined && /^[A-Za-z][\w-]{0,63}$/.test(name)) attributes.name = name;
  else if (name !== undefined) box.problems.add(`fb:iframe: name ${JSON.stringify(name)} is not a word of letters, digits, - and _; ignored`);
  if (element.attribs.style !== undefined) {
    const filtered = filterStyle(element.attribs.style, box.request.platformHost);
    for (const removed of filtered.removed) box.problems.add(`style: ${removed}; removed`);
    if (filtered.style !== '') attributes.style = filtered.style;
  }
  return [htmlElement('iframe', attributes)];
}

function oneOf(element: Element, name: string, values: readonly string[], fallback: string, box: BoxRender): string {
  const value = element.attribs[name];
  if (value === undefined) return fallback;
  const word = value.trim().toLowerCase();
  if (values.includes(word)) return word;
  box.problems.add(`${element.name}: ${name} ${JSON.stringify(value)} is not one of ${values.join(', ')}; ${fallback} used`);
  return fallback;
}

/** `src` with `parameters` added to its query (after what it has), before any fragment. */
export function withParameters(src: string, parameters: Readonly<Record<string, string>>): string {
  const query = new URLSearchParams(Object.entries(parameters)).toString();
  if (query === '') return src;
  const hash = src.indexOf('#');
  const [head, fragment] = hash < 0 ? [src, ''] : [src.slice(0, hash), src.slice(hash)];
  const separator = !head.includes('?') ? '?' : head.endsWith('?') || head.endsWith('&') ? '' : '&';
  return `${head}${separator}${query}${fragment}`;
}

/** A link to the permission prompt, which comes back to this page (as the app knows it) afterwards. */
function promptPermission(element: Element, box: BoxRender): OutputNode[] {
  const page = canvasPageOf(box);
  const content = box.render(element.children);
  const perms = (element.attribs.perms ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => /^[a-z_]{1,40}$/.test(name));
  if (perms.length === 0) {
    box.problems.add('fb:prompt-permission: required attribute "perms" names no permission; shown without a link');
    return content;
  }
  const query = new URLSearchParams({ api_key: page.request.app.apiKey, v: '1.0', ext_perm: [...new Set(perms)].join(','), next: page.callbackPageUrl, canvas: '1' });
  return [htmlElement('a', { class: 'fbml-prompt-permission', href: `${PERMISSION_PROMPT_PATH}?${query}` }, content)];
}

/** Google's own tracker, written by Hearth with the account checked, and only where the operator allows it. */
function googleAnalytics(element: Element, box: BoxRender): OutputNode[] {
  const page = canvasPageOf(box);
  if (!page.request.googleAnalytics) return [];
  const account = element.attribs.uacct?.trim() ?? '';
  if (!/^(UA|MO)-\d{1,12}-\d{1,4}$/.test(account)) {
    box.problems.add(`fb:google-analytics: uacct ${JSON.stringify(element.attribs.uacct ?? '')} is not an account such as UA-12345-1; removed`);
    return [];
  }
  const pagePath = element.attribs.page;
  const call = pagePath === undefined ? 'urchinTracker();' : `urchinTracker(${scriptString(pagePath)});`;
  const code = new Text(`_uacct = ${scriptString(account)}; ${call}`);
  const script = htmlElement('script', {}, [code]);
  // The serialiser writes a script's text unescaped only when it knows the text's parent.
  code.parent = script;
  return [htmlElement('script', { src: 'https://ssl.google-analytics.com/urchin.js' }), script];
}

/** A JavaScript string literal that cannot end the script element or the string, whatever `text` holds. */
function scriptString(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029/]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const PAGE_TAGS: ReadonlyMap<string, FbmlTag> = new Map<string, FbmlTag>([
  ['fb:title', TITLE_TAG],
  ['fb:redirect', REDIRECT_TAG],
  ['fb:iframe', { render: iframe }],
  ['fb:prompt-permission', { render: promptPermission }],
  ['fb:google-analytics', { render: googleAnalytics }],
  // Its content is for FBJS (setInnerFBML, dialogs), which Hearth does not run: nothing to show.
  ['fb:js-string', { render: () => [] }],
]);
