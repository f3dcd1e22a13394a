/**
 * The `style` attribute of app markup (docs/fbml.md, "Styles"): declarations are kept one by one
 * when their property is on the list below and their value is plain. Whole attributes are refused
 * when they contain what CSS uses to disguise text (backslash escapes, comments) or to reach
 * outside a declaration (`@import`, braces, angle brackets), so the checks on names and values
 * below never see an obfuscated word.
 */
import { allowedUrl } from './url-policy.js';

/**
 * Properties a box may set. Left out on purpose: `position` other than static/relative and the
 * offsets (`top`, `left`, `z-index`…), which would let a box cover the page around it; anything
 * that runs code or loads a binding (`behavior`, `-moz-binding`); `cursor`, which takes a URL.
 */
const PROPERTIES = new Set([
  'background', 'background-color', 'background-image', 'background-position', 'background-repeat',
  'border', 'border-collapse', 'border-color', 'border-radius', 'border-spacing', 'border-style', 'border-width',
  'border-top', 'border-right', 'border-bottom', 'border-left',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'clear', 'color', 'direction', 'display', 'float',
  'font', 'font-family', 'font-size', 'font-style', 'font-variant', 'font-weight',
  'height', 'letter-spacing', 'line-height', 'list-style', 'list-style-image', 'list-style-position', 'list-style-type',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'max-height', 'max-width', 'min-height', 'min-width', 'opacity', 'overflow', 'overflow-x', 'overflow-y',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'position',
  'table-layout', 'text-align', 'text-decoration', 'text-indent', 'text-overflow', 'text-transform',
  'vertical-align', 'visibility', 'white-space', 'width', 'word-spacing', 'word-wrap',
]);

/** Only these may hold `url(…)`, and only an absolute http(s) image URL. */
const URL_PROPERTIES = new Set(['background', 'background-image', 'list-style', 'list-style-image']);

/** A negative value here would pull the box's content over the page around it. */
const NO_NEGATIVE = new Set(['margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'text-indent']);

const POSITIONS = new Set(['static', 'relative']);

/** Functions a value may call; `url` is checked separately. */
const FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'url']);

/** Characters that only serve to escape, comment, nest or end CSS; their presence refuses the whole attribute. */
const FORBIDDEN_CHARACTERS = new Set(['\\', '<', '>', '{', '}', '@', '`', '\0']);

/** Words that have no business in a box's CSS, however they are used. */
const FORBIDDEN_WORDS = ['expression', 'javascript', 'vbscript', 'behavior', 'behaviour', 'binding', 'data:'];

export interface FilteredStyle {
  /** The declarations kept, `property: value` joined with `; `; empty when none was kept. */
  readonly style: string;
  /** What was removed, for the developer. */
  readonly removed: readonly string[];
}

/** `platformHost`: this server's host as the viewer reached it; `url()` may not point there. */
export function filterStyle(style: string, platformHost?: string): FilteredStyle {
  const lower = style.toLowerCase();
  const refusal = wholeStyleRefusal(lower);
  if (refusal) return { style: '', removed: [refusal] };
  const kept: string[] = [];
  const removed: string[] = [];
  for (const declaration of style.split(';')) {
    if (declaration.trim() === '') continue;
    const colon = declaration.indexOf(':');
    const property = (colon < 0 ? declaration : declaration.slice(0, colon)).trim().toLowerCase();
    const value = colon < 0 ? '' : declaration.slice(colon + 1).trim();
    const problem = declarationProblem(property, value, platformHost);
    if (problem) removed.push(`${property}: ${problem}`);
    else kept.push(`${property}: ${value}`);
  }
  return { style: kept.join('; '), removed };
}

function wholeStyleRefusal(lower: string): string | undefined {
  for (const character of lower) {
    if (FORBIDDEN_CHARACTERS.has(character) || isControl(character.charCodeAt(0))) {
      return `style with ${JSON.stringify(character)} (CSS escapes, comments and rules are not allowed)`;
    }
  }
  if (lower.includes('/*') || lower.includes('*/')) return 'style with a CSS comment';
  const word = FORBIDDEN_WORDS.find((forbidden) => lower.includes(forbidden));
  return word ? `style containing "${word}"` : undefined;
}

function declarationProblem(property: string, value: string, platformHost: string | undefined): string | undefined {
  if (!PROPERTIES.has(property)) return 'property not allowed';
  if (value === '') return 'no value';
  const lower = value.toLowerCase();
  if (property === 'position' && !POSITIONS.has(lower)) return 'only static and relative positions are allowed';
  if (NO_NEGATIVE.has(property) && hasNegativeNumber(lower)) return 'negative values are not allowed';
  if (!balanced(value)) return 'unbalanced quotes or parentheses';
  const functionProblem = functionsProblem(property, lower, platformHost);
  if (functionProblem) return functionProblem;
  return undefined;
}

/** Every `name(` must be an allowed function, and `url(…)` an absolute http(s) image on a property that takes one. */
function functionsProblem(property: string, lower: string, platformHost: string | undefined): string | undefined {
  let searchFrom = 0;
  for (let open = lower.indexOf('('); open >= 0; open = lower.indexOf('(', searchFrom)) {
    let start = open;
    while (start > 0 && isNameCharacter(lower.charCodeAt(start - 1))) start--;
    const name = lower.slice(start, open);
    if (!FUNCTIONS.has(name)) return `function ${name || '('} not allowed`;
    const close = lower.indexOf(')', open);
    if (name === 'url') {
      if (!URL_PROPERTIES.has(property)) return 'url() not allowed here';
      const target = unquote(lower.slice(open + 1, close).trim());
      if (/["'()\s]/.test(target) || allowedUrl(target, 'image') === undefined) return 'url() must be an absolute http(s) image';
      if (allowedUrl(target, 'image', platformHost) === undefined) return "url() may not point at this server's own pages";
    }
    searchFrom = close + 1;
  }
  return undefined;
}

function hasNegativeNumber(lower: string): boolean {
  for (let index = lower.indexOf('-'); index >= 0; index = lower.indexOf('-', index + 1)) {
    const next = lower.charCodeAt(index + 1);
    if ((next >= 48 && next <= 57) || next === 46) return true;
  }
  return false;
}

/** Quotes pair up and parentheses nest, so nothing in a value can run on into the next declaration. */
function balanced(value: string): boolean {
  let quote: string | undefined;
  let depth = 0;
  for (const character of value) {
    if (quote) {
      if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === '(') depth++;
    else if (character === ')' && --depth < 0) return false;
  }
  return quote === undefined && depth === 0;
}

function unquote(text: string): string {
  const first = text[0];
  return (first === '"' || first === "'") && text.endsWith(first) && text.length >= 2 ? text.slice(1, -1) : text;
}

function isNameCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45 || code === 95;
}

function isControl(code: number): boolean {
  return code < 0x20 ? code !== 0x09 && code !== 0x0a && code !== 0x0d : code === 0x7f;
}
