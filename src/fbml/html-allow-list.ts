/**
 * The HTML a profile box may contain (docs/fbml.md, "HTML: the allow-list"): FBML's HTML list
 * without `script`, `style`, `link` and `meta`, and for each element the attributes it keeps.
 * Anything not listed is removed: elements with their content, attributes alone. Every `on…` attribute is therefore gone, and so is every
 * attribute that could name a script, a frame or a namespace.
 */

/** How an attribute's value is checked before it is kept. */
export type AttributeRule =
  /** Any text; the serialiser escapes it. */
  | 'text'
  /** Rewritten to `app<appid>_<id>`, so a box cannot take the page's own ids. */
  | 'id'
  /** Refers to an `id`, so rewritten the same way (`label for`). */
  | 'id-reference'
  /** Filtered declaration by declaration (style-filter.ts). */
  | 'style'
  /** url-policy.ts rules. */
  | 'link-url'
  | 'image-url'
  | 'form-url'
  /** One of a few words, compared case-insensitively; emitted in lower case. */
  | { readonly oneOf: readonly string[] };

type AttributeRules = Readonly<Record<string, AttributeRule>>;

const GLOBAL_ATTRIBUTES: AttributeRules = {
  id: 'id',
  class: 'text',
  style: 'style',
  title: 'text',
  lang: 'text',
  dir: { oneOf: ['ltr', 'rtl'] },
};

const ALIGN: AttributeRules = { align: { oneOf: ['left', 'center', 'right', 'justify'] } };
const CELL_ALIGN: AttributeRules = { ...ALIGN, valign: { oneOf: ['top', 'middle', 'bottom', 'baseline'] } };
const TARGET: AttributeRule = { oneOf: ['_blank', '_self', '_parent', '_top'] };
const CITE: AttributeRules = { cite: 'link-url' };
const CHANGE: AttributeRules = { cite: 'link-url', datetime: 'text' };
const CELL: AttributeRules = {
  ...CELL_ALIGN, bgcolor: 'text', colspan: 'text', rowspan: 'text', width: 'text', height: 'text', nowrap: 'text',
  background: 'image-url', abbr: 'text', scope: { oneOf: ['row', 'col', 'rowgroup', 'colgroup'] },
};

/** Input types a box may use: no passwords (a box must not look like our sign-in form), no files, no image buttons. */
export const INPUT_TYPES: readonly string[] = ['text', 'hidden', 'submit', 'reset', 'button', 'checkbox', 'radio'];

export const ELEMENT_ATTRIBUTES: ReadonlyMap<string, AttributeRules> = new Map<string, AttributeRules>([
  ['a', { href: 'link-url', target: TARGET }],
  ['abbr', {}],
  ['acronym', {}],
  ['address', {}],
  ['b', {}],
  ['bdo', {}],
  ['big', {}],
  ['blockquote', CITE],
  ['br', { clear: { oneOf: ['left', 'right', 'all', 'none'] } }],
  ['caption', ALIGN],
  ['center', {}],
  ['cite', {}],
  ['code', {}],
  ['dd', {}],
  ['del', CHANGE],
  ['dfn', {}],
  ['div', ALIGN],
  ['dl', {}],
  ['dt', {}],
  ['em', {}],
  ['fieldset', {}],
  ['font', { color: 'text', face: 'text', size: 'text' }],
  ['form', {
    action: 'form-url',
    method: { oneOf: ['get', 'post'] },
    target: TARGET,
    enctype: { oneOf: ['application/x-www-form-urlencoded', 'multipart/form-data'] },
  }],
  ['h1', ALIGN], ['h2', ALIGN], ['h3', ALIGN], ['h4', ALIGN], ['h5', ALIGN], ['h6', ALIGN],
  ['hr', { ...ALIGN, noshade: 'text', size: 'text', width: 'text' }],
  ['i', {}],
  ['img', {
    src: 'image-url', alt: 'text', width: 'text', height: 'text', border: 'text', hspace: 'text', vspace: 'text',
    align: { oneOf: ['left', 'right', 'top', 'middle', 'bottom'] },
  }],
  ['input', {
    type: { oneOf: INPUT_TYPES }, name: 'text', value: 'text', size: 'text', maxlength: 'text',
    checked: 'text', disabled: 'text', readonly: 'text',
  }],
  ['ins', CHANGE],
  ['kbd', {}],
  ['label', { for: 'id-reference' }],
  ['legend', ALIGN],
  ['li', { type: 'text', value: 'text' }],
  ['ol', { type: 'text', start: 'text' }],
  ['optgroup', { label: 'text', disabled: 'text' }],
  ['option', { value: 'text', label: 'text', selected: 'text', disabled: 'text' }],
  ['p', ALIGN],
  ['pre', { width: 'text' }],
  ['q', CITE],
  ['s', {}],
  ['samp', {}],
  ['select', { name: 'text', size: 'text', multiple: 'text', disabled: 'text' }],
  ['small', {}],
  ['span', {}],
  ['strike', {}],
  ['strong', {}],
  ['sub', {}],
  ['sup', {}],
  ['table', {
    ...ALIGN, bgcolor: 'text', border: 'text', cellpadding: 'text', cellspacing: 'text', width: 'text',
    summary: 'text', background: 'image-url',
  }],
  ['tbody', CELL_ALIGN],
  ['td', CELL],
  ['textarea', { name: 'text', rows: 'text', cols: 'text', disabled: 'text', readonly: 'text' }],
  ['tfoot', CELL_ALIGN],
  ['th', CELL],
  ['thead', CELL_ALIGN],
  ['tr', { ...CELL_ALIGN, bgcolor: 'text' }],
  ['tt', {}],
  ['u', {}],
  ['ul', { type: 'text' }],
  ['var', {}],
]);

export function isAllowedElement(name: string): boolean {
  return ELEMENT_ATTRIBUTES.has(name);
}

/** The rule for `attribute` on `element`, or `undefined` when the attribute is dropped. */
export function attributeRule(element: string, attribute: string): AttributeRule | undefined {
  const rules = ELEMENT_ATTRIBUTES.get(element);
  if (!rules) return undefined;
  return Object.hasOwn(rules, attribute) ? rules[attribute] : Object.hasOwn(GLOBAL_ATTRIBUTES, attribute) ? GLOBAL_ATTRIBUTES[attribute] : undefined;
}

/** Elements that never have content (the serialiser writes no closing tag). */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(['br', 'hr', 'img', 'input']);
